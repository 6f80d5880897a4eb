import { cheapestVariant } from '../catalog/search-filters.js';
import type { ProductSummary } from '../catalog/types.js';
import type { ProductLookup } from '../catalog/product-lookup.js';

/** Amounts written in text like "€89", "89.00 EUR", "$12.50" or "89,95 €", as minor units. */
export function statedPrices(text: string): number[] {
  const re = /(?:[€$£]\s?(\d{1,6}(?:[.,]\d{1,2})?))|(?:(\d{1,6}(?:[.,]\d{1,2})?)\s?(?:€|EUR|USD|GBP|euros?))/gi;
  const out: number[] = [];
  for (const m of text.matchAll(re)) {
    const raw = (m[1] ?? m[2]).replace(',', '.');
    out.push(Math.round(Number(raw) * 100));
  }
  return out;
}

/** A translated product's words as the tool showed them (none for a product in the catalog's language). */
function shownWords(p: ProductSummary): Partial<ProductSummary> {
  if (!p.language) return {};
  const { title, originalTitle, language, productType, description, categoryPath, category, optionLabels } = p;
  return { title, originalTitle, language, productType, description, categoryPath, category, optionLabels };
}

/**
 * Re-reads every product the reply shows from the database, so a card is never stale or
 * invented, and checks the prices the text states against the data. When the text states a
 * price no shown product has, the cards win: the reply says so.
 */
export async function groundReply(
  deps: { products: ProductLookup },
  reply: { text: string; shown: ProductSummary[]; otherKnownPrices?: number[] },
): Promise<{ text: string; products: ProductSummary[]; priceMismatch: boolean }> {
  const fresh = await deps.products.byHandles(reply.shown.map((p) => p.handle));
  const byHandle = new Map(fresh.map((p) => [p.handle, p]));
  // Keep the variants the tool result matched (e.g. the sizes asked for), with fresh data.
  const products = reply.shown.flatMap((shown) => {
    const current = byHandle.get(shown.handle);
    if (!current) return [];
    const wanted = new Set(shown.variants.map((v) => v.sku));
    const variants = current.variants.filter((v) => wanted.has(v.sku));
    const list = variants.length > 0 ? variants : current.variants;
    const cheapest = cheapestVariant(list);
    // Prices and stock are fresh; the words stay those the shopper was shown (a translation).
    return [
      { ...current, ...shownWords(shown), variants: list, price: cheapest.price, inStock: list.some((v) => v.inStock) },
    ];
  });
  const known = new Set<number>(reply.otherKnownPrices ?? []);
  for (const v of products.flatMap((p) => p.variants)) {
    known.add(v.price.amount);
    if (v.compareAtPrice) known.add(v.compareAtPrice.amount);
  }
  for (const p of fresh) for (const v of p.variants) known.add(v.price.amount);
  const stated = statedPrices(reply.text);
  const priceMismatch = products.length > 0 && stated.some((amount) => !known.has(amount));
  const text = priceMismatch
    ? `${reply.text}\n\n(Please check the product cards: they show the current prices.)`
    : reply.text;
  return { text, products, priceMismatch };
}
