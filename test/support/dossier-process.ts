// The command line as a user meets it, in a process of its own: TypeScript through tsx, from
// any working folder.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** The tsx loader and the CLI's entry, as absolute URLs, so that a test may run in any folder. */
export const TSX_LOADER = import.meta.resolve('tsx');
export const CLI_MAIN = new URL('../../src/cli/main.ts', import.meta.url).href;

/** What a finished `dossier` process printed, and its exit code. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of a `dossier` process. */
export interface DossierOptions {
  /** Standard input; empty when not given. */
  input?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** The node arguments that run `dossier ARGS...`. */
export function dossierArgv(args: string[]): string[] {
  const script = `import(${JSON.stringify(CLI_MAIN)}).then((m) => m.main(['node', 'dossier', ...${JSON.stringify(args)}]))`;
  return ['--import', TSX_LOADER, '-e', script];
}

/** Starts `dossier ARGS...`; its output is decoded as UTF-8. */
export function startDossier(args: string[], options: DossierOptions = {}): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, dossierArgv(args), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdin.end(options.input ?? '');
  return child;
}

/** Collects what a child prints until it exits. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: string) => (stdout += d));
  child.stderr.on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `dossier ARGS...` to its end. */
export function dossier(args: string[], options: DossierOptions = {}): Promise<Run> {
  return finished(startDossier(args, options));
}

/** Fails when a stack trace reached standard error. */
export function assertNoStack(run: Pick<Run, 'stderr'>): void {
  assert.doesNotMatch(run.stderr, /^\s+at /m, `a stack trace on stderr:\n${run.stderr}`);
}
