import type { Queryable } from '../db/database.js';
import type { TermGroup } from './expand-policy-query.js';
import { RELATED_WEIGHT } from './policy-reader.js';

/** Candidates the full-text retriever brings to the fusion. */
const CANDIDATES = 30;
/** A query word in the section's headings counts this much; in its text 1 (in both, the sum). */
const HEADING_WEIGHT = 2;
/** A chunk that speaks of none of the question's topics loses this share of its score. */
const OFF_TOPIC = 0.5;
/** A query word only in the document's title says little about which of its sections answers. */
const TITLE_WEIGHT = 0.3;

/**
 * Full-text ranking of policy chunks. Each group of query words (a word with its synonyms, or a
 * two-word phrase) adds once: its weight × the rarity of its best word among the chunks (idf) ×
 * where that word occurs (section headings, text, document title). Rarity lets "lit" decide over
 * "return" in a returns policy; headings name what a section answers. A chunk that speaks of few
 * of the question's topics loses up to OFF_TOPIC of its score ("how long to send the scarf back"
 * is about returns, not the size guide's table for scarves).
 */
export async function lexicalRanking(db: Queryable, groups: TermGroup[]): Promise<number[]> {
  if (groups.length === 0) return [];
  const r = await db.query<{ id: number }>(
    `WITH groups AS (
       SELECT g.i, (g.v->>'weight')::float8 AS w, g.v->>'text' AS text, g.v->>'related' AS related,
              (g.v->>'phrase')::boolean AS phrase, (g.v->>'topic')::boolean AS topic
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS g(v, i)),
     lexemes AS (
       SELECT i, w, topic, t AS lexeme, 1.0::float8 AS f
       FROM groups, unnest(tsvector_to_array(to_tsvector('english', text))) AS t WHERE NOT phrase
       UNION ALL
       SELECT i, w, topic, t, $6::float8
       FROM groups, unnest(tsvector_to_array(to_tsvector('english', related))) AS t
       WHERE t <> ALL (tsvector_to_array(to_tsvector('english', text)))),
     queries AS (
       SELECT i, w * f AS w, topic, quote_literal(lexeme)::tsquery AS q, quote_literal(lexeme) AS lit FROM lexemes
       UNION ALL
       SELECT i, w, topic, phraseto_tsquery('english', text), NULL FROM groups
       WHERE phrase AND numnode(phraseto_tsquery('english', text)) > 1),
     total AS (SELECT count(*)::float8 AS chunks FROM policy_chunks),
     terms AS (
       SELECT i, w, topic, q, (lit || ':A')::tsquery AS heading, (lit || ':B')::tsquery AS title,
              (lit || ':C')::tsquery AS body,
              ln(1 + total.chunks / (1 + (SELECT count(*) FROM policy_chunks c WHERE c.search_tsv @@ q))) AS idf
       FROM queries, total),
     scored AS (
       SELECT c.id, t.i, bool_or(t.topic) AS topic, max(t.w * t.idf * CASE WHEN t.heading IS NULL THEN 1 ELSE
                (CASE WHEN c.search_tsv @@ t.heading THEN $2::float8 ELSE 0 END
                 + CASE WHEN c.search_tsv @@ t.body THEN 1 ELSE 0 END
                 + CASE WHEN c.search_tsv @@ t.title THEN $3::float8 ELSE 0 END) END) AS s
       FROM policy_chunks c JOIN terms t ON c.search_tsv @@ t.q
       GROUP BY c.id, t.i)
     SELECT id FROM scored GROUP BY id
     ORDER BY sum(s) * (1 - $4::float8
                        + $4::float8 * coalesce(count(*) FILTER (WHERE topic) / NULLIF($5::float8, 0), 1)) DESC, id
     LIMIT ${CANDIDATES}`,
    [
      JSON.stringify(groups),
      HEADING_WEIGHT,
      TITLE_WEIGHT,
      OFF_TOPIC,
      groups.filter((g) => g.topic).length,
      RELATED_WEIGHT,
    ],
  );
  return r.rows.map((x) => x.id);
}
