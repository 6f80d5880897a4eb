import type { Embedder } from '../catalog/embeddings/embedder.js';
import { fuseWeighted } from '../catalog/fuse-rankings.js';
import type { Database, Queryable } from '../db/database.js';
import { toVectorLiteral } from '../db/database.js';
import { expandPolicyQuery } from './expand-policy-query.js';
import { lexicalRanking } from './policy-lexical.js';

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

/** Candidates the vector retriever brings to the fusion. */
const CANDIDATES = 30;
/**
 * The vector list's say in the fusion: the question's words expanded with the policies' own words
 * rank sections better than a vector of the question alone, so vectors mostly break ties and
 * bring sections phrased in other words.
 */
const VECTOR_WEIGHT = 0.5;

async function vectorRanking(db: Database, embedder: Embedder, text: string, signal?: AbortSignal) {
  // Without pgvector the full-text ranking decides alone.
  if (!db.capabilities.vector) return [];
  const v = await embedder.embedQuery(text, { signal });
  const r = await db.query<{ id: number }>(
    `SELECT chunk_id AS id FROM policy_vectors ORDER BY embedding <=> $1::vector LIMIT ${CANDIDATES}`,
    [toVectorLiteral(v)],
  );
  return r.rows.map((x) => x.id);
}

interface ChunkRow {
  id: number;
  source: string;
  slug: string;
  title: string;
  heading: string;
  anchor: string;
  body: string;
}

async function hitsByIds(db: Queryable, ids: number[]): Promise<PolicyHit[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<ChunkRow>(
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
}

/**
 * Hybrid search over policy chunks: full text (question words weighted by rarity and by where they
 * occur, plus the policy words the question implies) and vectors of the question, fused by
 * reciprocal rank; returns citable chunks.
 */
export function createPolicySearch(deps: { db: Database; embedder: Embedder }): PolicySearch {
  const { db, embedder } = deps;
  return {
    async search(query, opts = {}) {
      const limit = Math.min(opts.limit ?? 3, 10);
      const expanded = expandPolicyQuery(query);
      const [lexical, vector] = await Promise.all([
        lexicalRanking(db, expanded.groups),
        vectorRanking(db, embedder, expanded.asked || query, opts.signal),
      ]);
      const scores = fuseWeighted([{ ids: lexical }, { ids: vector, weights: vector.map(() => VECTOR_WEIGHT) }]);
      const ids = [...scores.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([id]) => id);
      return hitsByIds(db, ids);
    },
  };
}
