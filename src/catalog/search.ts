import type { Database } from '../db/database.js';
import { HNSW_EF_SEARCH, toVectorParam } from '../db/database.js';
import type { Embedder } from './embeddings/embedder.js';
import { fuseWeighted, type RankedList } from './fuse-rankings.js';
import { lexicalHits } from './lexical-query.js';
import { loadSummaries } from './product-summaries.js';
import { NO_QUERY_RULES, type QueryRulesSource } from './query-rules.js';
import { filterSql } from './search-filters.js';
import { textSearchConfig } from './text-search-config.js';
import type { ProductSummary, SearchQuery } from './types.js';

export { fuseRankings } from './fuse-rankings.js';

const CANDIDATES = 100;
/** Top fused results whose vectors are added to the query's for the second vector search. */
const FEEDBACK_DOCS = 3;

export interface CatalogSearch {
  search(q: SearchQuery, opts?: { signal?: AbortSignal }): Promise<ProductSummary[]>;
  /** Candidate ids from one retriever, best first; for benchmarks. */
  rank(q: SearchQuery, mode: 'lexical' | 'vector', limit: number): Promise<number[]>;
}

/**
 * Hybrid product search: pgvector HNSW (cosine) and Postgres full-text search, fused by
 * reciprocal rank. Filters apply inside both retrievers; HNSW's iterative scan keeps a
 * selective filter from starving the results.
 *
 * A full-text hit counts in the fusion in proportion to how much of the query it covers (see
 * `lexicalHits`): a product matching every word, in its title, gets full credit; one matching a
 * single word of four, in its description, an eighth. Plain RRF gave every full-text hit full
 * credit, so a product that merely said "bag" or "sit" rose above what the vectors ranked first.
 *
 * Hybrid search then runs the vector search once more with pseudo-relevance feedback (Rocchio):
 * the query's vector plus the mean vector of the top `FEEDBACK_DOCS` fused results, and fuses the
 * full-text list with that second vector list. The top results say in the catalog's own words
 * what the shopper means, which helps most where the query's vector alone is weak: misspellings
 * ("runing shoos") and vague requests ("something to sit on"). `npm run bench:retrieval` measures
 * both steps; the single-retriever modes ('lexical', 'vector') skip the feedback.
 */
export function createCatalogSearch(deps: {
  db: Database;
  embedder: Embedder;
  /** The shop's query expansions (merchandising data), applied to the text the query is embedded from. */
  expandQuery?: (query: string) => string;
  /** The merchandisers' rules: synonyms join the query's words, hidden products are left out. */
  rules?: QueryRulesSource;
  /** The language the catalog is written in (SHOP_LANGUAGE): full-text search reads it with its configuration. */
  catalogLanguage?: string;
}): CatalogSearch {
  const { db, embedder } = deps;
  const textSearch = textSearchConfig(deps.catalogLanguage);
  const expand = (q: string) => deps.expandQuery?.(q) ?? q;
  const rules = deps.rules ?? (() => Promise.resolve(NO_QUERY_RULES));

  /** The query as the merchandising rules say: with its synonyms, without the hidden products. */
  async function merchandised(q: SearchQuery): Promise<SearchQuery> {
    const r = await rules();
    if (r.hidden.length === 0 && r.withSynonyms(q.query) === q.query) return q;
    return { ...q, query: r.withSynonyms(q.query), excludeHandles: [...(q.excludeHandles ?? []), ...r.hidden] };
  }

  async function lexical(q: SearchQuery, limit: number): Promise<RankedList> {
    const hits = await lexicalHits(db, q, limit, textSearch);
    return { ids: hits.map((h) => h.id), weights: hits.map((h) => h.coverage) };
  }

  /** The `limit` nearest products; the session's HNSW settings (`HNSW_SESSION_SQL`) apply. */
  async function nearest(v: ArrayLike<number>, q: SearchQuery, limit: number): Promise<number[]> {
    const f = filterSql(q, 1);
    const sql = `WITH nearest AS MATERIALIZED (
           SELECT p.id, pv.embedding <=> $1::vector AS distance
           FROM product_vectors pv JOIN products p ON p.id = pv.product_id
           WHERE ${f.sql}
           ORDER BY pv.embedding <=> $1::vector LIMIT ${limit})
         SELECT id FROM nearest ORDER BY distance, id`;
    const params = [toVectorParam(db, v), ...f.params];
    if (limit <= HNSW_EF_SEARCH) return (await db.query<{ id: number }>(sql, params)).rows.map((x) => x.id);
    return db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL hnsw.ef_search = ${limit};`);
      return (await tx.query<{ id: number }>(sql, params)).rows.map((x) => x.id);
    });
  }

  async function vector(q: SearchQuery, limit: number, signal?: AbortSignal): Promise<number[]> {
    if (!q.query.trim()) return [];
    return nearest(await embedder.embedQuery(expand(q.query), { signal }), q, limit);
  }

  /**
   * The query's vector plus the mean of the products' vectors. All are unit length, so the mean
   * weighs at most as much as the query: it moves the query towards those products, not onto them.
   */
  async function feedbackVector(query: number[], ids: number[]): Promise<number[]> {
    const r = await db.query<{ mean: string | null }>(
      'SELECT avg(embedding)::text AS mean FROM product_vectors WHERE product_id = ANY($1::int[])',
      [ids],
    );
    const mean = r.rows[0]?.mean;
    if (!mean) return query;
    const m = JSON.parse(mean) as number[];
    return query.map((x, i) => x + m[i]);
  }

  async function hybrid(q: SearchQuery, signal?: AbortSignal): Promise<Map<number, number>> {
    const [lex, v] = await Promise.all([lexical(q, CANDIDATES), embedder.embedQuery(expand(q.query), { signal })]);
    const first = fuseWeighted([lex, { ids: await nearest(v, q, CANDIDATES) }]);
    const top = best(first, FEEDBACK_DOCS);
    if (top.length === 0) return first;
    signal?.throwIfAborted();
    return fuseWeighted([lex, { ids: await nearest(await feedbackVector(v, top), q, CANDIDATES) }]);
  }

  async function browse(q: SearchQuery, limit: number): Promise<number[]> {
    const f = filterSql(q, 0);
    const r = await db.query<{ id: number }>(
      `SELECT p.id FROM products p WHERE ${f.sql} ORDER BY p.title, p.id LIMIT ${limit}`,
      f.params,
    );
    return r.rows.map((x) => x.id);
  }

  return {
    rank: async (q, mode, limit) =>
      mode === 'lexical' || !db.capabilities.vector ? (await lexical(q, limit)).ids : vector(q, limit),
    async search(asked, opts = {}) {
      const q = await merchandised(asked);
      const limit = Math.min(Math.max(q.limit ?? 10, 1), 50);
      // Without pgvector every mode is lexical (openDatabase warned once).
      const mode = db.capabilities.vector ? (q.mode ?? 'hybrid') : 'lexical';
      if (!q.query.trim()) return loadSummaries(db, await browse(q, limit), q);
      const scores =
        mode === 'hybrid'
          ? await hybrid(q, opts.signal)
          : fuseWeighted([
              mode === 'lexical' ? await lexical(q, CANDIDATES) : { ids: await vector(q, CANDIDATES, opts.signal) },
            ]);
      return loadSummaries(db, best(scores, limit), q, scores);
    },
  };
}

/** The `n` best-scored ids, ties to the lower id. */
function best(scores: Map<number, number>, n: number): number[] {
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, n)
    .map(([id]) => id);
}
