/**
 * Search speed on the embedded engine (PGlite on a worker thread, reached through `pg`) at
 * synthetic catalog sizes: hybrid search latency, HNSW recall against exact search, ingestion
 * rate, index build time, size on disk, and the main thread's event-loop delay while 50 searches
 * run at once, on the worker-thread engine and on in-process PGlite over the same data.
 *
 *   npm run bench:search                 # 10,000 and 100,000 products
 *   npm run bench:search -- 2000 10000   # other sizes ("10k" works too)
 *   npm run bench:search -- 100k --keep /tmp/search-bench
 *                                        # keeps each size's database under that directory, and measures a kept
 *                                        # one again without loading it (its loading figures are the first run's)
 */
import os from 'node:os';
import path from 'node:path';
import { createLocalEmbedder } from '../../src/catalog/embeddings/local-embedder.js';
import { MAINTENANCE_WORK_MEM } from './search-speed/load-catalog.js';
import type { RecallResult } from './search-speed/recall.js';
import { QUERY_COUNTS, runSize, type SizeResult } from './search-speed/run-size.js';
import { describeIndexes } from './search-speed/explain.js';
import { count, megabytes, ms, ratio, renderTable, seconds, type TableRow } from './search-speed/table.js';
import type { DelayStats, Summary } from './search-speed/measure.js';

const CACHE_DIR = path.resolve(import.meta.dirname, '../../.cache/embeddings');

function parseArgs(args: string[]): { sizes: number[]; keepDir?: string } {
  const keep = args.indexOf('--keep');
  if (keep >= 0 && !args[keep + 1]) throw new Error('--keep needs a directory');
  const keepDir = keep >= 0 ? path.resolve(args[keep + 1]) : undefined;
  const rest = keep >= 0 ? [...args.slice(0, keep), ...args.slice(keep + 2)] : args;
  return { sizes: parseSizes(rest), keepDir };
}

function parseSizes(args: string[]): number[] {
  const sizes = args.map((a) => {
    const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(a.replace(/[_,]/g, ''));
    if (!m) throw new Error(`Not a catalog size: "${a}" (expected e.g. 10000 or 10k)`);
    return Math.round(Number(m[1]) * (m[2] ? 1_000 : 1));
  });
  return sizes.length > 0 ? sizes : [10_000, 100_000];
}

const startedAt = performance.now();
const log = (msg: string) =>
  console.error(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${msg}`);

const latencyCell = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)}  (max ${ms(s.max)}, n=${s.count})`;
const loopCell = (d: DelayStats) =>
  `p50 ${ms(d.p50)} / p99 ${ms(d.p99)} / max ${ms(d.max)}  (${d.samples} samples${d.exceeds > 0 ? `, ${d.exceeds} out of range` : ''})`;
const loopRatio = (worker: DelayStats, inProcess: DelayStats) =>
  `worker ${ms(worker.p99)} vs in-process ${ms(inProcess.p99)} (${ratio(inProcess.p99, worker.p99)})`;
const perMinute = (n: number, msValue: number) => `${count((n / msValue) * 60_000)} products/min`;
const recallCell = (r: RecallResult) =>
  `${r.mean.toFixed(3)}  (min ${r.min.toFixed(2)}, ${r.perfect}/${r.queries} perfect${r.short > 0 ? `, ${r.short} returned too few` : ''})`;

function rows(results: SizeResult[]): TableRow[] {
  const cells = (f: (r: SizeResult) => string) => results.map(f);
  const row = (label: string, f: (r: SizeResult) => string): TableRow => ({ label, cells: cells(f) });
  const rel = (r: SizeResult, name: string) => {
    const size = r.disk.relations[name];
    return size ? `${megabytes(size.table)} + ${megabytes(size.indexes)}` : '–';
  };
  return [
    { section: 'Catalog' },
    row('products / variants', (r) => `${count(r.load.products)} / ${count(r.load.variants)}`),
    {
      section: results.some((r) => r.load.reused)
        ? "Loading (local embedder; kept database: an earlier run's figures)"
        : 'Loading (local embedder)',
    },
    row(
      'ingest() rate, real path (†)',
      (r) =>
        `${perMinute(r.load.ingest.count, r.load.ingest.ms)}  (first ${count(r.load.ingest.count)} in ${seconds(r.load.ingest.ms)})`,
    ),
    row(
      '  of which: upserts / embed+vectors',
      (r) =>
        `${seconds(r.load.ingest.writeMs)} / ${seconds(r.load.ingest.embedMs)}  (HNSW index built after the load when that is faster)`,
    ),
    row('rest: bulk INSERTs, no index (*)', (r) =>
      r.load.bulk.count === 0
        ? '– (all went through ingest())'
        : `${perMinute(r.load.bulk.count, r.load.bulk.ms)}  (${count(r.load.bulk.count)} in ${seconds(r.load.bulk.ms)})`,
    ),
    row(
      'HNSW index build',
      (r) => `${seconds(r.load.index.ms)}  (maintenance_work_mem ${r.load.index.maintenanceWorkMem})`,
    ),
    row('embedStale() afterwards', (r) => `${r.load.restale.count} re-embedded, ${seconds(r.load.restale.ms)}`),
    row('database on disk', (r) => megabytes(r.disk.total)),
    row('  products: table + indexes', (r) => rel(r, 'products')),
    row('  variants: table + indexes', (r) => rel(r, 'variants')),
    row('  product_vectors: table + HNSW, pkey', (r) => rel(r, 'product_vectors')),
    { section: `Search latency p50 / p95, sequential, after ${QUERY_COUNTS.warmUp} warm-up searches` },
    row('hybrid search(), worker engine', (r) => latencyCell(r.latency.hybrid)),
    row('  without filters', (r) => latencyCell(r.latency.unfiltered)),
    row('  with filters', (r) => latencyCell(r.latency.filtered)),
    row('lexical retriever alone (100)', (r) => latencyCell(r.latency.lexical)),
    row('vector retriever alone (100)', (r) => latencyCell(r.latency.vector)),
    row('hybrid search(), in-process PGlite', (r) => latencyCell(r.latency.inProcessHybrid)),
    row('slowest hybrid query', (r) => r.latency.slowestHybrid),
    row(`plan: lexical retriever, indexes (first ${QUERY_COUNTS.explained})`, (r) =>
      describeIndexes(r.retrieverPlans.lexical, r.retrieverPlans.queries),
    ),
    row(`plan: vector retriever, indexes (first ${QUERY_COUNTS.explained})`, (r) =>
      describeIndexes(r.retrieverPlans.vector, r.retrieverPlans.queries),
    ),
    row('slowest lexical query', (r) => r.latency.slowestLexical),
    { section: 'HNSW recall against exact search' },
    row('recall@10, ef_search 200 (as search.ts)', (r) => recallCell(r.recall.at10)),
    row('recall@100, ef_search 200 (**)', (r) => recallCell(r.recall.at100)),
    row('recall@10, ef_search 40 (pgvector default)', (r) => recallCell(r.recall.at10ef200)),
    row('recall@10, filtered, iterative', (r) => recallCell(r.recall.filteredAt10)),
    row('recall@10, product vectors as queries', (r) => recallCell(r.recall.productsAt10)),
    row(
      'top-10 query p50: HNSW vs exact',
      (r) =>
        `${ms(r.recall.at10.hnswMs.p50)} vs ${ms(r.recall.at10.exactMs.p50)}  (${ratio(r.recall.at10.exactMs.p50, r.recall.at10.hnswMs.p50)})`,
    ),
    row(
      'plan: HNSW query / exact query',
      (r) =>
        `${r.plans[0].usesHnsw ? 'HNSW index scan' : 'NO HNSW scan'} / ${r.plans[1].usesHnsw ? 'HNSW index scan' : 'seq scan + sort'}`,
    ),
    row('worst recall@10 query', (r) =>
      r.recall.at10.worst ? `${r.recall.at10.worst.recall.toFixed(2)} ${r.recall.at10.worst.query}` : '–',
    ),
    row('worst filtered recall@10 query', (r) =>
      r.recall.filteredAt10.worst
        ? `${r.recall.filteredAt10.worst.recall.toFixed(2)} ${r.recall.filteredAt10.worst.query}`
        : '–',
    ),
    row('copied SQL = search.rank() ids', (r) => r.recall.rankAgrees),
    { section: `Main-thread event-loop delay while ${QUERY_COUNTS.concurrent} hybrid searches run at once (***)` },
    row('worker: monitorEventLoopDelay', (r) => loopCell(r.loop.worker.histogram)),
    row('in-process: monitorEventLoopDelay', (r) => loopCell(r.loop.inProcess.histogram)),
    row('worker: setInterval probe', (r) => loopCell(r.loop.worker.probe)),
    row('in-process: setInterval probe', (r) => loopCell(r.loop.inProcess.probe)),
    row('event-loop p99 (probe)', (r) => loopRatio(r.loop.worker.probe, r.loop.inProcess.probe)),
    row('event-loop p99 (histogram)', (r) => loopRatio(r.loop.worker.histogram, r.loop.inProcess.histogram)),
    row(
      'wall time for the 50',
      (r) => `worker ${seconds(r.loop.worker.wallMs)} vs in-process ${seconds(r.loop.inProcess.wallMs)}`,
    ),
  ];
}

function planSection(size: number, r: SizeResult): string {
  return [
    `Query plans at ${count(size)} products (vector retriever's SQL, top 10):`,
    ...r.plans.flatMap((p) => [
      `  ${p.title}: ${p.usesHnsw ? 'uses' : 'does NOT use'} product_vectors_hnsw`,
      ...p.lines.map((l) => `      ${l}`),
    ]),
  ].join('\n');
}

function report(sizes: number[], results: SizeResult[]): string {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  return [
    '',
    `Search speed: embedded engine (PGlite on a worker thread, reached through pg over loopback), ${embedder.id} (${embedder.dimension} d)`,
    `${QUERY_COUNTS.latency} varied queries (about half with price/category/in-stock filters), ${QUERY_COUNTS.recall} for recall, ` +
      `${QUERY_COUNTS.filteredRecall} filtered, ${QUERY_COUNTS.productRecall} product vectors; ${os.availableParallelism()} cores, load average now ${load}`,
    renderTable(
      sizes.map((s) => `${count(s)} products`),
      rows(results),
    ),
    `(*)  Only the first products go through ingest() (that row is the ingestion rate). The rest are loaded with set-based`,
    `     INSERTs (1,000 a statement) and vectors from the same embedder, with the HNSW index dropped and rebuilt once,`,
    `     with maintenance_work_mem ${MAINTENANCE_WORK_MEM}; embedStale() re-embedding 0 shows the bulk rows match ingest()'s.`,
    `(†)  The same first products into an empty database at every size: differences between columns are machine load.`,
    `(**) Hybrid search fuses the vector retriever's top 100 (ef_search 200) with the lexical top 100.`,
    `(***) monitorEventLoopDelay({ resolution: 10 }) records the time between its 10 ms ticks, the probe the gaps between a`,
    `     10 ms setInterval's callbacks: an idle loop reads about 10 ms on both, and a loop blocked from the first search to the`,
    `     last records one gap as long as the run (few samples, so p99 = max). The histogram has been seen to miss such a gap.`,
  ].join('\n');
}

const { sizes, keepDir } = parseArgs(process.argv.slice(2));
const embedder = await createLocalEmbedder({ cacheDir: CACHE_DIR });
log(
  `embedder ${embedder.id} (${embedder.dimension} d), word vectors from ${embedder.loadedFrom} in ${Math.round(embedder.loadMs)} ms`,
);
const results: SizeResult[] = [];
for (const size of sizes) {
  const sizeStart = performance.now();
  log(`=== ${count(size)} products ===`);
  const result = await runSize(size, embedder, (m) => log(`${count(size)}: ${m}`), { keepDir });
  results.push(result);
  console.log(`\n${planSection(size, result)}`);
  console.log(report([size], [result]));
  log(`${count(size)} products done in ${seconds(performance.now() - sizeStart)}`);
}
if (sizes.length > 1) console.log(`\nAll sizes:${report(sizes, results)}`);
console.log(`Total time ${seconds(performance.now() - startedAt)}.`);
