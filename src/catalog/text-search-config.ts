import { foldArabicScript } from '../shared/language.js';

/** A Postgres text search configuration, and how text is prepared before it reads it. */
export interface TextSearchConfig {
  /** The configuration's name; one of a fixed few, so it may be written into SQL as a literal. */
  name: 'english' | 'german' | 'simple';
  /** Text as the configuration should see it (the same on the stored and the query side). */
  normalize(text: string): string;
}

const asIs = (text: string) => text;

/**
 * Postgres has no stemmer for Persian or Arabic: their words are folded (letter variants,
 * diacritics, tatweel, zero-width non-joiners, digits) and split on anything that is not a letter,
 * mark or digit, since the default parser would keep Arabic-script punctuation inside a word.
 */
const foldedWords = (text: string) => foldArabicScript(text).replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');

const ENGLISH: TextSearchConfig = { name: 'english', normalize: asIs };
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
