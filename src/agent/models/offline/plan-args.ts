/**
 * What the planners share: the context they plan in, and how a message becomes tool arguments
 * (search arguments, options spelled as the product spells them, hints that tell products apart).
 */
import { stem, tokens } from '../../../catalog/terms.js';
import { normalizeOptionName } from '../../../catalog/search-filters.js';
import { rankedByFacet } from './answer-product.js';
import { saysAny } from './normalize.js';
import type { DialogueState } from './dialogue-state.js';
import { lastSearch, type Memory } from './history.js';
import type { Say } from './replies.js';
import type { Hints } from './resolve-target.js';
import type { ShopIndex } from './shop-index.js';
import type { Understanding } from './understanding.js';

export interface PlanContext {
  index: ShopIndex | null;
  /** The offline model's sentences in the conversation's language. */
  say: Say;
  state: DialogueState;
}

/** The most of one item a shopper can ask for in one go. */
export const MAX_QUANTITY = 20;
/**
 * Below this, the intent model is unsure: product words make it a search, else a question. Its
 * probabilities are calibrated (spread over the intents on unusual messages), so this is low.
 */
export const UNSURE = 0.25;
/** Who a product is for, as the search tool filters it. */
export const GENDERS = ['men', 'women', 'kids'];

/** The option names a product (or the shop) uses for a kind of option: "Size", "Colour", "Material". */
function optionName(kind: string, names: readonly string[]): string {
  const wanted = kind === 'color' ? 'color' : kind;
  return (
    names.find((n) => normalizeOptionName(n) === wanted) ??
    (kind === 'color' ? 'Color' : kind[0].toUpperCase() + kind.slice(1))
  );
}

/**
 * The options a message names, spelled as the product (or the shop) spells them; of the names a
 * value has in the shop, one `preferred` holds (the options of the products shown) first.
 */
export function optionsFor(
  u: Understanding,
  optionNames: readonly string[],
  values: (name: string) => readonly string[],
  preferred: ReadonlySet<string> = new Set(),
) {
  const out: Record<string, string> = {};
  const spell = (name: string, v: string) => values(name).find((x) => x.toLowerCase() === v.toLowerCase()) ?? v;
  if (u.size) {
    const name = optionName('size', optionNames);
    out[name] = spell(name, u.size);
  }
  for (const o of u.options) {
    if (o.kind === 'size') continue;
    const own = o.names.find((n) => preferred.has(n)) ?? o.name;
    const name =
      own && optionNames.includes(own) ? own : optionName(o.kind === 'option' ? 'option' : o.kind, optionNames);
    if (o.kind === 'option' && !o.name) continue;
    if (!optionNames.some((n) => n === name) && optionNames.length) continue;
    out[name] = spell(name, o.value);
  }
  return Object.keys(out).length ? out : undefined;
}

/** Whether a message names option values of a product, as that product spells them ("in L, black"). */
export function namesOptionsOf(u: Understanding, ctx: PlanContext, handle: string): boolean {
  return Object.keys(ctx.state.reader.read(u.raw, ctx.state.table(handle))).length > 0;
}

/** What tells products apart: option values the message names ("in charcoal"), who the shopper buys for. */
export function hintsFor(u: Understanding, memory: Memory, ctx: PlanContext): Hints {
  const relations = Object.entries(ctx.state.lexicon.relations);
  const said = memory.userTurns.map((t) => t.text).join('\n');
  const gender = relations.find(([, people]) => saysAny(said, people))?.[0] ?? null;
  return {
    fits: (handle) => namesOptionsOf(u, ctx, handle),
    gender,
    selectors: new Set(ctx.state.lexicon.ordinalSelectors.filter((w) => !w.includes(' '))),
    optionLeads: ctx.state.lexicon.optionLeads,
    sizeWords: new Set(Object.keys(ctx.state.lexicon.sizes).filter((w) => w.length > 2)),
    rank: (pool) => rankedByFacet(pool, u.raw, ctx.state.lexicon)?.map((x) => x.p) ?? null,
    favoured: (pool, text) => {
      const lx = ctx.state.lexicon;
      const byFacet = rankedByFacet(pool, text, lx);
      if (byFacet) return byFacet[0].p;
      const cheaper = saysAny(text, lx.cheaper);
      if (!cheaper && !saysAny(text, lx.pricier)) return null;
      const byPrice = [...pool].sort((a, b) => a.price.amount - b.price.amount);
      return cheaper ? byPrice[0] : byPrice.at(-1)!;
    },
  };
}

/**
 * The product words, with the kind asked for last when a word the message said apart from it would
 * follow it ("a <kind> that fits my <thing>" → "<thing> <kind>", not "<kind> <thing>"): the
 * search reads the last of two kinds side by side as the one asked for. Words said together stay.
 */
function kindLast(u: Understanding): string[] {
  const type = u.links.type;
  if (!type) return u.queryWords;
  const kind = new Set(u.words.slice(type.start, type.end).map(stem));
  const isKind = (w: string) => kind.has(stem(w));
  const last = u.queryWords.findLastIndex(isKind);
  const next = u.queryWords[last + 1];
  if (last < 0 || next === undefined || stem(next) === stem(u.words[type.end] ?? '')) return u.queryWords;
  return [...u.queryWords.filter((w) => !isKind(w)), ...u.queryWords.filter(isKind)];
}

/** search_products arguments for a request: product words, budget, options and who it is for. */
export function searchArgs(u: Understanding, memory: Memory, ctx: PlanContext): Record<string, unknown> | null {
  let query = kindLast(u).join(' ');
  if (!query && u.links.type) query = u.links.type.label;
  const args: Record<string, unknown> = {};
  if (u.price?.minPrice !== undefined) args.minPrice = u.price.minPrice;
  if (u.price?.maxPrice !== undefined) args.maxPrice = u.price.maxPrice;
  const last = lastSearch(memory);
  // "and lamps in that price range?": the last search's budget for the new request.
  if (!u.price && saysAny(u.raw, ctx.state.lexicon.sameBudget)) {
    if (typeof last?.args.minPrice === 'number') args.minPrice = last.args.minPrice;
    if (typeof last?.args.maxPrice === 'number') args.maxPrice = last.args.maxPrice;
  }
  // "and under 50?": the last search again with the new budget.
  if (!query && (args.minPrice !== undefined || args.maxPrice !== undefined) && typeof last?.args.query === 'string')
    query = last.args.query;
  if (!query) return null;
  const options = requestOptions(u, ctx, memory);
  if (options) args.options = options;
  if (u.gender && GENDERS.includes(u.gender)) args.gender = u.gender;
  // A word the request asks for is never ruled out by it ("a bed — the bed itself, not bed clothes").
  const asked = new Set(tokens(query).map(stem));
  const exclude = u.ruledOut.filter((w) => !asked.has(stem(w)));
  if (exclude.length) args.exclude = exclude;
  const companion =
    memory.focus && saysAny(u.raw, ctx.state.lexicon.companions) ? memory.products.get(memory.focus) : null;
  if (companion) {
    // "<kind> to go with them" after a product of the category "<use> <kind>s": "<use> <kind>"; for kids
    // when that product is.
    const use = tokens(companion.category).slice(0, -1);
    const extra = use.filter((w) => !tokens(query).includes(w) && ctx.index?.knows(w));
    if (extra.length) query = [...extra, query].join(' ');
    if (!args.gender && ctx.index?.genderOf(companion.title) === 'kids') args.gender = 'kids';
  }
  return { query, ...args };
}

/** The options a request names, spelled as the shop spells them ("size 38?" after a list). */
export function requestOptions(
  u: Understanding,
  ctx: PlanContext,
  memory?: Memory,
): Record<string, string> | undefined {
  const shown = new Set((memory?.shown ?? []).flatMap((p) => Object.keys(ctx.state.table(p.handle))));
  return optionsFor(u, ctx.index?.optionNames ?? [], (name) => ctx.index?.optionValues(name) ?? [], shown);
}

/** The message names a kind of product none of those shown is ("anything cheaper? <kind> maybe"). */
export function otherKind(u: Understanding, memory: Memory, index: ShopIndex | null): boolean {
  const type = u.links.type;
  if (type) return !u.links.products.length && !memory.shown.some((p) => type.handles.has(p.handle));
  // "anything cheaper for making coffee?" after a kind none of whose names say coffee: the need, in the
  // shop's own words (no option value), is searched for.
  const seen = new Set(tokens(memory.shown.map((p) => `${p.title} ${p.category}`).join(' ')).map(stem));
  const valued = new Set(u.options.flatMap((o) => tokens(o.value)).map(stem));
  const own = u.queryWords.filter((w) => index?.knows(w) && !valued.has(stem(w)));
  return own.length > 0 && !u.links.products.length && !u.queryWords.some((w) => seen.has(stem(w)));
}

/** Whether a message names an option ("which colours…", "what sizes…"). */
export function namesOptionName(u: Understanding, ctx: PlanContext): boolean {
  const names = new Set(Object.values(ctx.state.lexicon.optionNames).flat());
  return u.words.some((w) => names.has(w));
}
