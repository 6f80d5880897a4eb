import { toVectorLiteral, type Database } from '../../../src/db/database.js';
import type { Embedder } from '../../../src/catalog/embeddings/embedder.js';
import { filterSql } from '../../../src/catalog/search-filters.js';
import type { SearchQuery } from '../../../src/catalog/types.js';
import { summarize, timed, type Summary } from './measure.js';
import { indexNames, planOf, type PlanNode } from './explain.js';
import { describeQuery } from './queries.js';

export const HNSW_INDEX = 'product_vectors_hnsw';

export type ScanMode = 'hnsw' | 'exact';

/** The vector retriever's query from src/catalog/search.ts, also returning the distance. */
function nearestSql(q: SearchQuery, limit: number): { sql: string; params: unknown[] } {
  const f = filterSql(q, 1);
  return {
    sql: `WITH nearest AS MATERIALIZED (
            SELECT p.id, pv.embedding <=> $1::vector AS distance
            FROM product_vectors pv JOIN products p ON p.id = pv.product_id
            WHERE ${f.sql}
            ORDER BY pv.embedding <=> $1::vector LIMIT ${limit})
          SELECT id, distance FROM nearest ORDER BY distance, id`,
    params: f.params,
  };
}

// 'hnsw' uses the settings search.ts uses (unless efSearch overrides ef_search); 'exact' makes the planner scan every
// vector instead.
function settings(mode: ScanMode, limit: number, efSearch?: number): string {
  return mode === 'hnsw'
    ? `SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = ${efSearch ?? Math.max(200, limit)};`
    : 'SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off;';
}

export async function nearest(
  db: Database,
  mode: ScanMode,
  vector: string,
  q: SearchQuery,
  limit: number,
  efSearch?: number,
): Promise<{ id: number; distance: number }[]> {
  const { sql, params } = nearestSql(q, limit);
  return db.transaction(async (tx) => {
    await tx.exec(settings(mode, limit, efSearch));
    return (await tx.query<{ id: number; distance: number }>(sql, [vector, ...params])).rows;
  });
}

function planLines(node: PlanNode, depth = 0): string[] {
  const label =
    node['Node Type'] +
    (node['Index Name'] ? ` using ${node['Index Name']}` : '') +
    (node['Relation Name']
      ? ` on ${node['Relation Name']}${node.Alias && node.Alias !== node['Relation Name'] ? ` ${node.Alias}` : ''}`
      : '');
  return [`${'  '.repeat(depth)}${label}`, ...(node.Plans ?? []).flatMap((child) => planLines(child, depth + 1))];
}

/**
 * The plan Postgres picks for the vector query in each mode, as indented lines, and whether it scans the HNSW index.
 */
export async function explainNearest(
  db: Database,
  mode: ScanMode,
  vector: string,
  q: SearchQuery,
  limit: number,
): Promise<{ usesHnsw: boolean; lines: string[] }> {
  const { sql, params } = nearestSql(q, limit);
  return db.transaction(async (tx) => {
    await tx.exec(settings(mode, limit));
    const r = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, [vector, ...params]);
    const plan = planOf(r.rows);
    return { usesHnsw: indexNames(plan).includes(HNSW_INDEX), lines: planLines(plan) };
  });
}

/**
 * Share of the exact top k the index found. An approximate hit counts if it is as near as the
 * exact k-th neighbour, so ties at the boundary (identical texts) do not count as misses.
 */
export function recallAt(k: number, approx: { distance: number }[], exact: { distance: number }[]): number | null {
  const wanted = Math.min(k, exact.length);
  if (wanted === 0) return null;
  const threshold = exact[wanted - 1].distance + 1e-6;
  return Math.min(wanted, approx.slice(0, k).filter((r) => r.distance <= threshold).length) / wanted;
}

export interface RecallResult {
  k: number;
  efSearch: number;
  queries: number;
  mean: number;
  min: number;
  perfect: number;
  /** Queries where the index returned fewer rows than exist (an iterative scan that gave up). */
  short: number;
  worst: { query: string; recall: number } | null;
  hnswMs: Summary;
  exactMs: Summary;
}

/** A query vector with its filters; `label` names it in the report. */
export interface RecallCase {
  label: string;
  vector: string;
  filters: SearchQuery;
}

export async function queryCases(embedder: Embedder, queries: SearchQuery[]): Promise<RecallCase[]> {
  const cases: RecallCase[] = [];
  for (const q of queries)
    cases.push({ label: describeQuery(q), vector: toVectorLiteral(await embedder.embedQuery(q.query)), filters: q });
  return cases;
}

/** Exact neighbours, kept per case: an exact top 100 also answers top 10. */
export type ExactCache = Map<RecallCase, { rows: { id: number; distance: number }[]; ms: number; limit: number }>;

async function exactNearest(db: Database, cache: ExactCache, c: RecallCase, k: number) {
  const hit = cache.get(c);
  if (hit && hit.limit >= k) return { rows: hit.rows.slice(0, k), ms: hit.ms };
  const { result, ms } = await timed(() => nearest(db, 'exact', c.vector, c.filters, k));
  cache.set(c, { rows: result, ms, limit: k });
  return { rows: result, ms };
}

/** Recall@k of the vector retriever's HNSW query against the exact answer, over `cases`. */
export async function measureRecall(
  db: Database,
  cases: RecallCase[],
  opts: { k: number; efSearch?: number; cache: ExactCache },
): Promise<RecallResult> {
  const { k } = opts;
  const recalls: number[] = [];
  let short = 0;
  let worst: RecallResult['worst'] = null;
  const hnswMs: number[] = [];
  const exactMs: number[] = [];
  for (const c of cases) {
    const approx = await timed(() => nearest(db, 'hnsw', c.vector, c.filters, k, opts.efSearch));
    const exact = await exactNearest(db, opts.cache, c, k);
    hnswMs.push(approx.ms);
    exactMs.push(exact.ms);
    if (approx.result.length < exact.rows.length) short++;
    const r = recallAt(k, approx.result, exact.rows);
    if (r === null) continue;
    recalls.push(r);
    if (!worst || r < worst.recall) worst = { query: c.label, recall: r };
  }
  return {
    k,
    efSearch: opts.efSearch ?? Math.max(200, k),
    queries: recalls.length,
    mean: recalls.reduce((a, b) => a + b, 0) / (recalls.length || 1),
    min: Math.min(...recalls),
    perfect: recalls.filter((r) => r === 1).length,
    short,
    worst,
    hnswMs: summarize(hnswMs),
    exactMs: summarize(exactMs),
  };
}
