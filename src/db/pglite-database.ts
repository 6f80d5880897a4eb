import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { Database, Queryable, QueryResult } from './database.js';

/**
 * Opens PGlite with pgvector. `dataDir` undefined keeps the database in memory; `loadDataDir`
 * starts it from a snapshot (`dumpDataDir()`) of another one.
 */
export async function openPglite(at?: string | { loadDataDir: Blob | File }): Promise<PGlite> {
  if (typeof at === 'object') return PGlite.create({ loadDataDir: at.loadDataDir, extensions: { vector } });
  return PGlite.create({ dataDir: at, extensions: { vector } });
}

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/** The embedded engine in this process. Fast to call, but Postgres runs on the JavaScript thread. */
export function createPgliteDatabase(pg: PGlite, opts: { onClose?: () => Promise<void> | void } = {}): Database {
  const base = wrap(pg);
  return {
    engine: 'pglite',
    // openPglite always loads pgvector.
    capabilities: { vector: true },
    ...base,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (!pg.closed) await pg.close();
      await opts.onClose?.();
    },
  };
}
