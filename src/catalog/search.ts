import type { Database } from '../db/database.js';
import { toVectorLiteral } from '../db/database.js';
import type { Embedder } from './embeddings/embedder.js';
import { loadSummaries } from './product-summaries.js';
import { filterSql } from './search-filters.js';
import type { ProductSummary, SearchQuery } from './types.js';

const CANDIDATES = 100;
const RRF_K = 60;

export interface CatalogSearch {
  search(q: SearchQuery, opts?: { signal?: AbortSignal }): Promise<ProductSummary[]>;
  /** Candidate ids from one retriever, best first; for benchmarks. */
  rank(q: SearchQuery, mode: 'lexical' | 'vector', limit: number): Promise<number[]>;
}

/** Words of a query joined as an OR tsquery; stop words are dropped by Postgres. */
function orTsquery(query: string): string {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 32).join(' | ');
}

/** Reciprocal rank fusion of several ranked id lists. */
export function fuseRankings(lists: number[][], k = RRF_K): Map<number, number> {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + rank + 1)));
  }
  return scores;
}

/**
 * Hybrid product search: pgvector HNSW (cosine) and Postgres full-text search, fused by
 * reciprocal rank. Filters apply inside both retrievers; HNSW's iterative scan keeps a
 * selective filter from starving the results.
 */
export function createCatalogSearch(deps: { db: Database; embedder: Embedder }): CatalogSearch {
  const { db, embedder } = deps;

  async function lexical(q: SearchQuery, limit: number): Promise<number[]> {
    const tsq = orTsquery(q.query);
    if (!tsq) return [];
    const f = filterSql(q, 1);
    const r = await db.query<{ id: number }>(
      `SELECT p.id FROM products p, to_tsquery('english', $1) q
       WHERE p.search_tsv @@ q AND ${f.sql}
       ORDER BY ts_rank_cd(p.search_tsv, q, 1) DESC, p.id LIMIT ${limit}`,
      [tsq, ...f.params],
    );
    return r.rows.map((x) => x.id);
  }

  async function vector(q: SearchQuery, limit: number, signal?: AbortSignal): Promise<number[]> {
    if (!q.query.trim()) return [];
    const v = await embedder.embedQuery(q.query, { signal });
    const f = filterSql(q, 1);
    return db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = ${Math.max(40, limit)};`);
      const r = await tx.query<{ id: number }>(
        `WITH nearest AS MATERIALIZED (
           SELECT p.id, pv.embedding <=> $1::vector AS distance
           FROM product_vectors pv JOIN products p ON p.id = pv.product_id
           WHERE ${f.sql}
           ORDER BY pv.embedding <=> $1::vector LIMIT ${limit})
         SELECT id FROM nearest ORDER BY distance, id`,
        [toVectorLiteral(v), ...f.params],
      );
      return r.rows.map((x) => x.id);
    });
  }

  async function browse(q: SearchQuery, limit: number): Promise<number[]> {
    const f = filterSql(q, 0);
    const r = await db.query<{ id: number }>(`SELECT p.id FROM products p WHERE ${f.sql} ORDER BY p.title, p.id LIMIT ${limit}`, f.params);
    return r.rows.map((x) => x.id);
  }

  return {
    rank: (q, mode, limit) => (mode === 'lexical' ? lexical(q, limit) : vector(q, limit)),
    async search(q, opts = {}) {
      const limit = Math.min(Math.max(q.limit ?? 10, 1), 50);
      const mode = q.mode ?? 'hybrid';
      if (!q.query.trim()) return loadSummaries(db, await browse(q, limit), q);
      const [lex, vec] = await Promise.all([
        mode === 'vector' ? [] : lexical(q, CANDIDATES),
        mode === 'lexical' ? [] : vector(q, CANDIDATES, opts.signal),
      ]);
      const scores = fuseRankings([lex, vec].filter((l) => l.length > 0));
      const ids = [...scores.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([id]) => id);
      return loadSummaries(db, ids, q, scores);
    },
  };
}
