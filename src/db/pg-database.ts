import pg from 'pg';
import pgvector from 'pgvector/pg';
import { HNSW_SESSION_SQL, type Database, type Queryable, type QueryResult } from './database.js';

/**
 * Creates the pgvector extension when the server has it (PGlite and managed Postgres services
 * do; a plain Postgres may not). Returns whether it is installed.
 */
async function ensureVector(client: pg.Client): Promise<boolean> {
  const available = await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
  if (available.rows.length > 0) {
    // Without the right to create it (a managed service's role), an installed one is still used.
    await client.query('CREATE EXTENSION IF NOT EXISTS vector').catch(() => undefined);
  }
  const installed = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'vector'`);
  return installed.rows.length > 0;
}

/**
 * A real Postgres (or PGlite served over the wire) through a `pg` Pool. pgvector types are
 * registered on every new connection. The extension is created first, so registration can find it;
 * a server without pgvector works too, with `capabilities.vector` false.
 */
export async function createPgDatabase(opts: {
  connectionString: string;
  max?: number;
  onClose?: () => Promise<void> | void;
}): Promise<Database> {
  const first = new pg.Client({ connectionString: opts.connectionString });
  await first.connect();
  let vector: boolean;
  try {
    vector = await ensureVector(first);
  } finally {
    await first.end();
  }
  // `onConnect` is awaited before a new client is handed out, so registration never races a query.
  const poolOptions: pg.PoolConfig = {
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    // Keep connections: a reconnect costs a handshake, pgvector type registration and the HNSW settings.
    idleTimeoutMillis: 0,
    onConnect: vector
      ? async (client: pg.ClientBase) => {
          await pgvector.registerTypes(client);
          await client.query(HNSW_SESSION_SQL);
        }
      : undefined,
  };
  const pool = new pg.Pool(poolOptions);
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await c.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });

  return {
    engine: 'pg',
    capabilities: { vector },
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
      await opts.onClose?.();
    },
  };
}
