import { foldArabicScript } from '../shared/language.js';
import englishWords from './lang/en/text-search.json' with { type: 'json' };

/** A Postgres text search configuration, and how text is prepared before it reads it. */
export interface TextSearchConfig {
  /** The configuration's name; one of a fixed few, so it may be written into SQL as a literal. */
  name: 'english' | 'german' | 'simple';
  /** Text as the configuration should see it (the same on the stored and the query side). */
  normalize(text: string): string;
  /** Stop words of the configuration that shops name products by ("down"): searched as written. */
  kept?: readonly string[];
}

const KEPT_WORD = /^[a-z]+$/;

/**
 * The SQL tsvector of a text expression: the configuration's, and the kept words it holds as the
 * `simple` configuration writes them ("down jacket" → 'jacket' and 'down'). Kept words are plain
 * lowercase letters (checked), so they are written into the SQL as a literal array.
 */
export function tsvectorSql(config: TextSearchConfig, expr: string): string {
  const own = `to_tsvector('${config.name}', ${expr})`;
  const kept = (config.kept ?? []).filter((w) => KEPT_WORD.test(w));
  if (!kept.length) return own;
  const words = `regexp_split_to_table(lower(${expr}), '[^[:alnum:]]+')`;
  return `(${own} || to_tsvector('simple', array_to_string(ARRAY(SELECT w FROM ${words} AS w
    WHERE w = ANY('{${kept.join(',')}}'::text[])), ' ')))`;
}

const asIs = (text: string) => text;

/**
 * Postgres has no stemmer for Persian or Arabic: their words are folded (letter variants,
 * diacritics, tatweel, zero-width non-joiners, digits) and split on anything that is not a letter,
 * mark or digit, since the default parser would keep Arabic-script punctuation inside a word.
 */
const foldedWords = (text: string) => foldArabicScript(text).replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');

const ENGLISH: TextSearchConfig = { name: 'english', normalize: asIs, kept: englishWords.kept };
const GERMAN: TextSearchConfig = { name: 'german', normalize: asIs };
const FOLDED: TextSearchConfig = { name: 'simple', normalize: foldedWords };
const SIMPLE: TextSearchConfig = { name: 'simple', normalize: asIs };

/**
 * The text search configuration for a language code ("de", "fa-IR"): English when none is given,
 * `simple` for a language Postgres has no configuration for here.
 */
export function textSearchConfig(language: string | null | undefined): TextSearchConfig {
  const base = (language ?? 'en').toLowerCase().split(/[-_]/)[0];
  if (base === 'en') return ENGLISH;
  if (base === 'de') return GERMAN;
  if (base === 'fa' || base === 'ar') return FOLDED;
  return SIMPLE;
}
