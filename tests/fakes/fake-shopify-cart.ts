import { createHash } from 'node:crypto';

/** A variant as the test describes it; `inventory` undefined means not tracked (never sells out). */
export interface FakeShopifyVariant {
  id: number;
  sku: string;
  title: string;
  /** Minor units. */
  price: number;
  available?: boolean;
  inventory?: number;
}

export interface FakeShopifyProduct {
  productId: number;
  handle: string;
  title: string;
  vendor?: string;
  /** Option names, e.g. `['Size']`; variant titles are their values joined by " / ". */
  options?: string[];
  variants: FakeShopifyVariant[];
}

export interface FakeShopifyLine {
  key: string;
  variantId: number;
  quantity: number;
  properties: Record<string, string>;
}

export interface FakeShopifyCart {
  token: string;
  note: string | null;
  attributes: Record<string, string>;
  lines: FakeShopifyLine[];
}

/** What the AJAX API answers when it refuses: `{status, message: 'Cart Error', description}`. */
export class CartError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
  get body() {
    return { status: this.status, message: 'Cart Error', description: this.description };
  }
}

export type Catalog = Map<number, { product: FakeShopifyProduct; variant: FakeShopifyVariant }>;

export function catalogOf(products: FakeShopifyProduct[]): Catalog {
  return new Map(products.flatMap((product) => product.variants.map((v) => [v.id, { product, variant: v }] as const)));
}

/** Shopify's line key: the variant id and a hash of the line's properties. */
export function lineKey(variantId: number, properties: Record<string, string>): string {
  const hash = createHash('md5').update(JSON.stringify(properties)).digest('hex');
  return `${variantId}:${hash}`;
}

const itemTitle = (p: FakeShopifyProduct, v: FakeShopifyVariant) =>
  v.title === 'Default Title' ? p.title : `${p.title} - ${v.title}`;

/** One line of `/cart.js`, in the documented shape. */
export function lineItemJson(line: FakeShopifyLine, catalog: Catalog) {
  const { product, variant } = catalog.get(line.variantId)!;
  const values = variant.title.split(' / ');
  const names = product.options ?? ['Title'];
  return {
    id: variant.id,
    properties: line.properties,
    quantity: line.quantity,
    variant_id: variant.id,
    key: line.key,
    title: itemTitle(product, variant),
    price: variant.price,
    original_price: variant.price,
    discounted_price: variant.price,
    line_price: variant.price * line.quantity,
    original_line_price: variant.price * line.quantity,
    total_discount: 0,
    discounts: [],
    sku: variant.sku,
    grams: 0,
    vendor: product.vendor ?? 'Fake Vendor',
    taxable: true,
    product_id: product.productId,
    product_has_only_default_variant: variant.title === 'Default Title',
    gift_card: false,
    final_price: variant.price,
    final_line_price: variant.price * line.quantity,
    url: `/products/${product.handle}?variant=${variant.id}`,
    featured_image: null,
    image: null,
    handle: product.handle,
    requires_shipping: true,
    product_type: '',
    product_title: product.title,
    product_description: '',
    variant_title: variant.title === 'Default Title' ? null : variant.title,
    variant_options: values,
    options_with_values: values.map((value, i) => ({ name: names[i] ?? `Option ${i + 1}`, value })),
    line_level_discount_allocations: [],
    line_level_total_discount: 0,
  };
}

/** `/cart.js`, in the documented shape. */
export function cartJson(cart: FakeShopifyCart, catalog: Catalog, currency: string) {
  const items = cart.lines.map((l) => lineItemJson(l, catalog));
  const total = items.reduce((n, i) => n + i.final_line_price, 0);
  return {
    token: cart.token,
    note: cart.note,
    attributes: cart.attributes,
    original_total_price: total,
    total_price: total,
    total_discount: 0,
    total_weight: 0,
    item_count: items.reduce((n, i) => n + i.quantity, 0),
    items,
    requires_shipping: items.length > 0,
    currency,
    items_subtotal_price: total,
    cart_level_discount_applications: [],
  };
}
