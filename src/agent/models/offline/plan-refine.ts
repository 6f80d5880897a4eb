import type { Memory } from './history.js';
import type { Plan } from './plan-types.js';
import { resolveProduct } from './references.js';

/** "something cheaper": the last search again, capped below the cheapest product shown. */
export function planCheaper(memory: Memory): Plan {
  const last = [...memory.events].reverse().find((e) => e.name === 'search_products');
  const cheapest = Math.min(...memory.shown.map((p) => p.price?.amount ?? 0));
  const maxPrice = Math.ceil(cheapest / 100) - 1;
  if (maxPrice < 1) return { intent: 'refine', text: "Those are already the cheapest I found. Want me to search for something else?" };
  const base: Record<string, unknown> = last ? { ...last.args } : { query: memory.shown[0].category.toLowerCase() };
  delete base.minPrice;
  return { intent: 'refine', calls: [{ name: 'search_products', args: { ...base, maxPrice } }] };
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
