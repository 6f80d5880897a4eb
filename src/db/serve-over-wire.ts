import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Extended-query messages that leave a batch open until the client's Sync: Parse, Bind, Describe, Execute… */
const OPENS_BATCH = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/**
 * PGlite is one Postgres session shared by every connection. The socket server runs one message
 * at a time and keeps a transaction's connection first, but between an extended query's Parse and
 * its Sync (outside BEGIN) another connection's Parse would replace the unnamed statement: one
 * client got the other's rows. This view of the database reports such an open batch as a
 * transaction, so the server serves only that connection until its Sync.
 */
function batchAware(db: PGlite): PGlite {
  let batchOpen = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => batchOpen || target.isInTransaction();
      if (prop === 'execProtocolRawStream') {
        return (message: Uint8Array, opts: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          batchOpen = OPENS_BATCH.has(message[0]);
          return target.execProtocolRawStream(message, opts);
        };
      }
      if (prop === 'exec') {
        // The server rolls back a disconnected client's transaction (or batch) with exec.
        return (sql: string) => {
          batchOpen = false;
          return target.exec(sql);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Serves a PGlite instance over the Postgres wire protocol on loopback; returns its connection string. */
export async function servePgliteOverWire(
  db: PGlite,
  opts: { host?: string; port?: number; maxConnections?: number } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new PGLiteSocketServer({
    db: batchAware(db),
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
