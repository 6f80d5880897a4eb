import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { HNSW_SESSION_SQL, type Database, type Queryable, type QueryResult } from './database.js';

/**
 * The embedded database's shared_buffers unless PGLITE_SHARED_BUFFERS says otherwise: `auto` sizes
 * them to the database found on disk at start. bench:search at 10k products: 128MB gives hybrid p95
 * 96 ms, 32MB 137 ms; the demo shop (about 60 MB on disk) searches as fast with 32MB, which saves
 * about 120 MB of resident memory. At 100k products (about 800 MB on disk) a lexical search of a
 * common word reads most of the products table (250 MB): with 128MB of buffers every page came from
 * the data directory again, each search (an 8-word query: 557 → 199 ms with 512MB).
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = 'auto';
/** What PGLITE_SHARED_BUFFERS (and db:serve's --shared-buffers) accept. */
export const SHARED_BUFFERS_SETTING = /^(auto|\d+(kB|MB|GB))$/;
const MB = 1024 * 1024;
/** From this size on disk, `auto` gives the database at least PGlite's own 128MB of shared buffers. */
const LARGE_DATABASE_BYTES = 256 * MB;
/** `auto` never goes above this: the buffers live in PGlite's WebAssembly memory, which has a ceiling. */
const MAX_AUTO_BUFFERS_MB = 512;

/**
 * `auto`: 32MB while the database in `dataDir` is under 256 MB on disk (or absent); from there half its
 * size on disk in steps of 64MB, at least 128MB and at most 512MB, so that a large catalog's tables and
 * indexes stay in memory between searches.
 */
export function sharedBuffersFor(setting: string, dataDir: string | undefined): string {
  if (setting !== 'auto') return setting;
  const bytes = dataDir ? directoryBytes(dataDir) : 0;
  if (bytes < LARGE_DATABASE_BYTES) return '32MB';
  const half = Math.ceil(bytes / 2 / (64 * MB)) * 64;
  return `${Math.min(MAX_AUTO_BUFFERS_MB, Math.max(128, half))}MB`;
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
  const pg =
    typeof at === 'object'
      ? await PGlite.create({ loadDataDir: at.loadDataDir, extensions: { vector }, startParams })
      : await PGlite.create({ dataDir: at, extensions: { vector }, startParams });
  // PGlite is one session: every connection served over the wire shares these too.
  await pg.exec(HNSW_SESSION_SQL);
  return pg;
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
