// Starts the app on Node with @hono/node-server.
import { serve as nodeServe, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Env } from './http/context.js';

export interface ServeOptions {
  /** Default 3000; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1; use 0.0.0.0 in a container. */
  hostname?: string;
}

/** Listens and resolves once the port is open, with the address actually used. */
export function serve(
  app: Hono<Env>,
  options: ServeOptions = {},
): Promise<{ server: ServerType; port: number; url: string; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = nodeServe(
      { fetch: app.fetch, port: options.port ?? 3000, hostname: options.hostname ?? '127.0.0.1' },
      (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          server,
          port: info.port,
          url: `http://${host}:${info.port}`,
          close: () => new Promise<void>((res) => server.close(() => res())),
        });
      },
    );
    server.once('error', reject);
  });
}
