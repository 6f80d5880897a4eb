/**
 * Search quality on judged queries: nDCG@10 and recall@20 for lexical-only, vector-only and
 * hybrid search() side by side, overall and per query kind, with mean latency per mode.
 *
 *   npm run bench:retrieval                                   # the demo shop and its labelled queries
 *   npm run bench:retrieval -- --queries other.jsonl --catalog other-shop/
 *   npm run bench:retrieval -- --wands ~/WANDS/dataset --limit-products 5000 --limit-queries 100
 *   npm run bench:retrieval -- --variant words                # another local embedder variant
 *   npm run bench:retrieval -- --embedder app                 # the embedder the app's configuration picks
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppEmbedder } from '../../src/app/create-app-embedder.js';
import { createEmbedder } from '../../src/catalog/embeddings/create-embedder.js';
import type { Embedder } from '../../src/catalog/embeddings/embedder.js';
import { isLocalVariantName, LOCAL_VARIANTS } from '../../src/catalog/embeddings/local-variants.js';
import { loadConfig } from '../../src/config.js';
import { loadDemoBench } from './retrieval/demo-queries.js';
import { renderReport } from './retrieval/report.js';
import { loadBench, runModes, unknownJudgedHandles, type BenchSet } from './retrieval/run-bench.js';
import { loadWands } from './retrieval/wands.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USAGE = `Usage: npm run bench:retrieval -- [--catalog DIR] [--queries FILE.jsonl]
       [--wands DIR [--limit-products N] [--limit-queries N]] [--variant NAME | --embedder app]`;

const startedAt = performance.now();
const log = (msg: string) =>
  console.error(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name} needs a positive whole number, not "${value}"\n${USAGE}`);
  return n;
}

async function embedderFor(kind: string, variant: string | undefined): Promise<Embedder> {
  if (kind === 'app') return createAppEmbedder(loadConfig());
  if (kind !== 'local') throw new Error(`--embedder is "local" or "app", not "${kind}"\n${USAGE}`);
  if (variant !== undefined && !isLocalVariantName(variant)) {
    throw new Error(`Unknown --variant "${variant}" (known: ${Object.keys(LOCAL_VARIANTS).join(', ')})`);
  }
  return createEmbedder({ cacheDir: path.join(ROOT, '.cache/embeddings'), localVariant: variant });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      catalog: { type: 'string', default: path.join(ROOT, 'catalog') },
      queries: { type: 'string', default: path.join(ROOT, 'tests/fixtures/retrieval/queries.jsonl') },
      wands: { type: 'string' },
      'limit-products': { type: 'string' },
      'limit-queries': { type: 'string' },
      embedder: { type: 'string', default: 'local' },
      variant: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  const limitProducts = positiveInt('limit-products', values['limit-products']);
  const limitQueries = positiveInt('limit-queries', values['limit-queries']);
  if (!values.wands && (limitProducts || limitQueries))
    throw new Error(`--limit-products and --limit-queries apply to --wands only\n${USAGE}`);

  const embedder = await embedderFor(values.embedder, values.variant);
  log(`embedder ${embedder.id} (dimension ${embedder.dimension})`);
  const set: BenchSet = values.wands
    ? await loadWands(path.resolve(values.wands), { limitProducts, limitQueries })
    : await loadDemoBench({ catalogDir: path.resolve(values.catalog), queriesFile: path.resolve(values.queries) });
  const unknown = unknownJudgedHandles(set);
  if (unknown.length > 0)
    set.notes.push(`${unknown.length} judged handles are not in the catalog (e.g. ${unknown.slice(0, 3).join(', ')})`);
  if (set.queries.length === 0) throw new Error(`No judged queries to run: ${set.label}`);

  log(`loading ${set.catalog.products.length} products into in-memory PGlite`);
  const bench = await loadBench(set, embedder);
  try {
    const [first, ...rest] = bench.ingested.errors;
    if (first)
      set.notes.push(
        `${rest.length + 1} catalog rows not loaded (first: ${first.file}:${first.line ?? ''} ${first.message})`,
      );
    log(`loaded in ${(bench.ms / 1000).toFixed(1)} s; running ${set.queries.length} queries in 3 modes`);
    const outcomes = await runModes(bench.search, set.queries);
    console.log(renderReport({ label: set.label, embedder, loadMs: bench.ms, notes: set.notes, outcomes }));
  } finally {
    await bench.db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
