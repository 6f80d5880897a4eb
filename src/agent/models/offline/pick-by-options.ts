import { stem, tokens } from '../../../catalog/terms.js';
import { previousEvent, type Memory } from './history.js';
import type { Lexicon } from './language-pack.js';
import { asksQuestion, saysAny } from './normalize.js';
import type { PlanContext } from './plan-args.js';
import type { Understanding } from './understanding.js';

/**
 * "the black frame with green lenses", "nah, the leather one from before", "the grey one, medium size":
 * a message that says nothing but options of the products shown (their values and names, and the words
 * that point and join) picks one of them; it asks nothing. One word besides ("how much", "made of")
 * makes it a question.
 */
export function picksByOptions(u: Understanding, memory: Memory, ctx: PlanContext): boolean {
  const lx = ctx.state.lexicon;
  if (asksQuestion(u.raw) || !(u.options.length || u.size) || !memory.shown.length) return false;
  // "just leather" narrows the list.
  if (saysAny(u.raw, lx.restrict)) return false;
  const single = (phrases: string[]) => phrases.flatMap((p) => p.split(' '));
  const optionNames = memory.seen.flatMap((p) => Object.keys(ctx.state.table(p.handle)).flatMap(tokens));
  const glue = new Set(
    [
      lx.articles,
      lx.ordinalSelectors,
      lx.openers,
      lx.deny,
      lx.addressTail,
      lx.recall,
      lx.optionLeads,
      lx.pickLinks,
      lx.sizeCues,
      Object.keys(lx.sizes),
      ...Object.values(lx.optionNames),
    ].flatMap(single),
  );
  for (const n of optionNames) glue.add(n);
  const inOption = (i: number) => u.options.some((o) => i >= o.start && i < o.end);
  const isSize = (w: string) => !!u.size && w.toLowerCase() === u.size.toLowerCase();
  return u.words.every((w, i) => inOption(i) || isSize(w) || glue.has(w) || glue.has(stem(w)));
}

/** A bare "that one" (no question) just after the details of the product in focus: choosing it. */
export function picksFocus(u: Understanding, memory: Memory, lx: Lexicon): boolean {
  const bare = u.words.length <= 3 && !u.queryWords.length && !u.links.products.length && !u.raw.includes('?');
  return bare && !!memory.focus && previousEvent(memory)?.name === 'get_product' && saysAny(u.raw, lx.pronouns);
}
