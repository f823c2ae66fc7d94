import { serve as serveNode } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/store.ts';
import { createApp } from './app.ts';
import type { IngestRouteOptions } from './ingest-routes.ts';

/** Where a running server listens, and how to stop it. */
export interface RunningServer {
  url: string;
  /** Stops listening and ends every connection; a request still running gets CLOSE_GRACE_MS to finish. */
  close(): Promise<void>;
}

/** How long close() lets a request in progress finish before it ends the connection. */
const CLOSE_GRACE_MS = 1000;

/** A server that cannot listen where it was asked to: the port is taken, not allowed, or the host is not this machine's. */
export class ListenError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ListenError';
    this.code = code;
  }
}

/** The user's words for why listening failed, with what to change. */
function listenError(e: NodeJS.ErrnoException, host: string, port: number): ListenError {
  const where = `${host}:${port}`;
  switch (e.code) {
    case 'EADDRINUSE':
      return new ListenError(e.code, `port ${port} on ${host} is taken by another program (or another Dossier); choose another with --port, such as --port ${port === 65535 ? port - 1 : port + 1}, or --port 0 for any free port`);
    case 'EACCES':
      return new ListenError(e.code, `not allowed to listen on ${where} (ports below 1024 need special rights); choose another with --port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ListenError(e.code, `cannot listen on ${where}: ${JSON.stringify(host)} is not an address of this machine; check --host`);
    default:
      return new ListenError(e.code ?? 'listen', `cannot listen on ${where}: ${e.message}`);
  }
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;
const WILDCARD = /^(?:0\.0\.0\.0|::|\[::\])$/;
const IP_LITERAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * Whether a request's Host (`name:port`) names the server bound to `bound` and listening on
 * `port`: the bound name or address itself; for a loopback address also `localhost`, `127.0.0.1`
 * and `[::1]`; for every address (0.0.0.0, ::) any IP address and `localhost`. Never another
 * name: a page whose name was made to resolve to this machine (DNS rebinding) carries its own.
 *
 * @example boundHost('127.0.0.1', 8700)('localhost:8700') // true
 */
export function boundHost(bound: string, port: number): (host: string) => boolean {
  const bracketed = (name: string) => (name.includes(':') && !name.startsWith('[') ? `[${name}]` : name).toLowerCase();
  const names = new Set([bracketed(bound)]);
  if (LOOPBACK.test(bound) || WILDCARD.test(bound)) for (const name of ['localhost', '127.0.0.1', '[::1]']) names.add(name);
  return (host) => {
    // a browser leaves out port 80
    const m = /^(.*?)(?::(\d+))?$/.exec(host.toLowerCase());
    if (!m || Number(m[2] ?? 80) !== port) return false;
    return names.has(m[1]) || (WILDCARD.test(bound) && IP_LITERAL.test(m[1]));
  };
}

/**
 * Serves the API and page over a store. Binds 127.0.0.1 unless told otherwise; port 0 picks
 * a free port. Resolves once the server listens; rejects with a ListenError when it cannot.
 * `ingest` says how the page's ingest writes and what it may take (IngestRouteOptions); every
 * API request must be addressed to the bound address (boundHost).
 *
 * @example const { url } = await startServer(store, { port: 8700 }); console.log(url)
 */
export function startServer(store: Store, options: { host?: string; port?: number; ingest?: Omit<IngestRouteOptions, 'allowHost'> } = {}): Promise<RunningServer> {
  const hostname = options.host ?? '127.0.0.1';
  const port = options.port ?? 8700;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`startServer needs a port from 0 to 65535, got ${port}`);
  // the port is known once the server listens, before any request arrives
  let allowHost: (host: string) => boolean = () => false;
  const app = createApp(store, { ingest: { ...options.ingest, allowHost: (host) => allowHost(host) }, allowHost: (host) => allowHost(host) });
  return new Promise((resolve, reject) => {
    const server = serveNode({ fetch: app.fetch, hostname, port }, (info: AddressInfo) => {
      allowHost = boundHost(hostname, info.port);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${host}:${info.port}/`, close: () => closeServer(server as Server) });
    });
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(e, hostname, port)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((done) => {
    // a browser keeps idle connections open; close() alone would wait for them
    const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    server.close(() => {
      clearTimeout(grace);
      done();
    });
    server.closeIdleConnections();
  });
}
