import type { Queryable } from '../db/database.js';
import { filterSql } from './search-filters.js';
import type { SearchQuery } from './types.js';

/** Weight of a query term found only in a product's description or option values (weight C). */
const DESCRIPTION_ONLY = 0.5;

export interface LexicalHit {
  id: number;
  handle: string;
  /** How much of the query the product covers, in (0, 1]; see `lexicalHits`. */
  coverage: number;
}

/** A query's words, lowercased and de-duplicated (at most 32), for full-text search; Postgres drops stop words. */
export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 32);
}

/**
 * Full-text matches ranked by coverage: the share of the query's distinct terms (English stems,
 * stop words dropped) a product contains, a term counting 1 in its title or keywords (weights A
 * and B: vendor, category, type, tags, attributes) and `DESCRIPTION_ONLY` in its description or
 * option values. Ties go to `ts_rank_cd`.
 *
 * Ranking by `ts_rank_cd` of an OR query alone let one common word decide: for "a bag for my tools
 * when I cycle to work", products that say "bag" in their titles outranked the ones made to carry tools;
 * and "sit" in lorem-ipsum descriptions ("dolor sit amet") matched "something to sit on".
 * Words no product contains (e.g. "something") stay in the denominator on purpose: they lower
 * every hit's coverage alike, so a one-word match of a vague request stays a weak signal.
 */
export async function lexicalHits(db: Queryable, q: SearchQuery, limit: number): Promise<LexicalHit[]> {
  const words = queryTerms(q.query).join(' ');
  if (!words) return [];
  const f = filterSql(q, 1);
  const r = await db.query<LexicalHit>(
    `WITH terms AS (
       SELECT quote_literal(t) AS lit FROM unnest(tsvector_to_array(to_tsvector('english', $1))) AS t),
     query AS (
       SELECT string_agg(lit, ' | ')::tsquery AS any_term, count(*) AS n,
              array_agg(lit::tsquery) AS anywhere, array_agg((lit || ':AB')::tsquery) AS keyed
       FROM terms),
     hits AS (
       SELECT p.id, p.handle, ts_rank_cd(p.search_tsv, query.any_term, 1) AS rank,
              (SELECT sum(CASE WHEN p.search_tsv @@ t.keyed THEN 1 ELSE ${DESCRIPTION_ONLY} END)
               FROM unnest(query.anywhere, query.keyed) AS t(anywhere, keyed) WHERE p.search_tsv @@ t.anywhere) / query.n::float8 AS coverage
       FROM products p, query
       WHERE p.search_tsv @@ query.any_term AND ${f.sql})
     SELECT id, handle, coverage FROM hits ORDER BY coverage DESC, rank DESC, id LIMIT ${limit}`,
    [words, ...f.params],
  );
  return r.rows;
}

/**
 * The query's terms as full-text search sees them (English stems, stop words dropped), and which
 * of them no active product contains anywhere: what the shop does not carry ("yoga" in "yoga mats").
 * `unnamed` are those no product has in its title or keywords (only in a description at most);
 * terms come in the order of the query.
 */
export async function unknownTerms(
  db: Queryable,
  query: string,
): Promise<{ terms: string[]; unknown: string[]; unnamed: string[] }> {
  const r = await db.query<{ term: string; known: boolean; named: boolean }>(
    `SELECT t.term,
            EXISTS (SELECT 1 FROM products p WHERE p.status = 'active' AND p.search_tsv @@ quote_literal(t.term)::tsquery) AS known,
            EXISTS (SELECT 1 FROM products p WHERE p.status = 'active'
                    AND p.search_tsv @@ (quote_literal(t.term) || ':AB')::tsquery) AS named
     FROM (SELECT v.t AS term, min(pos) AS at
           FROM unnest(to_tsvector('english', $1)) AS v(t, p, w), unnest(v.p) AS pos GROUP BY v.t) AS t
     ORDER BY t.at`,
    [query],
  );
  return {
    terms: r.rows.map((x) => x.term),
    unknown: r.rows.filter((x) => !x.known).map((x) => x.term),
    unnamed: r.rows.filter((x) => !x.named).map((x) => x.term),
  };
}
