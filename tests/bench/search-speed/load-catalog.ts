import type { Embedder } from '../../../src/catalog/embeddings/embedder.js';
import { embedStale, ingest, type IngestProgress } from '../../../src/ingest/ingest.js';
import { productRecordSchema } from '../../../src/catalog/records.js';
import type { Database } from '../../../src/db/database.js';
import { bulkLoad } from './bulk-load.js';
import { timed } from './measure.js';
import { syntheticProducts } from './synthetic-catalog.js';

export interface LoadResult {
  products: number;
  variants: number;
  ingest: { count: number; ms: number; writeMs: number; embedMs: number; failed: number };
  bulk: { count: number; ms: number; batchSize: number };
  /** What embedStale() found to re-embed after the bulk load (0 = the bulk vectors match ingest's). */
  restale: { count: number; ms: number };
  index: { ms: number; maintenanceWorkMem: string; definition: string };
  /** Set when these figures come from an earlier run whose database was kept (`--keep`). */
  reused?: boolean;
}

const BATCH = 1_000;
export const MAINTENANCE_WORK_MEM = '1GB';

function* batches(from: number, to: number): Generator<ReturnType<typeof syntheticProducts>> {
  for (let i = from; i < to; i += BATCH) yield syntheticProducts(i, Math.min(to, i + BATCH));
}

/**
 * Loads `total` synthetic products: the first `ingestCount` through the real `ingest()` path (timed:
 * that is the ingestion rate), the rest with set-based INSERTs and vectors from the same embedder.
 * The HNSW index is dropped for the bulk load and rebuilt once at the end (timed).
 */
export async function loadCatalog(
  deps: { db: Database; embedder: Embedder },
  total: number,
  ingestCount: number,
  log: (msg: string) => void,
): Promise<LoadResult> {
  const { db } = deps;
  const subset = syntheticProducts(0, ingestCount).map((record, i) => ({
    record: productRecordSchema.parse(record),
    source: { file: 'synthetic.jsonl', line: i + 1 },
  }));
  let writesDoneAt = 0;
  let lastLog = 0;
  const onProgress: IngestProgress = (phase, done, of) => {
    if (phase === 'products' && done === of) writesDoneAt = performance.now();
    if (done === of || performance.now() - lastLog > 5_000) {
      lastLog = performance.now();
      log(`ingest(): ${phase} ${done.toLocaleString('en-US')} / ${of.toLocaleString('en-US')}`);
    }
  };
  const started = performance.now();
  const ingested = await timed(() =>
    ingest(deps, { products: subset, customers: [], orders: [], policies: [], errors: [] }, { onProgress }),
  );
  const failed = ingested.result.counts.products.failed;
  if (failed > 0) log(`ingest(): ${failed} products failed, first error: ${ingested.result.errors[0]?.message}`);

  const index = await db.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE indexname = 'product_vectors_hnsw'`,
  );
  const definition = index.rows[0]?.indexdef;
  if (!definition) throw new Error('ingest() did not create the product_vectors_hnsw index');
  await db.exec('DROP INDEX product_vectors_hnsw');

  let lastBulkLog = 0;
  const bulk = await timed(() =>
    bulkLoad(deps, batches(ingestCount, total), (loaded) => {
      if (loaded === total - ingestCount || performance.now() - lastBulkLog > 10_000) {
        lastBulkLog = performance.now();
        log(`bulk load: ${(ingestCount + loaded).toLocaleString('en-US')} / ${total.toLocaleString('en-US')} products`);
      }
    }),
  );

  log(
    `building the HNSW index over ${total.toLocaleString('en-US')} vectors (maintenance_work_mem ${MAINTENANCE_WORK_MEM})…`,
  );
  const built = await timed(() =>
    db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
      await tx.exec(definition);
    }),
  );
  log(`HNSW index built in ${(built.ms / 1000).toFixed(1)} s`);

  // The index exists again, so prepareVectorTables' CREATE INDEX IF NOT EXISTS is a no-op here.
  const restale = await timed(() => embedStale(deps));
  await db.exec('VACUUM ANALYZE');
  await db.exec('CHECKPOINT');
  const counts = await db.query<{ products: number; variants: number }>(
    'SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM variants)::int AS variants',
  );
  return {
    products: counts.rows[0].products,
    variants: counts.rows[0].variants,
    ingest: {
      count: ingestCount,
      ms: ingested.ms,
      writeMs: writesDoneAt - started,
      embedMs: ingested.ms - (writesDoneAt - started),
      failed,
    },
    bulk: { count: bulk.result, ms: bulk.ms, batchSize: BATCH },
    restale: { count: restale.result.products, ms: restale.ms },
    index: { ms: built.ms, maintenanceWorkMem: MAINTENANCE_WORK_MEM, definition },
  };
}
