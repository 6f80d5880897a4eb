import type { Embedder } from '../catalog/embeddings/embedder.js';
import { queryTerms } from '../catalog/lexical-query.js';
import { fuseRankings } from '../catalog/search.js';
import type { Database } from '../db/database.js';
import { toVectorLiteral } from '../db/database.js';
import { expandPolicyQuery } from './expand-policy-query.js';

export interface PolicyHit {
  source: string;
  slug: string;
  title: string;
  heading: string;
  anchor: string;
  text: string;
}

export interface PolicySearch {
  search(query: string, opts?: { limit?: number; signal?: AbortSignal }): Promise<PolicyHit[]>;
}

/** Hybrid search over policy chunks (full text + vectors, fused), returning citable chunks. */
export function createPolicySearch(deps: { db: Database; embedder: Embedder }): PolicySearch {
  const { db, embedder } = deps;
  return {
    async search(query, opts = {}) {
      const limit = Math.min(opts.limit ?? 3, 10);
      const words = queryTerms(expandPolicyQuery(query)).join(' | ');
      const [lex, vec] = await Promise.all([
        words
          ? db.query<{ id: number }>(
              `SELECT c.id FROM policy_chunks c, to_tsquery('english', $1) q WHERE c.search_tsv @@ q
               ORDER BY ts_rank_cd(c.search_tsv, q, 1) DESC, c.id LIMIT 20`,
              [words],
            )
          : { rows: [] },
        embedder
          .embedQuery(query, { signal: opts.signal })
          .then((v) =>
            db.query<{ id: number }>(
              'SELECT chunk_id AS id FROM policy_vectors ORDER BY embedding <=> $1::vector LIMIT 20',
              [toVectorLiteral(v)],
            ),
          ),
      ]);
      const scores = fuseRankings([lex.rows.map((r) => r.id), vec.rows.map((r) => r.id)]);
      const ids = [...scores.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([id]) => id);
      if (ids.length === 0) return [];
      const rows = await db.query<{
        id: number;
        source: string;
        slug: string;
        title: string;
        heading: string;
        anchor: string;
        body: string;
      }>(
        `SELECT c.id, d.source, d.slug, d.title, c.heading, c.anchor, c.body FROM policy_chunks c
         JOIN policy_documents d ON d.id = c.document_id WHERE c.id = ANY($1::int[])`,
        [ids],
      );
      const byId = new Map(rows.rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const r = byId.get(id);
        return r
          ? [{ source: r.source, slug: r.slug, title: r.title, heading: r.heading, anchor: r.anchor, text: r.body }]
          : [];
      });
    },
  };
}
