import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Extended-query messages that leave a batch open until the client's Sync: Parse, Bind, Describe, Execute… */
const OPENS_BATCH = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
/** Messages whose answer may wait for the Sync or Flush (Postgres holds it too): Parse, Bind, Describe, Execute. */
const HOLDS_OUTPUT = new Set(['P', 'B', 'D', 'E'].map((c) => c.charCodeAt(0)));

type RawStreamOptions = Parameters<PGlite['execProtocolRawStream']>[1];

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * PGlite is one Postgres session shared by every connection. The socket server runs one message
 * at a time and keeps a transaction's connection first, but between an extended query's Parse and
 * its Sync (outside BEGIN) another connection's Parse would replace the unnamed statement: one
 * client got the other's rows. This view of the database reports such an open batch as a
 * transaction, so the server serves only that connection until its Sync.
 *
 * The socket server also writes each message's answer to the socket on its own: five writes (five
 * packets, with no delay) for one parameterized statement. This view holds the answers of Parse,
 * Bind, Describe and Execute and hands them over with the Sync's (or a Flush's), so a statement
 * costs one write. The batch belongs to one connection (above), so what is held is its own.
 */
function batchAware(db: PGlite): PGlite {
  let batchOpen = false;
  let held: Uint8Array[] = [];
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => batchOpen || target.isInTransaction();
      if (prop === 'execProtocolRawStream') {
        return async (message: Uint8Array, opts: RawStreamOptions) => {
          batchOpen = OPENS_BATCH.has(message[0]);
          if (HOLDS_OUTPUT.has(message[0])) {
            // The chunk is a view of PGlite's memory, reused by the next message: keep a copy.
            return target.execProtocolRawStream(message, { ...opts, onRawData: (d) => void held.push(d.slice()) });
          }
          if (held.length === 0) return target.execProtocolRawStream(message, opts);
          const before = held;
          held = [];
          await target.execProtocolRawStream(message, { ...opts, onRawData: (d) => void before.push(d.slice()) });
          opts.onRawData(concat(before));
        };
      }
      if (prop === 'exec') {
        // The server rolls back a disconnected client's transaction (or batch) with exec.
        return (sql: string) => {
          batchOpen = false;
          held = [];
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
