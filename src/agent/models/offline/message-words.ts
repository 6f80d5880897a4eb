/** The words a message is about: the shop's words linked sentence by sentence, and the product words to search for. */
import { stem } from '../../../catalog/terms.js';
import { normalize } from './normalize.js';
import type { ShopIndex } from './shop-index.js';
import type { Links, Span } from './shop-links.js';

/**
 * The shop's words linked sentence by sentence, so no name spans two sentences; spans are message positions.
 * `knownWords`, the words of the message's language, are never misspellings of the shop's words.
 */
export function linkBySentence(
  index: ShopIndex,
  words: string[],
  sentenceOf: number[],
  knownWords?: ReadonlySet<string>,
): Links {
  const out: Links = { words: [], products: [], type: null, vendor: null, options: [] };
  let start = 0;
  while (start < words.length) {
    let end = start;
    while (end < words.length && sentenceOf[end] === sentenceOf[start]) end++;
    const l = index.link(words.slice(start, end), knownWords);
    const shift = <T extends Span>(x: T): T => ({ ...x, start: x.start + start, end: x.end + start });
    out.words.push(...l.words);
    out.products.push(...l.products.map(shift));
    out.options.push(...l.options.map(shift));
    out.vendor ??= l.vendor ? shift(l.vendor) : null;
    // The most specific type named anywhere ("camera" over "gear"); a later sentence wins a tie.
    if (l.type && (!out.type || l.type.handles.size <= out.type.handles.size)) out.type = shift(l.type);
    start = end;
  }
  out.products.sort((a, b) => b.distinctive - a.distinctive || b.coverage - a.coverage);
  return out;
}

/**
 * The product words: what remains of the message without dialog words, budgets, sizes, counts and
 * references. When the message names a product or type, only its noun phrase is kept (the words
 * right before and after it) plus words the shop itself uses, so "my husband feels the cold, a
 * alpaca wool poncho" searches for "alpaca wool poncho".
 */

export function queryWordsOf(
  words: string[],
  corrected: string[],
  claim: (string | null)[],
  stop: Set<string>,
  genders: Map<string, string>,
  index: ShopIndex | null,
  common: (word: string) => boolean,
  /**
   * Words that rule out the next one ("not"), the language's articles ("a", "einen"), its use links ("for")
   * and the words it describes products with (keeping water out, materials), whether or not the shop uses them.
   */
  lead: { negations: Set<string>; articles: Set<string>; uses?: Set<string>; describing?: Set<string> } = {
    negations: new Set(),
    articles: new Set(),
  },
) {
  const { articles } = lead;
  const uses = lead.uses ?? new Set<string>();
  const describing = lead.describing ?? new Set<string>();
  const keep = new Set(['__type__', '__product__', '__vendor__', '__color__', '__material__', '__option__']);
  // "a watch, not smart", "single ones, not sets": what the shopper rules out is not searched for.
  const negated = (i: number) => negatedAt(words, i, lead);
  const owners: (string | null)[] = [];
  let owner: string | null = null;
  claim.forEach((c) => {
    if (c !== null && c !== '') owner = c;
    else if (c === null) owner = null;
    owners.push(c === null ? null : owner);
  });
  const content = words.map((w, i) => {
    if (negated(i)) return false;
    if (claim[i] !== null) return keep.has(owners[i] ?? '');
    // "throw it in" is a verb, "a throw" or "down <kind>s" the shop's product.
    const beforeKind = owners[i + 1] === '__type__' || owners[i + 1] === '__product__';
    const named = stop.has(w) && (articles.has(words[i - 1] ?? '') || beforeKind) && !!index?.names(w);
    return !((stop.has(w) && !named) || genders.has(w) || /^\d+$/.test(w) || w.length < 2 || w === '__cart__');
  });
  // "<thing> for hiking", "laces for the <name>": the words before a use of the shop's are the thing asked
  // for, whatever the shop calls it ("gps devices for hiking" is no request for hiking things).
  const isShop = (i: number) => claim[i] !== null || !index || index.knows(words[i]);
  const used = new Set<number>();
  const usePhrase = new Set<number>();
  for (let i = words.length - 1; i >= 0; i--) {
    if (!content[i]) continue;
    const use = articles.has(words[i + 2] ?? '') ? i + 3 : i + 2;
    const linked = uses.has(words[i + 1] ?? '') && content[use] && isShop(use);
    if (linked) for (let k = use; k < words.length && content[k]; k++) usePhrase.add(k);
    if (linked || (used.has(i + 1) && content[i + 1])) used.add(i);
  }
  const anchor = owners.findIndex((o) => o === '__type__' || o === '__product__');
  const inPhrase = new Set<number>();
  if (anchor >= 0) {
    // The run of content words around the anchor: its noun phrase.
    for (let i = anchor; i >= 0 && content[i]; i--) inPhrase.add(i);
    for (let i = anchor; i < words.length && content[i]; i++) inPhrase.add(i);
  }
  const out: { word: string; shop: boolean; at: number }[] = [];
  words.forEach((w, i) => {
    if (!content[i]) return;
    const shop = isShop(i);
    // "which <kind> are <describing word>": a describing word away from the kind is still what is asked for.
    if (anchor >= 0 && !inPhrase.has(i) && !shop && !used.has(i) && !describing.has(w)) return;
    // A misspelling of a shop word is searched as the shop spells it.
    out.push({ word: stem(w) === corrected[i] ? w : corrected[i], shop, at: i });
  });
  // Everyday words the shop never uses ("moved", "flat") are the story, not the product — unless
  // they stand next to the shop's words ("trekking poles") or nothing is the shop's ("yoga mats").
  const anyShop = out.some((x) => x.shop);
  const shopAt = new Set(out.filter((x) => x.shop).map((x) => x.at));
  const nextToShop = (at: number) => shopAt.has(at - 1) || shopAt.has(at + 1);
  const kept = out.filter((x) => x.shop || !anyShop || !common(x.word) || nextToShop(x.at) || used.has(x.at));
  // "<thing> for <use>" is searched as "<use> <thing>", the thing last as in a name ("hiking gaiters").
  const thing = (x: { at: number }) => (usePhrase.has(x.at) ? 0 : 1);
  const ordered = usePhrase.size ? [...kept].sort((a, b) => thing(a) - thing(b)) : kept;
  return ordered.map((x) => x.word);
}

/** "a watch, not a smart one": the shop's words a negation rules out, to leave out of what is shown. */
export function ruledOutWords(
  words: string[],
  stop: Set<string>,
  index: ShopIndex | null,
  lead: { negations: Set<string>; articles: Set<string> },
): string[] {
  return words.filter((w, i) => negatedAt(words, i, lead) && !stop.has(w) && !w.startsWith('__') && !!index?.knows(w));
}

/** Whether a negation rules out the word at `i`: "not smart", "not a smart one". */
function negatedAt(words: string[], i: number, lead: { negations: Set<string>; articles: Set<string> }): boolean {
  const { negations, articles } = lead;
  return negations.has(words[i - 1] ?? '') || (negations.has(words[i - 2] ?? '') && articles.has(words[i - 1] ?? ''));
}

/** A phrase as the text says it, its last word in any form ("power banks" for "power bank"); null if absent. */
export function phraseAsSaid(text: string, phrase: string): string | null {
  const want = phrase.split(' ');
  const words = text.trim().split(/\s+/);
  for (let i = 0; i + want.length <= words.length; i++) {
    const at = words.slice(i, i + want.length);
    const same = at.every((w, k) => (k < want.length - 1 ? w === want[k] : stem(w) === stem(want[k])));
    if (same) return at.join(' ');
  }
  return null;
}

/** Whether normalized text (words joined by spaces) says one of these phrases as whole words. */
export const phraseIn = (text: string, phrases: readonly string[]) =>
  phrases.some((p) => ` ${text} `.includes(` ${p} `));

/** The positions of the words that make up any of these phrases ("you guys" in "do you guys have…"). */
export function phrasePositions(words: string[], phrases: readonly string[]): Set<number> {
  const at = new Set<number>();
  for (const phrase of phrases) {
    const ws = phrase.split(' ');
    words.forEach((_, i) => {
      if (ws.every((w, k) => words[i + k] === w)) ws.forEach((__, k) => at.add(i + k));
    });
  }
  return at;
}

/** Sentences of a message: split after ".", "!" or "?" (not a decimal point) and at line breaks. */
export function splitSentences(raw: string): string[] {
  return raw
    .split(/(?<=[!?]|\.(?!\d))\s+|\n+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Text without these words (as normalized messages spell them); punctuation and other words stay as written. */
export function withoutFillers(text: string, fillers: Set<string>): string {
  if (!fillers.size) return text;
  // A filler's punctuation stays: "dauert das?" still asks.
  const kept = text
    .split(/(\s+)/)
    .map((part) => (fillers.has(normalize(part)) ? part.replace(/[\p{L}\p{N}'-]+/gu, '') : part));
  return kept
    .join('')
    .replace(/\s+([?!.,;:؟،])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Each word's clause (the sentences split at commas), numbered across the message; a sentence whose
 * clauses' words do not line up with its own (a phrase across a comma) is one clause.
 */
export function clausesOf(sentences: string[], wordsOf: (text: string) => string[]): number[] {
  const clauseOf: number[] = [];
  let clause = 0;
  for (const sentence of sentences) {
    const count = wordsOf(sentence).length;
    const parts = sentence.split(/,\s+/).map((c) => wordsOf(c).length);
    const lined = parts.reduce((x, y) => x + y, 0) === count;
    for (const length of lined ? parts : [count]) clauseOf.push(...new Array<number>(length).fill(clause++));
  }
  return clauseOf;
}

/** How many leading words are an opener ("good morning", "hi there"); `openers` longest first. */
export function openerAt(words: string[], openers: readonly string[]): number {
  let at = 0;
  for (let again = true; again;) {
    again = false;
    for (const o of openers) {
      const ws = o.split(' ');
      if (ws.every((w, k) => words[at + k] === w)) {
        at += ws.length;
        again = true;
        break;
      }
    }
  }
  return at;
}

/** A month named in the message; "may" only as a month after "in", "from", "since" or "last". */
export function monthOf(words: string[], months: Readonly<Record<string, number>>): number | null {
  for (const [i, w] of words.entries()) {
    const m = months[w];
    if (m === undefined) continue;
    if (w === 'may' && !['in', 'from', 'since', 'last', 'early', 'late', 'mid'].includes(words[i - 1] ?? '')) continue;
    return m;
  }
  return null;
}

/** Whether `phrase` (its words) is in `words` just before position `at`. */
export function endsAt(words: string[], phrase: string[], at: number): boolean {
  const from = at - phrase.length;
  return from >= 0 && phrase.every((w, k) => words[from + k] === w);
}
