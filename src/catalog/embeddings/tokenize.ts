/**
 * Text normalization shared by the local embedder's word and n-gram parts.
 * Everything here is pure and locale-independent, so the same text always gives the same tokens.
 */

/** Lowercases, folds accents (é → e, ß → ss) and unifies apostrophes and dashes. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

export interface Token {
  /** The token as written, joined by its inner hyphens, e.g. `e-mail`. */
  word: string;
  /** Its hyphen-separated parts, e.g. [`e`, `mail`]; one entry for a plain word. */
  parts: string[];
}

// A word is a run of letters and digits, optionally joined by inner hyphens or apostrophes.
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Splits normalized text into words; drops English possessive `'s` and other apostrophes. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalizeText(text).matchAll(WORD)) {
    const word = match[0].replace(/'s$/, '').replace(/'/g, '');
    if (!word) continue;
    const parts = word.split('-').filter(Boolean);
    tokens.push({ word, parts });
  }
  return tokens;
}

const KEEP_S = /(?:ss|us|is|ous|ics|ies)$/;

/**
 * A light English plural stemmer: shovels → shovel, boxes → box, berries → berry, wrenches → wrench.
 * It only ever strips a plural ending, so stems stay readable and the rules stay predictable.
 */
export function stemPlural(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (KEEP_S.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
