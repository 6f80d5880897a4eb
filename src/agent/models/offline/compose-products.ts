import type { ProductSummary } from '../../../catalog/types.js';
import type { RecommendResult, SearchProductsResult } from '../../../tools/results.js';
import { availableOptions, listProducts, trimText } from './format.js';
import { MAX_LISTED } from './history.js';

/** Replies about products. Only structured fields are used: a description is never read or quoted. */

const PICK_HINT = 'Tell me which one you like — e.g. "the second one" — and I can show details or add it to your cart.';

function priceWords(args: Record<string, unknown>): string {
  const { minPrice, maxPrice } = args as { minPrice?: number; maxPrice?: number };
  if (minPrice !== undefined && maxPrice !== undefined) return ` between ${minPrice} and ${maxPrice}`;
  if (maxPrice !== undefined) return ` under ${maxPrice}`;
  if (minPrice !== undefined) return ` over ${minPrice}`;
  return '';
}

export function composeSearch(result: SearchProductsResult, args: Record<string, unknown>): string {
  const products = result.products;
  const note = typeof result.note === 'string' && result.note ? `${trimText(result.note, 200)}\n` : '';
  if (!products.length) {
    const what = typeof args.query === 'string' && args.query !== 'products' ? ` for "${args.query}"` : '';
    return `${note}I couldn't find anything${what}${priceWords(args)}. Try other words or a wider price range — or ask me for recommendations.`;
  }
  const more = products.length > MAX_LISTED ? ` (top ${MAX_LISTED} of ${products.length})` : '';
  return `${note}Here's what I found${more}:\n${listProducts(products)}\n${PICK_HINT}`;
}

export function composeRecommend(result: RecommendResult): string {
  if (!result.products.length)
    return "I don't have recommendations right now — tell me what you're looking for and I'll search for it.";
  const intro = result.signInRequired
    ? 'Sign in and I can tailor suggestions to your past orders. Meanwhile, some popular picks:'
    : result.basedOn?.length
      ? 'Based on what you bought before, you might like:'
      : 'You might like:';
  return `${intro}\n${listProducts(result.products)}\n${PICK_HINT}`;
}

export function composeProduct(p: ProductSummary): string {
  const vendor = p.vendor ? ` by ${p.vendor}` : '';
  const lines = [`${p.title}${vendor} — ${p.price?.formatted ?? 'price unavailable'}.`];
  lines.push(p.inStock ? 'In stock.' : 'Currently out of stock.');
  const options = availableOptions(p);
  if (options) lines.push(`Available: ${options}.`);
  const attributes = Object.entries(p.attributes ?? {})
    .slice(0, 3)
    .map(([k, v]) => `${k}: ${trimText(v, 60)}`);
  if (attributes.length) lines.push(attributes.join(' · '));
  if (p.inStock)
    lines.push(
      p.optionNames?.length
        ? `Want me to add it to your cart? Just tell me the ${p.optionNames.join(' and ').toLowerCase()}.`
        : 'Want me to add it to your cart?',
    );
  return lines.join('\n');
}
