import { hasAny, phraseRegex, tidy, words } from './normalize.js';
import { extractOptions } from './parse-options.js';
import { extractPrice } from './parse-price.js';
import { FILLER } from './phrases.js';
import {
  CATEGORY_PHRASES,
  COLOURS,
  GENDER_PHRASES,
  LETTER_SIZES,
  PRODUCT_WORDS,
  resolveCategory,
  type Gender,
} from './vocabulary.js';

/** The arguments of `search_products`, exactly as the model sends them. */
export interface SearchArgs {
  query: string;
  minPrice?: number;
  maxPrice?: number;
  category?: string;
  vendor?: string;
  gender?: Gender;
  options?: Record<string, string>;
  inStock?: boolean;
}

export interface SearchParse {
  args: SearchArgs;
  /** How many things marked this as a product request (category, price, colour, "looking for"…). */
  signals: number;
}

const SEARCH_VERBS = [
  'looking for',
  'look for',
  'do you have',
  'do you sell',
  'do you carry',
  'have you got',
  'got any',
  'show me',
  'find me',
  'find',
  'search',
  'search for',
  'i need',
  'i want',
  'i would like',
  "i'd like",
  'shopping for',
  'buy',
  'any',
  'recommend me',
];
const IN_STOCK = ['in stock', 'available now', 'available right now', 'ready to ship', 'available'];
const GIFT_WORDS = new Set(['gift', 'gifts', 'present', 'presents']);

/** Turns a product request into `search_products` arguments; words that became filters leave the query. */
export function parseSearch(text: string, raw: string, shopCategories?: readonly string[]): SearchParse {
  const args: SearchArgs = { query: '' };
  let signals = hasAny(text, SEARCH_VERBS) ? 1 : 0;
  let rest = text;

  const vendor = extractVendor(rest, raw);
  if (vendor) {
    args.vendor = vendor.vendor;
    rest = vendor.rest;
    signals++;
  }

  const price = extractPrice(rest, raw);
  rest = price.rest;
  if (price.minPrice !== undefined) args.minPrice = price.minPrice;
  if (price.maxPrice !== undefined) args.maxPrice = price.maxPrice;
  if (price.minPrice !== undefined || price.maxPrice !== undefined) signals++;

  const opts = extractOptions(rest);
  rest = opts.rest;
  if (opts.color || opts.size) {
    args.options = { ...(opts.color ? { Color: opts.color } : {}), ...(opts.size ? { Size: opts.size } : {}) };
    signals++;
  }

  // "grey t-shirt L": a bare letter size, trusted only when typed in capitals.
  if (!opts.size) {
    const letter = /(?<![\w'-])(XXS|XS|S|M|L|XL|XXL|XXXL|2XL|3XL)(?![\w'-])/.exec(raw)?.[1];
    if (letter) {
      args.options = { ...args.options, Size: LETTER_SIZES[letter.toLowerCase()] };
      rest = tidy(rest.replace(phraseRegex(letter.toLowerCase()), ' '));
    }
  }
  const stock = IN_STOCK.find((p) => phraseRegex(p).test(rest));
  if (stock) {
    args.inStock = true;
    rest = tidy(rest.replace(phraseRegex(stock), ' '));
  }

  const gender = GENDER_PHRASES.find((g) => phraseRegex(g.phrase).test(rest));
  if (gender) {
    args.gender = gender.gender;
    rest = tidy(rest.replace(phraseRegex(gender.phrase), ' '));
    signals++;
  }

  const category = CATEGORY_PHRASES.find((c) => phraseRegex(c.phrase).test(rest));
  if (category) {
    const name = resolveCategory(category.group, shopCategories);
    if (name) args.category = name;
    signals += 2;
  }

  const kept: string[] = [];
  for (const w of words(rest)) {
    const word = GIFT_WORDS.has(w) ? 'gift' : w;
    if (FILLER.has(word) || /^\d+$/.test(word) || kept.includes(word)) continue;
    if (PRODUCT_WORDS.includes(word)) signals++;
    kept.push(word);
  }
  // The tool takes at most 300 characters; a dozen content words say enough.
  args.query =
    kept.slice(0, 12).join(' ').slice(0, 300) || category?.phrase || opts.color || gender?.gender || 'products';
  // "show me something" names nothing to look for: not a search.
  if (args.query === 'products' && Object.keys(args).length === 1) signals = 0;
  return { args, signals };
}

/** "by Patagonia", "from Nike", "brand Hoka": the vendor, with the shopper's own casing. */
function extractVendor(text: string, raw: string): { vendor: string; rest: string } | undefined {
  const m = /(?<![\w'-])(?:by|from|brand)\s+([a-z][\w&'.-]*)(?:\s+([a-z][\w&'.-]*))?/.exec(text);
  if (!m) return undefined;
  const first = m[1];
  if (FILLER.has(first) || COLOURS.includes(first) || CATEGORY_PHRASES.some((c) => c.phrase === first))
    return undefined;
  const original = (w: string) =>
    new RegExp(`(?<![\\w'-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w'-])`, 'i').exec(raw)?.[0] ?? w;
  let vendor = original(first);
  let matched = `${m[0].slice(0, m[0].indexOf(first))}${first}`;
  const second = m[2];
  // A second word belongs to the name only when the shopper capitalised it ("by North Face").
  if (second && !FILLER.has(second) && /^[A-Z]/.test(original(second))) {
    vendor = `${vendor} ${original(second)}`;
    matched = m[0];
  }
  return { vendor, rest: tidy(text.replace(matched, ' ')) };
}
