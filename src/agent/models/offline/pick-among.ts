/**
 * Singling out one of several products (or cart lines) by what a message says of it: cheaper or
 * pricier, its name words, a colour or option value, what it is made of or has.
 */
import type { ProductSummary } from '../../../catalog/types.js';
import { stem, tokens } from '../../../catalog/terms.js';
import type { Understanding } from './understanding.js';

/** Whether a product (or cart line) carries a colour or option value in its title or options. */
export function carries(
  p: { title: string; variants?: { options: Record<string, string> }[]; options?: Record<string, string> },
  value: string,
) {
  const v = value.toLowerCase();
  if (tokens(p.title).includes(v)) return true;
  const opts = [...(p.variants ?? []).map((x) => x.options), ...(p.options ? [p.options] : [])];
  return opts.some((o) => Object.values(o ?? {}).some((x) => x.toLowerCase() === v || tokens(x).includes(v)));
}

/** Whether a title has a word, in any of its forms. */
export const titleWord = (title: string, word: string) => tokens(title).some((t) => stem(t) === stem(word));

/** A word and a form of it: the same stem, or one starting the other ("marble", "marbled"). */
const sameWord = (a: string, b: string) =>
  stem(a) === stem(b) || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));

/** Whether a title says every word of a value, in some form. */
const titleNames = (title: string, value: string) =>
  tokens(value).every((v) => tokens(title).some((t) => sameWord(t, v)));

/** Whether a product's names, options, attributes or description have a word ("cotton", "foldable"). */
export function describes(p: ProductSummary, word: string): boolean {
  const w = stem(word.toLowerCase());
  const text = [
    p.title,
    p.category,
    ...(p.categoryPath ?? []),
    ...(p.tags ?? []),
    ...Object.values(p.attributes ?? {}),
    ...p.variants.flatMap((v) => Object.values(v.options)),
    p.description ?? '',
  ].join(' ');
  return tokens(text).some((t) => stem(t) === w);
}

/** How many of the message's product words a product's names share. */
function overlap(title: string, extra: string[], words: string[]): number {
  const hay = new Set([...tokens(title), ...extra.flatMap((e) => tokens(e))].map(stem));
  return words.filter((w) => hay.has(stem(w))).length;
}

/** The product words said right before "one" ("the glass one", "the leather ones"): a choice by what they are. */
export function chosenBy(u: Understanding, selectors: Set<string> = new Set()): string[] {
  return u.words.filter((w, i) => selectors.has(u.words[i + 1] ?? '') && u.queryWords.includes(w));
}

/** "the glass one": of those no title names, the ones whose text (description, attributes) says most of the words. */
function mostDescribed<T>(pool: T[], words: string[], described: (x: T, word: string) => boolean): T[] {
  const scored = pool.map((x) => ({ x, s: words.filter((w) => described(x, w)).length }));
  const most = Math.max(...scored.map((s) => s.s));
  if (most === 0 || scored.every((s) => s.s === most)) return pool;
  return scored.filter((s) => s.s === most).map((s) => s.x);
}

/** The one of `pool` the message singles out by cheaper/pricier, colour or product words; null when it does not. */
export function pick<T extends { title: string }>(
  pool: T[],
  u: Understanding,
  price: (x: T) => number,
  extra: (x: T) => string[],
  fits?: (x: T) => boolean,
  described?: { words: string[]; test: (x: T, word: string) => boolean },
): { one: T } | { several: T[] } | null {
  if (!pool.length) return null;
  if (u.mentions.cheaper || u.mentions.pricier) {
    // "the cheapest of those, regular length": the cheapest of those that have what the message names.
    const fitting = fits ? pool.filter(fits) : [];
    const among = fitting.length ? fitting : pool;
    const amounts = among.map(price);
    const target = u.mentions.cheaper ? Math.min(...amounts) : Math.max(...amounts);
    const best = among.filter((x) => price(x) === target);
    return best.length === 1 ? { one: best[0] } : { several: best };
  }
  const words = u.queryWords.filter((w) => !u.options.some((o) => o.value.toLowerCase() === w));
  let best = pool;
  if (words.length) {
    const scored = pool.map((x) => ({ x, s: overlap(x.title, extra(x), words) }));
    const top = Math.max(...scored.map((s) => s.s));
    if (top > 0) best = scored.filter((s) => s.s === top).map((s) => s.x);
    else if (described?.words.length) best = mostDescribed(pool, described.words, described.test);
  }
  const colours = u.options.filter(
    (o) => !o.asked && (o.kind === 'color' || o.kind === 'material' || o.kind === 'option'),
  );
  // "the grey one… no sorry, I meant the yellow one": the value said last decides.
  for (const c of u.mentions.correction ? [...colours].reverse() : colours) {
    const coloured = best.filter((x) => carries(x as never, c.value));
    if (coloured.length) best = coloured;
  }
  // "the marbled one" where all of them come in Marbled: the one named for it ("Marble Cup").
  for (const c of colours) {
    const named = best.filter((x) => titleNames(x.title, c.value));
    if (named.length && named.length < best.length) best = named;
  }
  if (fits && best.length > 1) {
    // "the marbled one", "the 750ml one": the one whose variants have what the message names.
    const fitting = best.filter(fits);
    if (fitting.length) best = fitting;
  }
  if (best === pool && !colours.length && !(words.length && best.length < pool.length)) return null;
  return best.length === 1 ? { one: best[0] } : { several: best };
}
