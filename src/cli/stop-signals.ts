/** Why a long-running command stopped. */
export type StopReason = 'SIGINT' | 'SIGTERM' | 'parent-exited';

/** How often the parent process is looked for. */
const PARENT_POLL_MS = 500;

/**
 * The parent to watch when npm runs this process (`npm start`, `npx dossier serve`), else null.
 * npm passes SIGINT and SIGTERM on to the shell that runs a script, not to the script's
 * process; on SIGTERM the shell exits and leaves this process running, on SIGINT it waits for
 * it. Watching the parent makes the first case stop the server too. Read it when the process
 * starts, before the parent can have gone.
 */
export function parentToWatch(env: NodeJS.ProcessEnv = process.env): number | null {
  return env.npm_lifecycle_event ? process.ppid : null;
}

/**
 * Resolves once the process is asked to stop: on SIGINT or SIGTERM, or when `parent` (a pid
 * from parentToWatch) is no longer its parent. Stops listening for all of them when it resolves.
 *
 * @example const reason = await whenStopped(parentToWatch()); await server.close();
 */
export function whenStopped(parent: number | null = null): Promise<StopReason> {
  return new Promise((resolve) => {
    const stop = (reason: StopReason) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      if (timer) clearInterval(timer);
      resolve(reason);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const orphaned = () => parent !== null && process.ppid !== parent;
    const timer = parent === null ? undefined : setInterval(() => orphaned() && stop('parent-exited'), PARENT_POLL_MS);
    if (orphaned()) stop('parent-exited');
  });
}
