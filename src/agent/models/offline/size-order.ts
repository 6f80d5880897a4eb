import { normalizeOptionName } from '../../../catalog/search-filters.js';
import type { Lexicon } from './language-pack.js';
import type { Understanding } from './understanding.js';

const LETTER_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

/**
 * "the big one", "the smaller size": the product's largest or smallest size; "small" or "large"
 * for a product sized in measures ("180 g", "320 g"): its smallest or largest.
 */
export function sizeByOrder(
  u: Understanding,
  names: string[],
  values: (name: string) => string[],
  lx: Lexicon,
): Record<string, string> {
  const size = sizeSaid(u, lx);
  const name = names.find((n) => normalizeOptionName(n) === 'size');
  if (!name) return {};
  const sorted = [...values(name)].sort((a, b) => sizeRank(a, lx) - sizeRank(b, lx));
  const letter = size ? LETTER_ORDER.indexOf(size.toUpperCase()) : -1;
  // Sized in measures only ("180 g", "320 g"), none of them said as such.
  const measured =
    sorted.length > 1 &&
    sorted.every((v) => /^\d/.test(v.trim())) &&
    !u.options.some((o) => sorted.some((v) => v.toLowerCase() === o.value.toLowerCase()));
  const end = u.mentions.largest || (measured && letter > LETTER_ORDER.indexOf('M')) ? 'largest' : null;
  const start =
    u.mentions.smallest || (measured && letter >= 0 && letter < LETTER_ORDER.indexOf('M')) ? 'smallest' : null;
  const pick = end ? sorted.at(-1) : start ? sorted[0] : undefined;
  return pick ? { [name]: pick } : {};
}

/** The letter size a message says: its size slot, or a size said in words ("small", "large"). */
function sizeSaid(u: Understanding, lx: Lexicon): string | null {
  return u.size ?? u.words.map((w) => (w.length > 2 ? lx.sizes[w] : undefined)).find(Boolean) ?? null;
}

/** Where a size stands among sizes: letters and the words for them ("large" after "medium"), or a measure. */
function sizeRank(v: string, lx: Lexicon): number {
  const letter = LETTER_ORDER.indexOf((lx.sizes[v.toLowerCase()] ?? v).toUpperCase());
  if (letter >= 0) return letter;
  const n = Number.parseFloat(v.replace(',', '.'));
  return Number.isNaN(n) ? 0 : n;
}
