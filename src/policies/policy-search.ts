import type { Embedder } from '../catalog/embeddings/embedder.js';
import { LOCAL_EMBEDDER_FAMILY } from '../catalog/embeddings/local-variants.js';
import { fuseWeighted } from '../catalog/fuse-rankings.js';
import type { Database } from '../db/database.js';
import { toVectorLiteral } from '../db/database.js';
import { expandPolicyQuery } from './expand-policy-query.js';
import { lexicalRanking } from './policy-lexical.js';
import type { PolicyHit } from './policy-hit.js';
import { hitsByIds, translatedRanking } from './policy-translated-search.js';

export type { PolicyHit } from './policy-hit.js';

export interface PolicySearchOptions {
  limit?: number;
  signal?: AbortSignal;
  /** The shopper's language: sections the shop has translated into it come back translated. */
  language?: string;
}

export interface PolicySearch {
  search(query: string, opts?: PolicySearchOptions): Promise<PolicyHit[]>;
}

/** Candidates the vector retriever brings to the fusion. */
const CANDIDATES = 30;
/**
 * The vector list's say in the fusion: the question's words expanded with the policies' own words
 * rank sections better than a vector of the question alone, so vectors mostly break ties and
 * bring sections phrased in other words.
 */
const VECTOR_WEIGHT = 0.5;
/**
 * …and with the local embedder, whose vectors of a short question mostly follow its surface words ("send it
 * back" near "sent back to you at your cost"): they only break ties. Measured on the assistant benchmark's
 * tuning dialogs, 0.5 → 0.1 fixed 11 policy answers and broke 6.
 */
const LOCAL_VECTOR_WEIGHT = 0.1;
/**
 * The say of the question's words found in translated sections: the original's ranking (with the
 * shopper's words glossed to the policies') leads; the translation adds words left unglossed.
 */
const TRANSLATED_WEIGHT = 0.5;

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

/**
 * Hybrid search over policy chunks: full text (question words weighted by rarity and by where they
 * occur, plus the policy words the question implies) and vectors of the question, fused by
 * reciprocal rank; returns citable chunks. In a language the shop has translated its policies into,
 * the translated sections' words count too, and the sections come back translated.
 */
export function createPolicySearch(deps: { db: Database; embedder: Embedder }): PolicySearch {
  const { db, embedder } = deps;
  return {
    async search(query, opts = {}) {
      const limit = Math.min(opts.limit ?? 3, 10);
      const expanded = expandPolicyQuery(query);
      const language = opts.language ?? null;
      const [lexical, vector, translated] = await Promise.all([
        lexicalRanking(db, expanded.groups),
        vectorRanking(db, embedder, expanded.asked || query, opts.signal),
        language ? translatedRanking(db, language, query) : [],
      ]);
      const weight = embedder.id.startsWith(LOCAL_EMBEDDER_FAMILY) ? LOCAL_VECTOR_WEIGHT : VECTOR_WEIGHT;
      const lists = [{ ids: lexical }, { ids: vector, weights: vector.map(() => weight) }];
      if (translated.length) lists.push({ ids: translated, weights: translated.map(() => TRANSLATED_WEIGHT) });
      const ids = [...fuseWeighted(lists).entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([id]) => id);
      return hitsByIds(db, ids, language);
    },
  };
}
