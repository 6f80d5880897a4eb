import type { SearchQuery } from '../../../src/catalog/types.js';
import { pick, prng, type Rng } from './synthetic-catalog.js';
import { BRANDS, CATEGORIES, COLOURS, PERSONAS, type CategorySpec } from './vocabulary.js';

/** A typo a shopper might make: two neighbouring letters swapped. */
function typo(rng: Rng, word: string): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(rng() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

const PHRASINGS: ((rng: Rng, c: CategorySpec) => string)[] = [
  (rng, c) => `${pick(rng, c.adjectives)} ${pick(rng, c.nouns)}`,
  (rng, c) => `${pick(rng, COLOURS).toLowerCase()} ${pick(rng, c.nouns)}`,
  (rng, c) => `${pick(rng, c.materials)} ${pick(rng, c.nouns)} for ${pick(rng, c.uses)}`,
  (rng, c) => `${pick(rng, BRANDS)} ${pick(rng, c.nouns)}`,
  (rng, c) => `something for ${pick(rng, c.uses)}`,
  (rng, c) => `gift for a ${pick(rng, PERSONAS)} who likes ${pick(rng, c.tags)}`,
  (rng, c) => `${pick(rng, c.nouns)}s${c.sizes.length > 0 ? ` size ${pick(rng, c.sizes)}` : ''}`,
  (rng, c) => typo(rng, pick(rng, c.nouns)),
  (rng, c) => `I need a ${pick(rng, c.adjectives)} ${pick(rng, c.nouns)} with ${pick(rng, c.features)}`,
  (rng, c) => pick(rng, c.tags),
];

/**
 * Varied shopper queries, deterministic in `seed`. With `filters`, about half carry filters:
 * a price ceiling, a category, in-stock only, or a combination.
 */
export function syntheticQueries(count: number, opts: { seed: number; filters: boolean }): SearchQuery[] {
  const rng = prng(opts.seed);
  return Array.from({ length: count }, () => {
    const c = pick(rng, CATEGORIES);
    const q: SearchQuery = { query: pick(rng, PHRASINGS)(rng, c), limit: 10 };
    if (!opts.filters) return q;
    if (rng() < 0.25) q.maxPriceMinor = Math.round((c.price[0] + (c.price[1] - c.price[0]) * rng() * 0.6) / 100) * 100;
    if (rng() < 0.2) q.category = rng() < 0.7 ? c.productType : c.path[0];
    if (rng() < 0.2) q.inStock = true;
    return q;
  });
}

export function hasFilters(q: SearchQuery): boolean {
  return q.maxPriceMinor !== undefined || q.category !== undefined || q.inStock !== undefined;
}

export function describeQuery(q: SearchQuery): string {
  const f = [
    q.maxPriceMinor !== undefined ? `≤€${q.maxPriceMinor / 100}` : '',
    q.category ? `category=${q.category}` : '',
    q.inStock ? 'in stock' : '',
  ].filter(Boolean);
  return `"${q.query}"${f.length > 0 ? ` [${f.join(', ')}]` : ''}`;
}
