import pg from 'pg';
import pgvector from 'pgvector/pg';
import type { Database, Queryable, QueryResult } from './database.js';

/**
 * A real Postgres (or PGlite served over the wire) through a `pg` Pool. pgvector types are
 * registered on every new connection. The extension is created first, so registration can find it.
 */
export async function createPgDatabase(opts: {
  connectionString: string;
  max?: number;
  onClose?: () => Promise<void> | void;
}): Promise<Database> {
  const first = new pg.Client({ connectionString: opts.connectionString });
  await first.connect();
  try {
    await first.query('CREATE EXTENSION IF NOT EXISTS vector');
  } finally {
    await first.end();
  }
  // `onConnect` is awaited before a new client is handed out, so registration never races a query.
  const poolOptions: pg.PoolConfig = {
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    // Keep connections: a reconnect costs a handshake and pgvector type registration.
    idleTimeoutMillis: 0,
    onConnect: (client: pg.ClientBase) => pgvector.registerTypes(client),
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
