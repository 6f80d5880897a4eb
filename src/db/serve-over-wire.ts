import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Serves a PGlite instance over the Postgres wire protocol on loopback; returns its connection string. */
export async function servePgliteOverWire(
  db: PGlite,
  opts: { host?: string; port?: number; maxConnections?: number } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new PGLiteSocketServer({
    db,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 4,
  });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    stop: () => server.stop(),
  };
}
