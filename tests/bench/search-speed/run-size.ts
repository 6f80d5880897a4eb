import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Embedder } from '../../../src/catalog/embeddings/embedder.js';
import { createCatalogSearch } from '../../../src/catalog/search.js';
import type { SearchQuery } from '../../../src/catalog/types.js';
import { toVectorLiteral, type Database } from '../../../src/db/database.js';
import { lockDataDir } from '../../../src/db/data-dir-lock.js';
import { createEmbeddedDatabase } from '../../../src/db/embedded-database.js';
import { migrate } from '../../../src/db/migrate.js';
import { createPgliteDatabase, DEFAULT_PGLITE_SHARED_BUFFERS, openPglite } from '../../../src/db/pglite-database.js';

/** As the app runs it (PGLITE_SHARED_BUFFERS). */
const SHARED_BUFFERS = process.env.PGLITE_SHARED_BUFFERS ?? DEFAULT_PGLITE_SHARED_BUFFERS;
import { loadCatalog, type LoadResult } from './load-catalog.js';
import {
  directorySize,
  eventLoopDelayDuring,
  sequentialLatencies,
  summarize,
  type LoopDelay,
  type Summary,
} from './measure.js';
import { retrieverPlans, type RetrieverPlans } from './explain.js';
import { describeQuery, hasFilters, syntheticQueries } from './queries.js';
import { explainNearest, measureRecall, nearest, queryCases, type ExactCache, type RecallResult } from './recall.js';

export const QUERY_COUNTS = {
  warmUp: 20,
  latency: 200,
  recall: 100,
  filteredRecall: 50,
  productRecall: 50,
  concurrent: 50,
  explained: 20,
};

export interface SizeResult {
  load: LoadResult;
  disk: { total: number; relations: Record<string, { table: number; indexes: number }> };
  latency: {
    hybrid: Summary;
    unfiltered: Summary;
    filtered: Summary;
    lexical: Summary;
    vector: Summary;
    inProcessHybrid: Summary;
    slowestHybrid: string;
    slowestLexical: string;
  };
  recall: {
    at10: RecallResult;
    at100: RecallResult;
    at10ef200: RecallResult;
    filteredAt10: RecallResult;
    productsAt10: RecallResult;
    rankAgrees: string;
  };
  plans: { title: string; usesHnsw: boolean; lines: string[] }[];
  /** The indexes the two retrievers' SQL scans, over the first latency queries. */
  retrieverPlans: RetrieverPlans;
  loop: { worker: LoopDelay; inProcess: LoopDelay };
}

const warmUpQueries = () => syntheticQueries(QUERY_COUNTS.warmUp, { seed: 11, filters: true });
const latencyQueries = () => syntheticQueries(QUERY_COUNTS.latency, { seed: 12, filters: true });

/** Bytes of each table (with its TOAST) and of its indexes. */
async function relationSizes(db: Database): Promise<Record<string, { table: number; indexes: number }>> {
  const r = await db.query<{ name: string; table_bytes: string; index_bytes: string }>(
    `SELECT name, pg_table_size(name)::text AS table_bytes, pg_indexes_size(name)::text AS index_bytes
     FROM unnest(ARRAY['products', 'variants', 'product_vectors']) AS name`,
  );
  return Object.fromEntries(
    r.rows.map((row) => [row.name, { table: Number(row.table_bytes), indexes: Number(row.index_bytes) }]),
  );
}

async function plans(db: Database, embedder: Embedder, sample: SearchQuery): Promise<SizeResult['plans']> {
  const v = toVectorLiteral(await embedder.embedQuery(sample.query));
  const cases: [string, 'hnsw' | 'exact', SearchQuery][] = [
    ['HNSW (search.ts settings), no filter', 'hnsw', sample],
    ['exact (enable_indexscan/bitmapscan off), no filter', 'exact', sample],
    ['HNSW, filter category=Footwear', 'hnsw', { ...sample, category: 'Footwear' }],
    ['HNSW, filter maxPrice €50 + in stock', 'hnsw', { ...sample, maxPriceMinor: 5_000, inStock: true }],
  ];
  const out: SizeResult['plans'] = [];
  for (const [title, mode, q] of cases) out.push({ title, ...(await explainNearest(db, mode, v, q, 10)) });
  return out;
}

/** Hybrid search, its two retrievers alone, HNSW recall and the event loop, on the worker-thread engine. */
async function measureWorker(db: Database, embedder: Embedder, log: (m: string) => void) {
  const search = createCatalogSearch({ db, embedder });
  for (const q of warmUpQueries()) await search.search(q);
  const queries = latencyQueries();
  log(`latency: ${queries.length} hybrid searches, one at a time`);
  const hybridMs = await sequentialLatencies(queries, (q) => search.search(q));
  const lexicalMs = await sequentialLatencies(queries, (q) => search.rank(q, 'lexical', 100));
  const vectorMs = await sequentialLatencies(queries, (q) => search.rank(q, 'vector', 100));
  const slowest = (msList: number[]) => {
    const i = msList.indexOf(Math.max(...msList));
    return `${describeQuery(queries[i])} ${Math.round(msList[i])} ms`;
  };
  const latency = {
    slowestHybrid: slowest(hybridMs),
    slowestLexical: slowest(lexicalMs),
    hybrid: summarize(hybridMs),
    unfiltered: summarize(hybridMs.filter((_, i) => !hasFilters(queries[i]))),
    filtered: summarize(hybridMs.filter((_, i) => hasFilters(queries[i]))),
    lexical: summarize(lexicalMs),
    vector: summarize(vectorMs),
  };

  log(`recall: ${QUERY_COUNTS.recall} queries against exact search`);
  const recallQueries = syntheticQueries(QUERY_COUNTS.recall, { seed: 13, filters: false });
  const filteredQueries = syntheticQueries(QUERY_COUNTS.filteredRecall * 4, { seed: 14, filters: true })
    .filter(hasFilters)
    .slice(0, QUERY_COUNTS.filteredRecall);
  const cases = await queryCases(embedder, recallQueries);
  const cache: ExactCache = new Map();
  // Top 100 first: its exact answers also serve the top-10 measurements.
  const at100 = await measureRecall(db, cases, { k: 100, cache });
  const at10 = await measureRecall(db, cases, { k: 10, cache });
  const at10ef200 = await measureRecall(db, cases, { k: 10, efSearch: 40, cache });
  const filteredAt10 = await measureRecall(db, await queryCases(embedder, filteredQueries), { k: 10, cache });
  // Stored product vectors as queries: in-distribution, unlike short shopper queries.
  const own = await db.query<{ id: number; v: string }>(
    `SELECT product_id AS id, embedding::text AS v FROM product_vectors ORDER BY md5(product_id::text) LIMIT ${QUERY_COUNTS.productRecall}`,
  );
  const productsAt10 = await measureRecall(
    db,
    own.rows.map((r) => ({ label: `product #${r.id}`, vector: r.v, filters: { query: '' } })),
    { k: 10, cache },
  );
  // The SQL in recall.ts copies search.ts; check the copy returns what the real retriever returns.
  let agree = 0;
  const checked = cases.slice(0, 10);
  for (const c of checked) {
    const mine = (await nearest(db, 'hnsw', c.vector, c.filters, 10)).map((r) => r.id);
    const real = await search.rank(c.filters, 'vector', 10);
    if (mine.join() === real.join()) agree++;
  }

  const planList = await plans(db, embedder, recallQueries[0]);
  const used = await retrieverPlans(db, embedder, queries.slice(0, QUERY_COUNTS.explained));
  log(`event loop: ${QUERY_COUNTS.concurrent} searches at once on the worker-thread engine`);
  const concurrent = queries.slice(0, QUERY_COUNTS.concurrent);
  const loop = await eventLoopDelayDuring(() => Promise.all(concurrent.map((q) => search.search(q))));
  return {
    latency,
    recall: { at10, at100, at10ef200, filteredAt10, productsAt10, rankAgrees: `${agree}/${checked.length}` },
    plans: planList,
    retrieverPlans: used,
    loop,
  };
}

/** The same searches on in-process PGlite over the same data directory. */
async function measureInProcess(dataDir: string, embedder: Embedder, log: (m: string) => void) {
  const lock = lockDataDir(dataDir);
  const db = createPgliteDatabase(await openPglite(dataDir, { sharedBuffers: SHARED_BUFFERS }), {
    onClose: () => lock.release(),
  });
  try {
    const search = createCatalogSearch({ db, embedder });
    for (const q of warmUpQueries()) await search.search(q);
    const queries = latencyQueries();
    log(`in-process PGlite: ${queries.length} hybrid searches one at a time, then ${QUERY_COUNTS.concurrent} at once`);
    const hybrid = summarize(await sequentialLatencies(queries, (q) => search.search(q)));
    const loop = await eventLoopDelayDuring(() =>
      Promise.all(queries.slice(0, QUERY_COUNTS.concurrent).map((q) => search.search(q))),
    );
    return { hybrid, loop };
  } finally {
    await db.close();
  }
}

/** Where a size's database lives, and whether it is deleted after the run. */
export interface SizeStore {
  /** Keep the database under this directory and, when it already holds one of this size, measure it without loading. */
  keepDir?: string;
}

const LOAD_FILE = 'load.json';

/** The load figures of a database an earlier run kept in `dir`, if it finished loading `total` products. */
function keptLoad(dir: string, total: number): LoadResult | null {
  const file = path.join(dir, LOAD_FILE);
  if (!fs.existsSync(file)) return null;
  const load = JSON.parse(fs.readFileSync(file, 'utf8')) as LoadResult;
  return load.ingest.count + load.bulk.count === total ? load : null;
}

/**
 * Builds a catalog of `total` products in a data directory, measures it, and deletes it; with `keepDir` the
 * directory stays, and a later run with the same `keepDir` reuses it (its load figures are those of the run that
 * loaded it; migrations added since are applied).
 */
export async function runSize(
  total: number,
  embedder: Embedder,
  log: (m: string) => void,
  store: SizeStore = {},
): Promise<SizeResult> {
  const root = store.keepDir
    ? path.join(store.keepDir, String(total))
    : fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-search-bench-'));
  const dataDir = path.join(root, 'pgdata');
  const kept = store.keepDir ? keptLoad(root, total) : null;
  if (store.keepDir && !kept) fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  try {
    let db = await createEmbeddedDatabase({ dataDir, sharedBuffers: SHARED_BUFFERS });
    let load: LoadResult;
    let relations: SizeResult['disk']['relations'];
    let worker: Awaited<ReturnType<typeof measureWorker>>;
    try {
      await migrate(db);
      if (kept) {
        log(`reusing the database kept in ${root}`);
        load = { ...kept, reused: true };
        // A migration added since may have rewritten rows: as after a load, no dead rows and fresh statistics.
        await db.exec('VACUUM ANALYZE');
      } else {
        load = await loadCatalog({ db, embedder }, total, Math.min(2_000, total), log);
        if (store.keepDir) fs.writeFileSync(path.join(root, LOAD_FILE), JSON.stringify(load));
        // Opened again, as the app does after a first import: `auto` shared buffers are sized by the loaded database.
        await db.close();
        db = await createEmbeddedDatabase({ dataDir, sharedBuffers: SHARED_BUFFERS });
      }
      const buffers = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
      log(`shared_buffers ${buffers.rows[0].shared_buffers} (PGLITE_SHARED_BUFFERS ${SHARED_BUFFERS})`);
      relations = await relationSizes(db);
      worker = await measureWorker(db, embedder, log);
    } finally {
      await db.close();
    }
    const disk = { total: directorySize(dataDir), relations };
    const inProcess = await measureInProcess(dataDir, embedder, log);
    return {
      load,
      disk,
      latency: { ...worker.latency, inProcessHybrid: inProcess.hybrid },
      recall: worker.recall,
      plans: worker.plans,
      retrieverPlans: worker.retrieverPlans,
      loop: { worker: worker.loop, inProcess: inProcess.loop },
    };
  } finally {
    if (!store.keepDir) fs.rmSync(root, { recursive: true, force: true });
  }
}
