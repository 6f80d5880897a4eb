import type { Queryable } from '../db/database.js';
import { filterSql } from './search-filters.js';
import { textSearchConfig, tsvectorSql, type TextSearchConfig } from './text-search-config.js';
import type { SearchQuery } from './types.js';

/** Weight of a query term found only in a product's description or option values (weight C). */
const DESCRIPTION_ONLY = 0.5;

export interface LexicalHit {
  id: number;
  handle: string;
  /** How much of the query the product covers, in (0, 1]; see `lexicalHits`. */
  coverage: number;
  /** The coverage is that of the product's translation into the shopper's language. */
  translated?: true;
}

/** A query's words, lowercased and de-duplicated (at most 32), for full-text search; Postgres drops stop words. */
export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 32);
}

/**
 * A product's coverage of the query: each term adds 1 when the product has it in its title or keywords,
 * `DESCRIPTION_ONLY` when only elsewhere. One expression a term (`terms` at most; a missing term is NULL and adds
 * 0), evaluated in the row: a correlated subquery over the terms cost a sub-plan run for every matching product.
 * The term anywhere is tested first: most products lack most terms, and then one test decides.
 */
function coverageSql(terms: number, tsv: string): string {
  return Array.from({ length: terms }, (_, i) => {
    const keyed = `CASE WHEN ${tsv} @@ query.keyed[${i + 1}] THEN 1 ELSE ${DESCRIPTION_ONLY} END`;
    return `CASE WHEN ${tsv} @@ query.anywhere[${i + 1}] THEN ${keyed} ELSE 0 END`;
  }).join('\n              + ');
}

/** Where full-text search looks: products' own texts, or their translations into one language. */
interface TextSource {
  /** The rows searched, joined to `products p` (filters apply to it). */
  from: string;
  /** The searched tsvector column. */
  tsv: string;
  /** The same rows again, joined to the hits `h` for ranking. */
  join: string;
}

const OWN_TEXTS: TextSource = { from: 'products p', tsv: 'p.search_tsv', join: '' };

/** Translations into the language given as parameter `$n`. */
const translationsIn = (n: number): TextSource => ({
  from: `product_translations t JOIN products p ON p.id = t.product_id AND t.language = $${n}`,
  tsv: 't.search_tsv',
  join: `JOIN product_translations t ON t.product_id = h.id AND t.language = $${n}`,
});

/**
 * Full-text matches ranked by coverage: the share of the query's distinct terms (stems of the
 * configuration's language, stop words dropped) a product contains, a term counting 1 in its title or
 * keywords (weights A and B: vendor, category, type, tags, attributes) and `DESCRIPTION_ONLY` in its
 * description or option values. Ties go to `ts_rank_cd`.
 *
 * Ranking by `ts_rank_cd` of an OR query alone let one common word decide: for "a bag for my tools
 * when I cycle to work", products that say "bag" in their titles outranked the ones made to carry tools;
 * and "sit" in lorem-ipsum descriptions ("dolor sit amet") matched "something to sit on".
 * Words no product contains (e.g. "something") stay in the denominator on purpose: they lower
 * every hit's coverage alike, so a one-word match of a vague request stays a weak signal.
 */
async function hitsIn(
  db: Queryable,
  source: TextSource,
  text: { query: string; config: TextSearchConfig; params: unknown[] },
  q: SearchQuery,
  limit: number,
): Promise<LexicalHit[]> {
  const query = text.config.normalize(text.query);
  const words = queryTerms(query);
  if (words.length === 0 || limit < 1) return [];
  const f = filterSql(q, 1 + text.params.length);
  const tsv = source.tsv;
  // A word gives one term at most (stop words none), so the LIMIT only makes sure coverageSql sees every term.
  // ts_rank_cd only breaks ties, so it is computed only for the products whose coverage reaches the `limit`-th
  // best: at 100k products a common word matches tens of thousands, and ranking them all was a good part of the time.
  const r = await db.query<LexicalHit>(
    `WITH query AS (
       SELECT string_agg(lit, ' | ')::tsquery AS any_term, count(*) AS n,
              array_agg(lit::tsquery) AS anywhere, array_agg((lit || ':AB')::tsquery) AS keyed
       FROM (SELECT quote_literal(t) AS lit FROM unnest(tsvector_to_array(${tsvectorSql(text.config, '$1')})) AS t
             LIMIT ${words.length}) AS terms),
     hits AS MATERIALIZED (
       SELECT p.id, (${coverageSql(words.length, tsv)}) / query.n::float8 AS coverage
       FROM ${source.from}, query
       WHERE ${tsv} @@ query.any_term AND ${f.sql}),
     cut AS (SELECT coverage FROM hits ORDER BY coverage DESC OFFSET ${limit - 1} LIMIT 1)
     SELECT h.id, p.handle, h.coverage
     FROM hits h JOIN products p ON p.id = h.id ${source.join}, query
     WHERE h.coverage >= coalesce((SELECT coverage FROM cut), 0)
     ORDER BY h.coverage DESC, ts_rank_cd(${tsv}, query.any_term, 1) DESC, h.id LIMIT ${limit}`,
    [words.join(' '), ...text.params, ...f.params],
  );
  return r.rows;
}

/** Both lists' products, each with its better coverage (marked when that came from a translation), best first. */
function mergeHits(own: LexicalHit[], translated: LexicalHit[], limit: number): LexicalHit[] {
  const byId = new Map(own.map((h) => [h.id, h]));
  for (const h of translated) {
    const o = byId.get(h.id);
    if (!o || h.coverage > o.coverage) byId.set(h.id, { ...h, translated: true });
  }
  // A stable sort: equal coverage keeps the own texts' ranking first.
  return [...byId.values()].sort((a, b) => b.coverage - a.coverage).slice(0, limit);
}

/**
 * Full-text matches of the query in the catalog's texts (`hitsIn`), searched with the catalog's
 * language's configuration (English unless told). With `q.shopperQuery` (the shopper's own words, in
 * another language than the catalog's) products also match through their translations into it.
 */
export async function lexicalHits(
  db: Queryable,
  q: SearchQuery,
  limit: number,
  catalog: TextSearchConfig = textSearchConfig('en'),
): Promise<LexicalHit[]> {
  const own = await hitsIn(db, OWN_TEXTS, { query: q.query, config: catalog, params: [] }, q, limit);
  const shopper = q.shopperQuery;
  if (!shopper?.text.trim()) return own;
  const config = textSearchConfig(shopper.language);
  const text = { query: shopper.text, config, params: [shopper.language] };
  return mergeHits(own, await hitsIn(db, translationsIn(2), text, q, limit), limit);
}

/**
 * The query's terms as full-text search sees them (stems of the catalog's language, stop words dropped), and which
 * of them no active product contains anywhere: what the shop does not carry ("yoga" in "yoga mats").
 * `unnamed` are those no product has in its title or keywords (only in a description at most);
 * terms come in the order of the query.
 */
export async function unknownTerms(
  db: Queryable,
  query: string,
  catalog: TextSearchConfig = textSearchConfig('en'),
): Promise<{ terms: string[]; unknown: string[]; unnamed: string[] }> {
  const r = await db.query<{ term: string; known: boolean; named: boolean }>(
    `SELECT t.term,
            EXISTS (SELECT 1 FROM products p WHERE p.status = 'active' AND p.search_tsv @@ quote_literal(t.term)::tsquery) AS known,
            EXISTS (SELECT 1 FROM products p WHERE p.status = 'active'
                    AND p.search_tsv @@ (quote_literal(t.term) || ':AB')::tsquery) AS named
     FROM (SELECT v.t AS term, min(pos) AS at
           FROM unnest(${tsvectorSql(catalog, '$1')}) AS v(t, p, w), unnest(v.p) AS pos GROUP BY v.t) AS t
     ORDER BY t.at`,
    [catalog.normalize(query)],
  );
  return {
    terms: r.rows.map((x) => x.term),
    unknown: r.rows.filter((x) => !x.known).map((x) => x.term),
    unnamed: r.rows.filter((x) => !x.named).map((x) => x.term),
  };
}

/** Whether an active product's text holds these words as a phrase, in this order ("gives light"). */
export async function mentionsPhrase(
  db: Queryable,
  phrase: string,
  catalog: TextSearchConfig = textSearchConfig('en'),
): Promise<boolean> {
  const r = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM products p WHERE p.status = 'active'
       AND p.search_tsv @@ phraseto_tsquery('${catalog.name}', $1)) AS found`,
    [catalog.normalize(phrase)],
  );
  return r.rows[0]?.found ?? false;
}
