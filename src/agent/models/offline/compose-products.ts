import type { ProductSummary } from '../../../catalog/types.js';
import type { RecommendResult, SearchProductsResult } from '../../../tools/results.js';
import { availableOptions, listProducts, trimText } from './format.js';
import { MAX_LISTED, type Memory } from './history.js';
import type { Lexicon } from './language-pack.js';
import { descriptionSentences } from './product-facts.js';

/** Replies about products. Only structured fields are used: a description is never read or quoted. */

const PICK_HINT = 'Tell me which one you like — e.g. "the second one" — and I can show details or add it to your cart.';

function priceWords(args: Record<string, unknown>): string {
  const { minPrice, maxPrice } = args as { minPrice?: number; maxPrice?: number };
  if (minPrice !== undefined && maxPrice !== undefined) return ` between ${minPrice} and ${maxPrice}`;
  if (maxPrice !== undefined) return ` under ${maxPrice}`;
  if (minPrice !== undefined) return ` over ${minPrice}`;
  return '';
}

/**
 * The answer to a search, as honest as the shop's match: found, only close (said so), or not
 * carried at all (said plainly, with the closest things if there are any). "Show me more" lists
 * the products not shown yet.
 */
export function composeSearch(
  result: SearchProductsResult,
  args: Record<string, unknown>,
  memory?: Memory,
  at?: number,
): string {
  const query = typeof args.query === 'string' ? args.query : '';
  const what = query ? `"${query}"` : 'that';
  let products = result.products;
  if (args.limit === 10 && memory) {
    const before = memory.events.filter((e) => e.at < (at ?? Infinity) && e.name === 'search_products').at(-1);
    const seen = new Set(
      ((before?.result?.products ?? []) as ProductSummary[]).slice(0, MAX_LISTED).map((p) => p.handle),
    );
    products = products.filter((p) => !seen.has(p.handle));
    if (!products.length) return `That's all I have for ${what}. Want to try other words or a different price range?`;
  }
  if (!products.length) {
    return `Sorry, I couldn't find ${what}${priceWords(args)} in our shop. Try other words or a wider price range — or ask me for recommendations.`;
  }
  const list = `${listProducts(products)}\n${PICK_HINT}`;
  if (result.noMatch) {
    return `Sorry, we don't carry ${what}. The closest things we have:\n${list}`;
  }
  if (result.relaxed?.includes('price')) {
    return `I couldn't find ${what}${priceWords(args)}. The closest without that budget:\n${list}`;
  }
  if (result.match === 'weak') return `I couldn't find an exact match for ${what}; here's what comes closest:\n${list}`;
  const more = products.length > MAX_LISTED ? ` (top ${MAX_LISTED} of ${products.length})` : '';
  return `Here's what I found${more}:\n${list}`;
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

export function composeProduct(p: ProductSummary, lx: Lexicon | null): string {
  const vendor = p.vendor ? ` by ${p.vendor}` : '';
  const lines = [`${p.title}${vendor} — ${p.price?.formatted ?? 'price unavailable'}.`];
  const about = lx ? trimText(descriptionSentences(p, lx).join(' '), 220) : '';
  if (about) lines.push(/[.!?…]$/.test(about) ? about : `${about}.`);
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
