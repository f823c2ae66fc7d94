import { serve as serveNode } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/store.ts';
import { createApp } from './app.ts';

/** Where a running server listens, and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the API and page over a store. Binds 127.0.0.1 unless told otherwise; port 0 picks
 * a free port. Resolves once the server listens.
 *
 * @example const { url } = await startServer(store, { port: 8700 }); console.log(url)
 */
export function startServer(store: Store, options: { host?: string; port?: number } = {}): Promise<RunningServer> {
  const hostname = options.host ?? '127.0.0.1';
  const app = createApp(store);
  return new Promise((resolve, reject) => {
    const server = serveNode({ fetch: app.fetch, hostname, port: options.port ?? 8700 }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
