import { createCatalogSearch } from '../../../src/catalog/search.js';
import type { Embedder } from '../../../src/catalog/embeddings/embedder.js';
import type { SearchQuery } from '../../../src/catalog/types.js';
import type { Database, Queryable } from '../../../src/db/database.js';

export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Alias?: string;
  Plans?: PlanNode[];
}

/** The root of an `EXPLAIN (FORMAT JSON)` answer's plan (a JSON value, or its text). */
export function planOf(rows: { 'QUERY PLAN': unknown }[]): PlanNode {
  const raw = rows[0]!['QUERY PLAN'];
  return ((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0]!.Plan;
}

export function indexNames(node: PlanNode): string[] {
  return [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexNames)];
}

/** `q`, whose SELECTs also run under `EXPLAIN (FORMAT JSON)`: each plan's index names go to `found`. */
function explaining(q: Queryable, found: string[][]): Queryable {
  return {
    exec: (sql) => q.exec(sql),
    async query<T>(sql: string, params?: unknown[]) {
      if (/^\s*(WITH|SELECT)\b/i.test(sql)) {
        const r = await q.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        found.push(indexNames(planOf(r.rows)));
      }
      return q.query<T>(sql, params);
    },
  };
}

export interface RetrieverPlans {
  queries: number;
  /** For each retriever, each index its plans scan and in how many of the queries. */
  lexical: Map<string, number>;
  vector: Map<string, number>;
}

/**
 * The indexes the lexical and the vector retriever's SQL scan, over `queries`: the real SQL of `search.rank()`,
 * each statement explained (not run twice under ANALYZE) just before it runs.
 */
export async function retrieverPlans(
  db: Database,
  embedder: Embedder,
  queries: SearchQuery[],
): Promise<RetrieverPlans> {
  const out: RetrieverPlans = { queries: queries.length, lexical: new Map(), vector: new Map() };
  for (const mode of ['lexical', 'vector'] as const) {
    for (const q of queries) {
      const found: string[][] = [];
      const explained: Database = {
        ...db,
        ...explaining(db, found),
        transaction: (fn) => db.transaction((tx) => fn(explaining(tx, found))),
      };
      await createCatalogSearch({ db: explained, embedder }).rank(q, mode, 100);
      for (const name of new Set(found.flat())) out[mode].set(name, (out[mode].get(name) ?? 0) + 1);
    }
  }
  return out;
}

/** "products_search_tsv_idx 20/20, products_pkey 3/20" */
export function describeIndexes(used: Map<string, number>, queries: number): string {
  if (used.size === 0) return 'no index';
  return [...used.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${name} ${n}/${queries}`)
    .join(', ');
}
