import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { Database, Queryable, QueryResult } from './database.js';

/**
 * The embedded database's shared_buffers unless PGLITE_SHARED_BUFFERS says otherwise: `auto` sizes
 * them to the database found on disk at start. bench:search at 10k products: 128MB gives hybrid p95
 * 96 ms, 32MB 137 ms; the demo shop (about 60 MB on disk) searches as fast with 32MB, which saves
 * about 120 MB of resident memory.
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = 'auto';
/** What PGLITE_SHARED_BUFFERS (and db:serve's --shared-buffers) accept. */
export const SHARED_BUFFERS_SETTING = /^(auto|\d+(kB|MB|GB))$/;
/** From this size on disk, `auto` gives the database PGlite's own 128MB of shared buffers. */
const LARGE_DATABASE_BYTES = 256 * 1024 * 1024;

/** `auto`: 32MB while the database in `dataDir` is under 256 MB on disk (or absent), 128MB from there. */
export function sharedBuffersFor(setting: string, dataDir: string | undefined): string {
  if (setting !== 'auto') return setting;
  return dataDir && directoryBytes(dataDir) >= LARGE_DATABASE_BYTES ? '128MB' : '32MB';
}

function directoryBytes(dir: string): number {
  try {
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((total, e) => total + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size, 0);
  } catch {
    return 0;
  }
}

/**
 * Opens PGlite with pgvector. `dataDir` undefined keeps the database in memory; `loadDataDir`
 * starts it from a snapshot (`dumpDataDir()`) of another one. `sharedBuffers` may be `auto`.
 */
export async function openPglite(
  at?: string | { loadDataDir: Blob | File },
  opts: { sharedBuffers?: string } = {},
): Promise<PGlite> {
  const sharedBuffers =
    opts.sharedBuffers && sharedBuffersFor(opts.sharedBuffers, typeof at === 'string' ? at : undefined);
  const startParams = sharedBuffers
    ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`]
    : undefined;
  if (typeof at === 'object')
    return PGlite.create({ loadDataDir: at.loadDataDir, extensions: { vector }, startParams });
  return PGlite.create({ dataDir: at, extensions: { vector }, startParams });
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
