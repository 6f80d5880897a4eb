import type { Queryable } from '../db/database.js';
import type { PolicyHit } from './policy-hit.js';
import { policyTextConfig, searchableText } from './policy-text-config.js';

/** Candidates the translated full-text retriever brings to the fusion. */
const CANDIDATES = 30;

/**
 * Chunks whose translation in `language` holds words of the question, as the ids of the original
 * chunks they translate: each word adds its rarity among that language's translated chunks (idf;
 * Persian and Arabic have no stopword list, so "من" counts for little) times ts_rank (headings
 * first). Empty when the shop has no translation in that language.
 */
export async function translatedRanking(db: Queryable, language: string, query: string): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `WITH terms AS (
       SELECT DISTINCT quote_literal(t)::tsquery AS q
       FROM unnest(tsvector_to_array(to_tsvector($2::regconfig, $3))) AS t WHERE length(t) > 1),
     total AS (SELECT count(*)::float8 AS n FROM policy_chunk_translations WHERE language = $1),
     weighted AS (
       SELECT q, ln(1 + total.n / (1 + (SELECT count(*) FROM policy_chunk_translations c
                                        WHERE c.language = $1 AND c.search_tsv @@ q))) AS idf
       FROM terms, total WHERE total.n > 0)
     SELECT c.chunk_id AS id FROM policy_chunk_translations c JOIN weighted w ON c.search_tsv @@ w.q
     WHERE c.language = $1
     GROUP BY c.chunk_id ORDER BY sum(w.idf * ts_rank(c.search_tsv, w.q)) DESC, c.chunk_id LIMIT ${CANDIDATES}`,
    [language, policyTextConfig(language), searchableText(language, query)],
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
  t_title: string | null;
  t_heading: string | null;
  t_body: string | null;
}

/**
 * The chunks of `ids`, in that order, as citable hits: in `language` when the chunk has a
 * translation in it (its translated title, heading and text, with the original beside them and
 * the original's slug and anchor), else as written.
 */
export async function hitsByIds(db: Queryable, ids: number[], language: string | null): Promise<PolicyHit[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<ChunkRow>(
    `SELECT c.id, d.source, d.slug, d.title, c.heading, c.anchor, c.body,
            dt.title AS t_title, t.heading AS t_heading, t.body AS t_body
     FROM policy_chunks c JOIN policy_documents d ON d.id = c.document_id
     LEFT JOIN policy_chunk_translations t ON t.chunk_id = c.id AND t.language = $2
     LEFT JOIN policy_document_translations dt ON dt.document_id = d.id AND dt.language = $2
     WHERE c.id = ANY($1::int[])`,
    [ids, language],
  );
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const hit: PolicyHit = {
      source: r.source,
      slug: r.slug,
      title: r.title,
      heading: r.heading,
      anchor: r.anchor,
      text: r.body,
    };
    if (r.t_body === null || r.t_heading === null || !language) return [hit];
    const original = { title: r.title, heading: r.heading, text: r.body };
    const title = r.t_title ?? r.title;
    return [{ ...hit, title, heading: r.t_heading, text: r.t_body, language, original }];
  });
}
