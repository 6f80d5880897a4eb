/**
 * Why HNSW recall falls with catalog size (issue 12): the synthetic catalog's products as vectors only,
 * without the rest of the schema. Prints how far apart its categories are (distances between products of the
 * same and of other categories, and how many of a product's 200 nearest neighbours are in another
 * category), then builds pgvector's HNSW index over the bare vectors in in-memory PGlite and measures
 * recall@10 of bench:search's 100 shopper queries (seed 13) against exact search, at several ef_search.
 * For each miss it tells how many of the index's results are in a category none of the exact neighbours is in.
 *
 *   npx tsx tests/bench/hnsw-clusters.ts 50000 [m] [ef_construction]
 */
import path from 'node:path';
import { createLocalEmbedder } from '../../src/catalog/embeddings/local-embedder.js';
import { productEmbeddingText } from '../../src/catalog/embeddings/product-text.js';
import { createPgliteDatabase, openPglite } from '../../src/db/pglite-database.js';
import { toVectorLiteral } from '../../src/db/database.js';
import { percentile } from './search-speed/measure.js';
import { syntheticQueries } from './search-speed/queries.js';
import { prng, syntheticProduct } from './search-speed/synthetic-catalog.js';

const [total = 50_000, m = 16, efConstruction = 200] = process.argv.slice(2).map(Number);
const embedder = await createLocalEmbedder({ cacheDir: path.resolve(import.meta.dirname, '../../.cache/embeddings') });
const d = embedder.dimension;

const vectors = new Float32Array(total * d);
const category: string[] = [];
for (let i = 0; i < total; i += 1_000) {
  const records = Array.from({ length: Math.min(1_000, total - i) }, (_, k) => syntheticProduct(i + k));
  const embedded = await embedder.embedDocuments(records.map(productEmbeddingText));
  records.forEach((r, k) => {
    category.push(r.productType);
    vectors.set(embedded[k], (i + k) * d);
  });
}
const queries = syntheticQueries(100, { seed: 13, filters: false });
const queryVectors = await Promise.all(queries.map((q) => embedder.embedQuery(q.query)));

const row = (i: number) => vectors.subarray(i * d, (i + 1) * d);
const distance = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  for (let k = 0; k < d; k++) dot += a[k] * b[k];
  return 1 - dot;
};
const sortedDistances = (v: ArrayLike<number>) =>
  Array.from({ length: total }, (_, i) => ({ i, distance: distance(v, row(i)) })).sort(
    (a, b) => a.distance - b.distance,
  );
const pct = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  ).toFixed(3);

// 1. How separate are the categories?
const rng = prng(7);
const same: number[] = [];
const other: number[] = [];
for (let t = 0; t < 20_000; t++) {
  const [i, j] = [Math.floor(rng() * total), Math.floor(rng() * total)];
  if (i !== j) (category[i] === category[j] ? same : other).push(distance(row(i), row(j)));
}
let crossing = 0;
const probes = 50;
for (let t = 0; t < probes; t++) {
  const i = Math.floor((t * total) / probes);
  crossing += sortedDistances(row(i))
    .slice(1, 201)
    .filter((x) => category[x.i] !== category[i]).length;
}
console.log(`${total.toLocaleString('en-US')} products, ${new Set(category).size} categories, dimension ${d}`);
console.log(`distance, same category   p1 / p50 / p99: ${pct(same, 1)} / ${pct(same, 50)} / ${pct(same, 99)}`);
console.log(`distance, other category  p1 / p50 / p99: ${pct(other, 1)} / ${pct(other, 50)} / ${pct(other, 99)}`);
console.log(`of ${probes} products' 200 nearest neighbours, in another category: ${crossing} / ${probes * 200}`);

// 2. HNSW over the bare vectors.
const db = createPgliteDatabase(await openPglite());
await db.exec(`CREATE EXTENSION IF NOT EXISTS vector; CREATE TABLE v (id int PRIMARY KEY, e vector(${d}))`);
for (let i = 0; i < total; i += 500) {
  const ids = Array.from({ length: Math.min(500, total - i) }, (_, k) => i + k);
  const tuples = ids.map((_, k) => `($${2 * k + 1}::int, $${2 * k + 2}::vector)`).join(', ');
  await db.query(
    `INSERT INTO v VALUES ${tuples}`,
    ids.flatMap((id) => [id, toVectorLiteral(Array.from(row(id)))]),
  );
}
const started = performance.now();
await db.exec(`SET maintenance_work_mem = '1GB'; CREATE INDEX ON v USING hnsw (e vector_cosine_ops)
  WITH (m = ${m}, ef_construction = ${efConstruction})`);
console.log(
  `HNSW m ${m}, ef_construction ${efConstruction}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const exact = queryVectors.map((q) => sortedDistances(q).slice(0, 10));
for (const ef of [200, 1000]) {
  let sum = 0;
  let perfect = 0;
  const misses: string[] = [];
  for (const [n, q] of queryVectors.entries()) {
    const got = await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = ${ef}`);
      return (
        await tx.query<{ id: number; distance: number }>(
          'SELECT id, e <=> $1::vector AS distance FROM v ORDER BY e <=> $1::vector LIMIT 10',
          [toVectorLiteral(q)],
        )
      ).rows;
    });
    const threshold = exact[n][9].distance + 1e-6;
    const recall = got.filter((r) => r.distance <= threshold).length / 10;
    sum += recall;
    if (recall === 1) perfect++;
    else {
      const wanted = new Set(exact[n].map((x) => category[x.i]));
      const elsewhere = got.filter((r) => !wanted.has(category[r.id])).length;
      misses.push(
        `  ${recall.toFixed(1)} "${queries[n].query}": exact in ${[...wanted].join(', ')}; index ${elsewhere}/10 in other categories`,
      );
    }
  }
  console.log(`ef_search ${ef}: recall@10 ${(sum / 100).toFixed(3)}, ${perfect}/100 perfect`);
  for (const line of misses) console.log(line);
}
await db.close();
