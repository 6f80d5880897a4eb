/** What a question about a product asks of it: an aspect (stock, material, colour…), and whether a price. */
import { stem } from '../../../catalog/terms.js';
import type { Lexicon } from './language-pack.js';
import { phraseIn } from './message-words.js';
import type { Aspect } from './understanding.js';

const ASPECTS: Aspect[] = ['stock', 'material', 'color', 'size', 'price', 'weight', 'details'];

/** `measureQuestion`: the language's question words that ask for an amount ("how", "wie", "كم"). */
export function createAspectReader(lx: Lexicon, measureQuestion: ReadonlySet<string>) {
  /** The first aspect, in ASPECTS' order, whose words the (normalized) text says. */
  function aspectOf(text: string): Aspect | null {
    return ASPECTS.find((a) => phraseIn(text, lx.aspects[a] ?? [])) ?? null;
  }

  /**
   * Whether a price is asked: "how much is it", not "how much does it hold": a price phrase made of the
   * measure question word ("how much") asks a price unless a word of a measured facet follows it before the
   * next question ("how much is it and how heavy?" asks both).
   */
  function asksPrice(text: string, words: string[]): boolean {
    const said = (lx.aspects.price ?? []).filter((p) => phraseIn(text, [p]));
    const measures = (p: string) => p.split(' ').some((w) => measureQuestion.has(w));
    if (!said.length || !said.every(measures)) return said.length > 0;
    const facet = (w: string) => !!(lx.facets[w] ?? lx.facets[stem(w)]);
    const priced = (ps: string[], at: number) => {
      for (let j = at + ps.length; j < words.length && !measureQuestion.has(words[j]); j++)
        if (facet(words[j])) return false;
      return true;
    };
    const starts = said.flatMap((p) => {
      const ps = p.split(' ');
      return words.flatMap((_, i) => (ps.every((w, k) => words[i + k] === w) ? [{ ps, i }] : []));
    });
    return !starts.length || starts.some(({ ps, i }) => priced(ps, i));
  }

  return { aspectOf, asksPrice };
}
