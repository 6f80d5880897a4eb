import type { Database } from '../db/database.js';
import { toVectorParam } from '../db/database.js';
import type { Embedder } from './embeddings/embedder.js';

export type ProgressFn = (done: number, total: number) => void;

const PRODUCT_HNSW_SQL = `CREATE INDEX IF NOT EXISTS product_vectors_hnsw ON product_vectors
  USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 200)`;

/**
 * Whether loading `pending` vectors is cheaper with the HNSW index dropped and built once after:
 * bench:search measured an insert into the index at about 9 ms and a build at about 1.8 ms a row, so
 * a load of at least a quarter of the table's final size, and not a handful, goes faster rebuilt.
 */
export const rebuildsIndex = (pending: number, existing: number) => pending >= 500 && existing < 4 * pending;

/**
 * Makes sure the vector tables match the embedder (provider and dimension, recorded in
 * embedding_state). When the provider changed, the vectors are dropped, to be re-embedded.
 */
export async function prepareVectorTables(
  db: Database,
  embedder: Embedder,
): Promise<{ switched: boolean; previous: string | null }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [4_242_018]);
    const state = await tx.query<{ provider: string; dimension: number }>(
      'SELECT provider, dimension FROM embedding_state',
    );
    const prev = state.rows[0];
    const same = prev && prev.provider === embedder.id && prev.dimension === embedder.dimension;
    if (!same) {
      await tx.exec('DROP TABLE IF EXISTS product_vectors; DROP TABLE IF EXISTS policy_vectors;');
    }
    // ef_construction 200: bench:search measured HNSW recall@10 for shopper queries 0.61 → 0.87 at 10k
    // products for about twice the build time. An index built with the old default is rebuilt.
    const idx = await tx.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'product_vectors_hnsw'`,
    );
    if (idx.rows[0] && !idx.rows[0].indexdef.includes('ef_construction'))
      await tx.exec('DROP INDEX product_vectors_hnsw');
    const d = embedder.dimension;
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS product_vectors (
        product_id integer PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
        text_hash  text NOT NULL,
        embedding  vector(${d}) NOT NULL
      );
      ${PRODUCT_HNSW_SQL};
      CREATE TABLE IF NOT EXISTS policy_vectors (
        chunk_id   integer PRIMARY KEY REFERENCES policy_chunks (id) ON DELETE CASCADE,
        text_hash  text NOT NULL,
        embedding  vector(${d}) NOT NULL
      );`);
    await tx.query(
      `INSERT INTO embedding_state (id, provider, dimension) VALUES (true, $1, $2)
       ON CONFLICT (id) DO UPDATE SET provider = EXCLUDED.provider, dimension = EXCLUDED.dimension, updated_at = now()`,
      [embedder.id, d],
    );
    return { switched: Boolean(prev) && !same, previous: prev?.provider ?? null };
  });
}

interface Pending {
  id: number;
  text: string;
  hash: string;
}

/** Embeds what is missing or stale in batches; returns how many vectors were written. */
export async function embedPending(
  db: Database,
  embedder: Embedder,
  kind: 'product' | 'policy',
  pending: Pending[],
  opts: { batchSize?: number; onProgress?: ProgressFn; signal?: AbortSignal } = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 64;
  const table = kind === 'product' ? 'product_vectors' : 'policy_vectors';
  const key = kind === 'product' ? 'product_id' : 'chunk_id';
  if (pending.length === 0) return 0;
  const existing = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  const rebuild = kind === 'product' && rebuildsIndex(pending.length, existing.rows[0].n);
  if (rebuild) await db.query('DROP INDEX IF EXISTS product_vectors_hnsw');
  const batches: Pending[][] = [];
  for (let i = 0; i < pending.length; i += batchSize) batches.push(pending.slice(i, i + batchSize));
  const embed = (batch: Pending[]) =>
    embedder.embedDocuments(
      batch.map((p) => p.text),
      { signal: opts.signal },
    );
  let done = 0;
  try {
    // The database stores one batch while the next is embedded: two threads at work, not one after the other.
    let vectors = await embed(batches[0]);
    for (const [b, batch] of batches.entries()) {
      const tuples = batch.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3}::vector)`).join(', ');
      const stored = db.query(
        `INSERT INTO ${table} (${key}, text_hash, embedding) VALUES ${tuples}
         ON CONFLICT (${key}) DO UPDATE SET text_hash = EXCLUDED.text_hash, embedding = EXCLUDED.embedding`,
        batch.flatMap((p, j) => [p.id, p.hash, toVectorParam(db, vectors[j])]),
      );
      const next = batches[b + 1];
      [, vectors] = await Promise.all([stored, next ? embed(next) : Promise.resolve([])]);
      done += batch.length;
      opts.onProgress?.(done, pending.length);
    }
  } finally {
    // Even after an abort or a failure the index is back: search never runs without it.
    if (rebuild) {
      await db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL maintenance_work_mem = '512MB'; ${PRODUCT_HNSW_SQL}`);
      });
    }
  }
  return done;
}
