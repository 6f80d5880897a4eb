import type { CartView } from '../carts/types.js';
import type { ShopLinks } from '../catalog/shop-links.js';
import type { Money, ProductSummary, VariantSummary } from '../catalog/types.js';

/** Money as UCP has it: minor units and the currency. */
const amount = (m: Money) => ({ amount: m.amount, currency: m.currency });

function optionsOf(p: ProductSummary) {
  return p.optionNames.map((name) => ({
    name,
    values: [...new Set(p.variants.map((v) => v.options[name]).filter((x): x is string => Boolean(x)))],
  }));
}

export function agentVariant(v: VariantSummary, links: ShopLinks) {
  return {
    id: v.sku,
    sku: v.sku,
    title: Object.values(v.options).join(' / ') || 'Default',
    price: amount(v.price),
    ...(v.compareAtPrice && v.compareAtPrice.amount > v.price.amount ? { list_price: amount(v.compareAtPrice) } : {}),
    availability: { available: v.inStock, quantity: v.stock },
    selected_options: Object.entries(v.options).map(([name, value]) => ({ name, value })),
    ...(v.image ? { media: [{ type: 'image', url: links.absolute(v.image) }] } : {}),
  };
}

/**
 * A product as outside agents get it (UCP's shape: minor units, `description.plain`). Shop text
 * stays in its fields as data: titles and descriptions are never instructions of ours.
 */
export function agentProduct(p: ProductSummary, links: ShopLinks) {
  const prices = p.variants.map((v) => v.price.amount);
  const currency = p.price.currency;
  return {
    id: p.handle,
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    description: { plain: p.description },
    url: links.product(p),
    categories: p.categoryPath.map((value) => ({ value })),
    price_range: {
      min: { amount: prices.length ? Math.min(...prices) : p.price.amount, currency },
      max: { amount: prices.length ? Math.max(...prices) : p.price.amount, currency },
    },
    available: p.inStock,
    media: p.image ? [{ type: 'image', url: links.absolute(p.image), alt_text: p.title }] : [],
    options: optionsOf(p),
    variants: p.variants.map((v) => agentVariant(v, links)),
  };
}

/** A cart as outside agents get it; a line's id is its variant's id (the SKU). */
export function agentCart(cart: CartView, links: ShopLinks, platformIds: Map<string, string>) {
  const lineLinks = cart.items.map((l) => ({
    quantity: l.quantity,
    platformVariantId: platformIds.get(l.sku) ?? null,
  }));
  return {
    id: cart.id,
    lines: cart.items.map((l, i) => ({
      id: l.sku,
      product_variant_id: l.sku,
      product_id: l.handle,
      title: l.title,
      selected_options: Object.entries(l.options).map(([name, value]) => ({ name, value })),
      quantity: l.quantity,
      unit_price: amount(l.unitPrice),
      total: amount(l.lineTotal),
      available: l.inStock,
      ...(links.addToCart(lineLinks[i]) ? { add_to_cart_url: links.addToCart(lineLinks[i]) } : {}),
    })),
    item_count: cart.itemCount,
    totals: [{ type: 'subtotal', ...amount(cart.subtotal) }],
    checkout_url: links.checkout(cart.id, lineLinks),
  };
}

export type AgentCart = ReturnType<typeof agentCart>;
