import type { ProductSummary } from '../catalog/types.js';
import type { CartView } from '../carts/types.js';
import type { CartPayload, ProductCard } from './event-types.js';

/** The card the widget shows for a product: fresh price, stock and variants. */
export function toProductCard(p: ProductSummary): ProductCard {
  const cheapest = p.variants.find((v) => v.price.amount === p.price.amount);
  return {
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    price: p.price,
    compareAtPrice: cheapest?.compareAtPrice ?? null,
    inStock: p.inStock,
    image: p.image,
    optionNames: p.optionNames,
    variants: p.variants.map((v) => ({ sku: v.sku, options: v.options, price: v.price, inStock: v.inStock })),
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
