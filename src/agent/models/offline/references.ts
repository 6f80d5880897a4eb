import type { ProductSummary } from '../../../catalog/types.js';
import type { CartLine } from '../../../tools/results.js';
import { listCart, listProducts } from './format.js';
import type { Memory } from './history.js';
import { hasAny, phraseRegex, stem, tidy, words } from './normalize.js';
import { FILLER, ORDINALS } from './phrases.js';
import { CATEGORY_PHRASES, COLOURS } from './vocabulary.js';

/**
 * Resolving "the second one", "that jacket", "the cheaper one", "it" against what was shown.
 * When the answer is not certain, the result is a clarifying question instead of a guess.
 */
export type ProductRef =
  | { kind: 'product'; handle: string; product?: ProductSummary }
  | { kind: 'ask'; text: string }
  /** Product words that match nothing shown: the caller may search for them. */
  | { kind: 'unmatched'; words: string }
  | { kind: 'none' };

export type LineRef =
  { kind: 'line'; line: CartLine } | { kind: 'all' } | { kind: 'need_cart' } | { kind: 'ask'; text: string };

const PRONOUNS = [
  'it',
  'that one',
  'this one',
  'that',
  'this',
  'those',
  'these',
  'them',
  'the same',
  'one',
  'same one',
];
const CHEAPEST = [
  'cheapest',
  'cheaper one',
  'the cheaper',
  'least expensive',
  'less expensive',
  'lowest price',
  'most affordable',
];
const PRICIEST = ['most expensive', 'more expensive', 'pricier', 'priciest', 'dearest', 'the expensive one'];
const CART_WORDS =
  /(?<![\w'-])(?:(?:to|into|in|from|out of|off)\s+)?(?:my|the|your)\s+(?:cart|basket|bag|trolley)(?![\w'-])|(?<![\w'-])(?:cart|basket|trolley)(?![\w'-])/g;
const ACTION_WORDS = new Set([
  'add',
  'remove',
  'delete',
  'put',
  'take',
  'drop',
  'keep',
  'change',
  'make',
  'set',
  'update',
  'more',
  'details',
  'detail',
  'info',
  'about',
  'tell',
  'quantity',
  'instead',
  'out',
  'rid',
  "i'll",
  'ill',
  'please',
  'go',
  'for',
  'one',
  'ones',
  'much',
  'size',
  'sizes',
  'colour',
  'colours',
  'color',
  'colors',
  'come',
  'comes',
  'does',
  'stock',
  'x',
  'pcs',
  'then',
  'again',
  'as',
  'well',
  'yes',
  'yeah',
  'sure',
  'ok',
  'okay',
  'actually',
  'oh',
  'no',
  'not',
  "don't",
  'dont',
  'anymore',
  'longer',
  'units',
  'copies',
  'pieces',
  'another',
  'extra',
  'in',
  'get',
  'give',
  'via',
  'is',
  'are',
  'tell',
]);

export function ordinalOf(text: string, count: number): number | undefined {
  if (
    /(?<![\w'-])(?:the\s+)?last(?:\s+one)?(?![\w'-])/.test(text) &&
    !/last\s+(?:order|week|month|year|time)/.test(text)
  )
    return count || -1;
  const m = /(?<![\w'-])(?:number|no|#|item|option|nr)\s*(\d{1,2})(?![\w'-])/.exec(text) ?? /#(\d{1,2})/.exec(text);
  if (m) return Number(m[1]);
  for (const [word, n] of Object.entries(ORDINALS)) if (phraseRegex(word).test(text)) return n;
  return undefined;
}

/** "add socks to my bag" → "add socks": the cart's own name must not read as a product word. */
export function stripCartWords(text: string): string {
  return tidy(text.replace(CART_WORDS, ' '));
}

/** Product words in the text that could name a shown product ("jacket", "cloud runner"). */
function refWords(text: string): string[] {
  return words(stripCartWords(text)).filter(
    (w) => !FILLER.has(w) && !ACTION_WORDS.has(w) && !/^\d/.test(w) && !COLOURS.includes(w),
  );
}

function matches(
  p: { title: string; handle: string; category?: string; categoryPath?: string[] },
  text: string,
  ws: string[],
): number {
  const hay = [p.title, p.handle.replace(/[-_]/g, ' '), p.category ?? '', ...(p.categoryPath ?? [])]
    .join(' ')
    .toLowerCase();
  const hayStems = new Set(words(hay.replace(/[^\w\s'-]/g, ' ')).map(stem));
  let score = 0;
  for (const { phrase, group } of CATEGORY_PHRASES) {
    if (
      phraseRegex(phrase).test(text) &&
      group.phrases.some((g) => hay.includes(g) || g.split(' ').every((w) => hayStems.has(stem(w))))
    )
      score += 2;
  }
  for (const w of ws) if (hayStems.has(stem(w))) score++;
  return score;
}

function hasColour(p: ProductSummary, colour: string): boolean {
  return (
    p.title.toLowerCase().includes(colour) ||
    p.variants.some((v) => Object.values(v.options ?? {}).some((o) => o.toLowerCase() === colour))
  );
}

const which = (ps: ProductSummary[]) => `Which one do you mean?\n${listProducts(ps)}`;

/**
 * `colour` is a colour the caller already took out of the text as an option ("add the white one
 * in 42"); it still picks a product when nothing else does.
 */
export function resolveProduct(input: string, memory: Memory, hint: { colour?: string } = {}): ProductRef {
  const text = stripCartWords(input);
  const shown = memory.shown;
  if (/(?<![\w'-])(?:both|all of them|all three|all of those|each of them)(?![\w'-])/.test(text)) {
    return {
      kind: 'ask',
      text: `I'll add them one at a time — which one first?${shown.length ? `\n${listProducts(shown)}` : ''}`,
    };
  }
  const ordinal = ordinalOf(text, shown.length);
  if (ordinal !== undefined) {
    if (!shown.length) return { kind: 'ask', text: "I haven't shown you any products yet — what are you looking for?" };
    const p = shown[ordinal - 1];
    if (!p)
      return {
        kind: 'ask',
        text: `I only showed ${shown.length} product${shown.length === 1 ? '' : 's'} — which one do you mean?\n${listProducts(shown)}`,
      };
    return { kind: 'product', handle: p.handle, product: p };
  }
  const cheap = hasAny(text, CHEAPEST);
  if (cheap || hasAny(text, PRICIEST)) {
    if (!shown.length) return { kind: 'ask', text: "I haven't shown you any products yet — what are you looking for?" };
    // "the cheapest tent" while shoes are shown: a new search, not a pick from the list.
    const named = CATEGORY_PHRASES.filter((c) => phraseRegex(c.phrase).test(text));
    if (named.length && !shown.some((p) => matches(p, text, []) > 0))
      return { kind: 'unmatched', words: named[0].phrase };
    const amounts = shown.map((p) => p.price?.amount ?? 0);
    const target = cheap ? Math.min(...amounts) : Math.max(...amounts);
    const best = shown.filter((p) => (p.price?.amount ?? 0) === target);
    return best.length === 1
      ? { kind: 'product', handle: best[0].handle, product: best[0] }
      : { kind: 'ask', text: which(best) };
  }
  const pool = [...shown];
  const focused = memory.focus ? memory.products.get(memory.focus) : undefined;
  if (focused && !pool.some((p) => p.handle === focused.handle)) pool.push(focused);
  const ws = refWords(text);
  const hasCategory = CATEGORY_PHRASES.some((c) => phraseRegex(c.phrase).test(text));
  if (ws.length || hasCategory) {
    const scored = pool.map((p) => ({ p, s: matches(p, text, ws) })).filter((x) => x.s > 0);
    const top = Math.max(0, ...scored.map((x) => x.s));
    let best = scored.filter((x) => x.s === top).map((x) => x.p);
    const colour = COLOURS.find((c) => phraseRegex(c).test(text));
    const coloured = colour ? best.filter((p) => hasColour(p, colour)) : [];
    if (best.length > 1 && coloured.length) best = coloured;
    if (best.length === 1) return { kind: 'product', handle: best[0].handle, product: best[0] };
    if (best.length > 1) return { kind: 'ask', text: which(best) };
    if (hasCategory || ws.length) return { kind: 'unmatched', words: ws.join(' ') };
  }
  const colour = COLOURS.find((c) => phraseRegex(`${c} one`).test(text)) ?? (memory.focus ? undefined : hint.colour);
  if (colour && shown.length) {
    const best = shown.filter((p) => hasColour(p, colour));
    if (best.length === 1) return { kind: 'product', handle: best[0].handle, product: best[0] };
    if (best.length > 1) return { kind: 'ask', text: which(best) };
  }
  if (hasAny(text, PRONOUNS)) {
    if (memory.focus) return { kind: 'product', handle: memory.focus, product: memory.products.get(memory.focus) };
    if (shown.length) return { kind: 'ask', text: which(shown) };
    return { kind: 'ask', text: "Which product do you mean? Tell me what you're looking for and I'll find it." };
  }
  return { kind: 'none' };
}

const whichLine = (lines: CartLine[]) => `Which item do you mean?\n${listCart(lines)}`;

/** Resolves a cart line for remove/update; asks rather than guessing. */
export function resolveCartLine(input: string, memory: Memory): LineRef {
  const cart = memory.cart;
  if (!cart) return { kind: 'need_cart' };
  if (!cart.items.length) return { kind: 'ask', text: 'Your cart is empty — there is nothing to change yet.' };
  if (
    /(?<![\w'-])(?:everything|all items|all of it|all of them|whole cart|empty (?:my|the) (?:cart|basket)|clear (?:my|the) (?:cart|basket))(?![\w'-])/.test(
      input,
    )
  )
    return { kind: 'all' };
  const text = stripCartWords(input);
  const byHandle = (handle: string): LineRef => {
    const lines = cart.items.filter((l) => l.handle === handle);
    if (lines.length === 1) return { kind: 'line', line: lines[0] };
    if (lines.length > 1) return { kind: 'ask', text: whichLine(lines) };
    return { kind: 'ask', text: `That product isn't in your cart. Here's what is:\n${listCart(cart.items)}` };
  };
  const ordinal = ordinalOf(text, memory.lastList === 'cart' ? cart.items.length : memory.shown.length);
  if (ordinal !== undefined && memory.lastList === 'cart') {
    const line = cart.items[ordinal - 1];
    return line ? { kind: 'line', line } : { kind: 'ask', text: whichLine(cart.items) };
  }
  if (ordinal !== undefined || hasAny(text, CHEAPEST) || hasAny(text, PRICIEST)) {
    const ref = resolveProduct(text, memory);
    return ref.kind === 'product'
      ? byHandle(ref.handle)
      : { kind: 'ask', text: ref.kind === 'ask' ? ref.text : whichLine(cart.items) };
  }
  const ws = refWords(text);
  if (ws.length || CATEGORY_PHRASES.some((c) => phraseRegex(c.phrase).test(text))) {
    const scored = cart.items.map((l) => ({ l, s: matches(l, text, ws) })).filter((x) => x.s > 0);
    const top = Math.max(0, ...scored.map((x) => x.s));
    const best = scored.filter((x) => x.s === top).map((x) => x.l);
    if (best.length === 1) return { kind: 'line', line: best[0] };
    if (best.length > 1) return { kind: 'ask', text: whichLine(best) };
    return {
      kind: 'ask',
      text: `I couldn't find "${ws.join(' ')}" in your cart. Here's what is in it:\n${listCart(cart.items)}`,
    };
  }
  const focused = cart.items.find((l) => l.sku === memory.focusSku);
  if (focused) return { kind: 'line', line: focused };
  if (cart.items.length === 1) return { kind: 'line', line: cart.items[0] };
  return { kind: 'ask', text: whichLine(cart.items) };
}
