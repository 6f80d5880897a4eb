import type { ProductSummary } from '../catalog/types.js';
import type { CartView } from '../carts/types.js';
import type { CartPayload, ProductCard } from './event-types.js';

/** The options as the shopper reads them: the translation's names and values where it has them. */
function labelled(p: ProductSummary) {
  const labels = p.optionLabels ?? {};
  const name = (n: string) => labels[n]?.name ?? n;
  const options = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([n, v]) => [name(n), labels[n]?.values?.[v] ?? v]));
  return { optionNames: p.optionNames.map(name), options };
}

/** The card the widget shows for a product: fresh price, stock and variants (it adds by SKU). */
export function toProductCard(p: ProductSummary): ProductCard {
  const cheapest = p.variants.find((v) => v.price.amount === p.price.amount);
  const { optionNames, options } = labelled(p);
  return {
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    price: p.price,
    compareAtPrice: cheapest?.compareAtPrice ?? null,
    inStock: p.inStock,
    image: p.image,
    optionNames,
    variants: p.variants.map((v) => ({ sku: v.sku, options: options(v.options), price: v.price, inStock: v.inStock })),
  };
}

export function toCartPayload(c: CartView): CartPayload {
  return {
    id: c.id,
    version: c.version,
    items: c.items.map(({ stock: _stock, ...item }) => item),
    itemCount: c.itemCount,
    subtotal: c.subtotal,
    checkoutUrl: c.checkoutUrl,
  };
}
