import { lastSearch, type Memory } from './history.js';
import { otherKind, searchArgs, type PlanContext } from './plan-args.js';
import type { Plan } from './plan-types.js';
import type { Say } from './replies.js';
import { askedAboutLast, resolveProduct } from './resolve-target.js';
import type { Understanding } from './understanding.js';

/**
 * What "cheaper" is cheaper than: a product of the conversation the message names ("than the <name>"), else the one
 * looked at since the list was shown ("than that one"), else the cheapest shown ("than those").
 */
function cheaperThan(u: Understanding, memory: Memory): number {
  const named = u.links.products.find((n) => n.distinctive > 0 && memory.products.get(n.handle)?.price);
  const one = named
    ? memory.products.get(named.handle)
    : askedAboutLast(memory)
      ? memory.products.get(memory.focus!)
      : null;
  if (one?.price) return one.price.amount;
  return Math.min(...memory.shown.map((p) => p.price?.amount ?? 0));
}

/**
 * "something cheaper": the last search again, capped below what it is cheaper than (`cheaperThan`); another
 * kind or need named ("anything cheaper? <kind> maybe") is searched for instead.
 */
export function planCheaper(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const { say } = ctx;
  if (!memory.shown.length) return { intent: 'refine_cheaper', text: say('ask.nothingShown') };
  const other = otherKind(u, memory, ctx.index) ? searchArgs(withoutCompared(u), memory, ctx) : null;
  const last = lastSearch(memory);
  const maxPrice = Math.ceil(cheaperThan(u, memory) / 100) - 1;
  if (maxPrice < 1) return { intent: 'refine_cheaper', text: say('ask.cheapestAlready') };
  // "anything cheaper? <kind> maybe": another kind named is searched for, under the price of what was shown.
  const fallback = last ? { ...last.args } : { query: memory.shown[0].category.toLowerCase() };
  const base: Record<string, unknown> = other ?? fallback;
  delete base.minPrice;
  return { intent: 'refine_cheaper', calls: [{ name: 'search_products', args: { ...base, maxPrice } }] };
}

/** "only in stock": the last search again, in-stock products only. */
export function planInStock(memory: Memory, say: Say): Plan {
  const last = lastSearch(memory);
  if (!last) return { intent: 'refine_in_stock', text: say('ask.nothingShown') };
  return { intent: 'refine_in_stock', calls: [{ name: 'search_products', args: { ...last.args, inStock: true } }] };
}

/**
 * "show me more": the last search with a larger list, leaving out what was already shown; "any more?
 * don't mind if they're pricier" lifts its budget cap, "your other <kind>s too" what was ruled out.
 */
export function planMore(u: Understanding, memory: Memory, say: Say): Plan {
  const last = lastSearch(memory);
  if (!last) return { intent: 'refine_more', text: say('ask.nothingShown') };
  const args: Record<string, unknown> = { ...last.args, limit: 10 };
  if (u.mentions.pricier) delete args.maxPrice;
  delete args.exclude;
  return { intent: 'refine_more', calls: [{ name: 'search_products', args }] };
}

/** "more like this": the type of the product under discussion. */
export function planSimilar(u: Understanding, memory: Memory, say: Say): Plan {
  const ref = resolveProduct(u, memory, null, say);
  if (ref.kind === 'ask') return { intent: 'refine_similar', text: ref.text };
  const handle = ref.kind === 'product' ? ref.handle : memory.focus;
  const product = handle ? memory.products.get(handle) : (memory.shown[0] ?? undefined);
  if (!product) return { intent: 'refine_similar', text: say('ask.similarToWhich') };
  // A product read back from an earlier, shortened tool result may lack its category path.
  // "other tops like that" names the kind itself.
  const category = u.links.type?.label || product.category || (product.categoryPath ?? []).at(-1) || product.title;
  return { intent: 'refine_similar', calls: [{ name: 'search_products', args: { query: category.toLowerCase() } }] };
}

/** "a cheaper <kind> than the <name> one": the product compared with is no word to search for (its kind is). */
export function withoutCompared(u: Understanding): Understanding {
  const compared = u.links.products.find((m) => m.distinctive > 0);
  if (!compared) return u;
  const type = u.links.type;
  const inType = (i: number) => !!type && i >= type.start && i < type.end;
  const names = new Set(u.words.slice(compared.start, compared.end).filter((_, j) => !inType(compared.start + j)));
  return { ...u, queryWords: u.queryWords.filter((w) => !names.has(w)), links: { ...u.links, products: [] } };
}
