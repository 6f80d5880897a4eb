import { createHash } from 'node:crypto';

/** A simple product or a variation, as the test describes it; `stock` undefined means not managed. */
export interface FakeWooProduct {
  id: number;
  name: string;
  sku: string;
  /** Minor units. */
  price: number;
  regularPrice?: number;
  stock?: number;
  purchasable?: boolean;
  /** A variation's attributes, e.g. `[{ attribute: 'Size', value: 'M' }]`. */
  variation?: { attribute: string; value: string }[];
}

export interface FakeWooLine {
  key: string;
  id: number;
  quantity: number;
}

/** A Store API error: `{code, message, data: {status}}`; messages escape quotes as WooCommerce does. */
export class WooError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
  get body() {
    return { code: this.code, message: this.message, data: { status: this.status } };
  }
}

export interface WooCurrency {
  code: string;
  symbol: string;
  minorUnit: number;
}

function currencyFields(c: WooCurrency) {
  return {
    currency_code: c.code,
    currency_symbol: c.symbol,
    currency_minor_unit: c.minorUnit,
    currency_decimal_separator: '.',
    currency_thousand_separator: ',',
    currency_prefix: c.symbol,
    currency_suffix: '',
  };
}

/** WooCommerce's cart item key: a hash of the product, variation and item data. */
export const itemKey = (id: number): string => createHash('md5').update(`product:${id}`).digest('hex');

function itemJson(line: FakeWooLine, p: FakeWooProduct, c: WooCurrency) {
  const price = String(p.price);
  const regular = String(p.regularPrice ?? p.price);
  const total = String(p.price * line.quantity);
  return {
    key: line.key,
    id: p.id,
    type: p.variation ? 'variation' : 'simple',
    quantity: line.quantity,
    quantity_limits: { minimum: 1, maximum: p.stock ?? 9999, multiple_of: 1, editable: true },
    name: p.name,
    short_description: '',
    description: '',
    sku: p.sku,
    low_stock_remaining: null,
    backorders_allowed: false,
    show_backorder_badge: false,
    sold_individually: false,
    permalink: `/product/${p.sku.toLowerCase()}/`,
    images: [],
    variation: p.variation ?? [],
    item_data: [],
    prices: {
      price,
      regular_price: regular,
      sale_price: price,
      price_range: null,
      ...currencyFields(c),
      raw_prices: { precision: 6, price: `${price}0000`, regular_price: `${regular}0000`, sale_price: `${price}0000` },
    },
    totals: {
      line_subtotal: total,
      line_subtotal_tax: '0',
      line_total: total,
      line_total_tax: '0',
      ...currencyFields(c),
    },
    catalog_visibility: 'visible',
    extensions: {},
  };
}

/** `GET /wp-json/wc/store/v1/cart`, in the Store API's documented shape. */
export function wooCartJson(lines: FakeWooLine[], products: Map<number, FakeWooProduct>, c: WooCurrency) {
  const items = lines.map((l) => itemJson(l, products.get(l.id)!, c));
  const total = String(lines.reduce((n, l) => n + products.get(l.id)!.price * l.quantity, 0));
  return {
    items,
    coupons: [],
    fees: [],
    totals: {
      total_items: total,
      total_items_tax: '0',
      total_fees: '0',
      total_fees_tax: '0',
      total_discount: '0',
      total_discount_tax: '0',
      total_shipping: null,
      total_shipping_tax: null,
      total_price: total,
      total_tax: '0',
      tax_lines: [],
      ...currencyFields(c),
    },
    shipping_address: {},
    billing_address: {},
    needs_payment: items.length > 0,
    needs_shipping: items.length > 0,
    payment_requirements: ['products'],
    has_calculated_shipping: false,
    shipping_rates: [],
    items_count: lines.reduce((n, l) => n + l.quantity, 0),
    items_weight: 0,
    cross_sells: [],
    errors: [],
    payment_methods: [],
    extensions: {},
  };
}
