/**
 * In-memory retrieval benchmark for the local embedder's variants: embeds every product, ranks
 * them by cosine for each judged query, and prints nDCG@10 and recall@20 overall and per query kind.
 * Filters in the query file are ignored: this measures the vectors alone, not the search pipeline.
 *
 *   npx tsx tests/bench/embedder-variants.ts [--products catalog/products.jsonl]
 *     [--queries tests/fixtures/retrieval/queries.jsonl] [--variants words,hybrid-a] [--cache-dir .cache/embeddings]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { localEmbedderFromVectors } from '../../src/catalog/embeddings/local-embedder.js';
import {
  DEFAULT_LOCAL_VARIANT,
  isLocalVariantName,
  LOCAL_VARIANTS,
  type LocalVariantName,
} from '../../src/catalog/embeddings/local-variants.js';
import { productEmbeddingText } from '../../src/catalog/embeddings/product-text.js';
import { loadWordVectors } from '../../src/catalog/embeddings/word-vectors.js';
import { productRecordSchema } from '../../src/catalog/records.js';

interface JudgedQuery {
  id: string;
  query: string;
  kind: string;
  judgements: Record<string, number>;
}

interface QueryScore {
  kind: string;
  ndcg10: number;
  recall20: number;
}

/** nDCG@k with linear gains; the ideal ordering is the judgements sorted by gain. */
function ndcgAt(k: number, ranked: string[], judgements: Record<string, number>): number {
  const dcg = ranked.slice(0, k).reduce((sum, handle, i) => sum + (judgements[handle] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgements)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant (gain > 0) handles found in the top k. */
function recallAt(k: number, ranked: string[], judgements: Record<string, number>): number {
  const relevant = Object.keys(judgements).filter((h) => judgements[h] > 0);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((h) => top.has(h)).length / relevant.length;
}

async function readJsonl<T>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

function rank(query: number[], docs: number[][], handles: string[], k: number): string[] {
  const scored = docs.map((doc, i) => {
    let dot = 0;
    for (let d = 0; d < doc.length; d++) dot += doc[d] * query[d];
    return { handle: handles[i], dot };
  });
  return scored
    .sort((a, b) => b.dot - a.dot || (a.handle < b.handle ? -1 : 1))
    .slice(0, k)
    .map((s) => s.handle);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const fmt = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      products: { type: 'string', default: 'catalog/products.jsonl' },
      queries: { type: 'string', default: 'tests/fixtures/retrieval/queries.jsonl' },
      variants: { type: 'string', default: Object.keys(LOCAL_VARIANTS).join(',') },
      'cache-dir': { type: 'string', default: '.cache/embeddings' },
    },
  });
  const variants = values.variants.split(',').map((v) => v.trim());
  const unknown = variants.filter((v) => !isLocalVariantName(v));
  if (unknown.length) throw new Error(`Unknown variants: ${unknown.join(', ')}`);

  const products = (await readJsonl<unknown>(values.products))
    .map((raw) => productRecordSchema.parse(raw))
    .filter((p) => p.status === 'active');
  const queries = (await readJsonl<JudgedQuery>(values.queries)).filter((q) =>
    Object.values(q.judgements).some((g) => g > 0),
  );
  const handles = products.map((p) => p.handle);
  const texts = products.map(productEmbeddingText);
  const loaded = await loadWordVectors({ cacheDir: values['cache-dir'] });
  console.log(
    `${products.length} products, ${queries.length} judged queries; word vectors from ${loaded.loadedFrom} in ${Math.round(loaded.ms)} ms\n`,
  );

  const kinds = [...new Set(queries.map((q) => q.kind))].sort();
  const rows: string[][] = [];
  for (const name of variants as LocalVariantName[]) {
    const embedder = localEmbedderFromVectors(loaded.vectors, name);
    const started = performance.now();
    const docs = await embedder.embedDocuments(texts);
    const perSecond = texts.length / ((performance.now() - started) / 1000);
    const scores: QueryScore[] = [];
    for (const q of queries) {
      const ranked = rank(await embedder.embedQuery(q.query), docs, handles, 20);
      scores.push({
        kind: q.kind,
        ndcg10: ndcgAt(10, ranked, q.judgements),
        recall20: recallAt(20, ranked, q.judgements),
      });
    }
    const byKind = kinds.map((kind) => scores.filter((s) => s.kind === kind));
    rows.push([
      name + (name === DEFAULT_LOCAL_VARIANT ? ' (default)' : ''),
      String(embedder.dimension),
      fmt(mean(scores.map((s) => s.ndcg10))),
      fmt(mean(scores.map((s) => s.recall20))),
      ...byKind.map((ss) => `${fmt(mean(ss.map((s) => s.ndcg10)))}/${fmt(mean(ss.map((s) => s.recall20)))}`),
      perSecond.toFixed(0),
    ]);
  }
  const header = [
    'variant',
    'dim',
    'nDCG@10',
    'R@20',
    ...kinds.map((k) => `${k} (n=${queries.filter((q) => q.kind === k).length}) nDCG/R`),
    'docs/s',
  ];
  printTable([header, ...rows]);
}

function printTable(table: string[][]): void {
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(table[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table.slice(1)) console.log(line(row));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
