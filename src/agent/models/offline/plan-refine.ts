import type { Memory } from './history.js';
import type { Plan } from './plan-types.js';
import { resolveProduct } from './references.js';

const NOTHING_SHOWN = 'Tell me what you\'re looking for first — for example "running shoes under 100".';
const lastSearch = (memory: Memory) =>
  [...memory.events].reverse().find((e) => e.name === 'search_products' && typeof e.args.query === 'string');

/** "something cheaper": the last search again, capped below the cheapest product shown. */
export function planCheaper(memory: Memory): Plan {
  if (!memory.shown.length) return { intent: 'refine', text: NOTHING_SHOWN };
  const last = lastSearch(memory);
  const cheapest = Math.min(...memory.shown.map((p) => p.price?.amount ?? 0));
  const maxPrice = Math.ceil(cheapest / 100) - 1;
  if (maxPrice < 1)
    return { intent: 'refine', text: 'Those are already the cheapest I found. Want me to search for something else?' };
  const base: Record<string, unknown> = last ? { ...last.args } : { query: memory.shown[0].category.toLowerCase() };
  delete base.minPrice;
  return { intent: 'refine', calls: [{ name: 'search_products', args: { ...base, maxPrice } }] };
}

/** "only in stock": the last search again, in-stock products only. */
export function planInStock(memory: Memory): Plan {
  const last = lastSearch(memory);
  if (!last) return { intent: 'refine', text: NOTHING_SHOWN };
  return { intent: 'refine', calls: [{ name: 'search_products', args: { ...last.args, inStock: true } }] };
}

/** "show me more": the search already returned its best matches; say so rather than repeat it. */
export function planMore(memory: Memory): Plan {
  if (!lastSearch(memory)) return { intent: 'refine', text: NOTHING_SHOWN };
  return {
    intent: 'refine',
    text: 'Those are the closest matches I have. Want to try other words, a different price range, a size or a colour?',
  };
}

/** "more like this": same category as the product under discussion. */
export function planSimilar(text: string, memory: Memory): Plan {
  const ref = resolveProduct(text, memory);
  if (ref.kind === 'ask') return { intent: 'refine', text: ref.text };
  const handle = ref.kind === 'product' ? ref.handle : memory.focus;
  const product = handle ? memory.products.get(handle) : undefined;
  if (!product) return { intent: 'refine', text: 'Similar to which product? Tell me the number from the list.' };
  const category = product.category || product.categoryPath.at(-1) || product.title;
  return { intent: 'refine', calls: [{ name: 'search_products', args: { query: category.toLowerCase(), category } }] };
}
