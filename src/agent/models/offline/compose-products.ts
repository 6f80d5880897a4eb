import { sortsByPrice, type ProductSummary } from '../../../catalog/types.js';
import type { RecommendResult, SearchProductsResult } from '../../../tools/results.js';
import { availableOptions, listProducts, trimText } from './format.js';
import { MAX_LISTED, type Memory } from './history.js';
import type { Lexicon } from './language-pack.js';
import { descriptionSentences } from './product-facts.js';
import type { Say } from './replies.js';

/** Replies about products. Only structured fields are used: a description is never read or quoted. */

function priceWords(say: Say, args: Record<string, unknown>): string {
  const { minPrice: min, maxPrice: max } = args as { minPrice?: number; maxPrice?: number };
  if (min !== undefined && max !== undefined) return say('search.budgetBetween', { min, max });
  if (max !== undefined) return say('search.budgetUnder', { max });
  if (min !== undefined) return say('search.budgetOver', { min });
  return '';
}

/** Products not shown by the search before this one ("show me more"). */
function notSeenBefore(products: ProductSummary[], memory: Memory, at?: number): ProductSummary[] {
  const before = memory.events.filter((e) => e.at < (at ?? Infinity) && e.name === 'search_products').at(-1);
  const seen = new Set(
    ((before?.result?.products ?? []) as ProductSummary[]).slice(0, MAX_LISTED).map((p) => p.handle),
  );
  return products.filter((p) => !seen.has(p.handle));
}

/**
 * The answer to a search, as honest as the shop's match: found, only close (said so), or not
 * carried at all (said plainly, with the closest things if there are any). "Show me more" lists
 * the products not shown yet.
 */
export function composeSearch(
  say: Say,
  result: SearchProductsResult,
  args: Record<string, unknown>,
  memory?: Memory,
  at?: number,
): string {
  const query = typeof args.query === 'string' ? args.query : '';
  const what = query ? say('search.whatQuoted', { query }) : say('search.whatThat');
  let products = result.products;
  if (args.limit === 10 && memory) {
    products = notSeenBefore(products, memory, at);
    if (!products.length) return say('search.allShown', { what });
  }
  if (!products.length) return say('search.none', { what, budget: priceWords(say, args) });
  const list = `${listProducts(say, products)}\n${say('search.pickHint')}`;
  if (result.noMatch) return say('search.notCarried', { what, list });
  if (result.relaxed?.includes('price')) return say('search.overBudget', { what, budget: priceWords(say, args), list });
  // Asked by price, the first is the answer; its match was judged before the order (good matches only).
  if (sortsByPrice(args.sort)) {
    const first = { title: products[0].title, price: products[0].price };
    return `${say(args.sort === 'price_asc' ? 'shown.cheapest' : 'shown.dearest', first)}\n${list}`;
  }
  if (result.match === 'weak') return say('search.weak', { what, list });
  if (products.length > MAX_LISTED) return say('search.foundTop', { shown: MAX_LISTED, total: products.length, list });
  return say('search.found', { list });
}

export function composeRecommend(say: Say, result: RecommendResult): string {
  if (!result.products.length) return say('recommend.none');
  const intro = result.signInRequired
    ? say('recommend.signIn')
    : result.basedOn?.length
      ? say('recommend.basedOnOrders')
      : say('recommend.youMightLike');
  return `${intro}\n${listProducts(say, result.products)}\n${say('search.pickHint')}`;
}

export function composeProduct(say: Say, p: ProductSummary, lx: Lexicon | null): string {
  const price = p.price ?? say('format.priceUnavailable');
  const lines = [
    p.vendor
      ? say('product.headlineVendor', { title: p.title, vendor: p.vendor, price })
      : say('product.headline', { title: p.title, price }),
  ];
  const about = lx ? trimText(descriptionSentences(p, lx).join(' '), 220) : '';
  if (about) lines.push(/[.!?…]$/.test(about) ? about : `${about}.`);
  lines.push(p.inStock ? say('product.inStock') : say('product.outOfStock'));
  const options = availableOptions(say, p);
  if (options) lines.push(say('product.available', { options }));
  const attributes = Object.entries(p.attributes ?? {})
    .slice(0, 3)
    .map(([k, v]) => `${k}: ${trimText(v, 60)}`);
  if (attributes.length) lines.push(attributes.join(' · '));
  if (p.inStock) lines.push(offerAdd(say, p));
  return lines.join('\n');
}

function offerAdd(say: Say, p: ProductSummary): string {
  if (!p.optionNames?.length) return say('product.offerAdd');
  return say('product.offerAddOptions', { names: say.eachAnd(p.optionNames).toLowerCase() });
}
