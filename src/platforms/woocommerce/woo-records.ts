import {
  customerRecordSchema,
  orderRecordSchema,
  productRecordSchema,
  type CustomerRecord,
  type OrderRecord,
  type ProductRecord,
} from '../../catalog/records.js';
import { decimalToMinor, safeHandle, skuOrStable, sortedUnique, uniqueSkus } from '../record-values.js';
import { CONVERSATION_ATTRIBUTE, firstIssue } from '../webhook-change.js';
import type { WooCustomer, WooOrder, WooProduct, WooVariation } from './rest-shapes.js';

const STATUSES: Record<string, ProductRecord['status']> = { publish: 'active', trash: 'archived' };
const ORDER_STATUSES: Record<string, OrderRecord['status']> = {
  processing: 'pending',
  completed: 'shipped',
  cancelled: 'cancelled',
  refunded: 'returned',
};

/** A tracked count when WooCommerce manages the stock, else 1 or 0 from the stock status. */
function stockOf(v: Pick<WooVariation, 'manage_stock' | 'stock_quantity' | 'stock_status'>): number {
  if (v.manage_stock && typeof v.stock_quantity === 'number') return Math.max(0, v.stock_quantity);
  return v.stock_status === 'outofstock' ? 0 : 1;
}

type Priced = Pick<WooVariation, 'price' | 'regular_price' | 'sale_price'>;

function prices(v: Priced, currency: string) {
  const price = decimalToMinor(v.price, currency) ?? decimalToMinor(v.regular_price, currency);
  const regular = decimalToMinor(v.regular_price, currency);
  const onSale = decimalToMinor(v.sale_price, currency) !== null && regular !== null && price !== null;
  return { priceMinor: price, compareAtPriceMinor: onSale && regular! > price! ? regular : null };
}

function variant(v: WooVariation, currency: string, options: Record<string, string>) {
  const { priceMinor, compareAtPriceMinor } = prices(v, currency);
  return {
    sku: skuOrStable(v.sku, 'woo', String(v.id)),
    options,
    priceMinor,
    currency,
    compareAtPriceMinor,
    stock: stockOf(v),
    image: v.image?.src || null,
    platformId: String(v.id),
  };
}

/**
 * The catalog record of a WooCommerce product: a simple product is one variant (its platform id is
 * the product id, what the cart takes); a variable product's variations are its variants. The first
 * category is the category; tags are tags; attributes that do not vary are attributes.
 */
export function wooProductRecord(p: WooProduct, variations: WooVariation[], currency: string): ProductRecord | string {
  const varying = p.attributes.filter((a) => a.variation).sort((a, b) => a.position - b.position);
  const fixed = p.attributes.filter((a) => !a.variation && a.options.length > 0);
  const variants =
    p.type === 'variable'
      ? variations.map((v) =>
          variant(v, currency, Object.fromEntries(v.attributes.filter((a) => a.option).map((a) => [a.name, a.option]))),
        )
      : [variant({ ...p, image: p.images[0] ?? null, attributes: [] }, currency, {})];
  const priced = variants.filter((v) => v.priceMinor !== null);
  if (priced.length === 0) return 'no variant has a price';
  const parsed = productRecordSchema.safeParse({
    handle: safeHandle(p.slug, 'woo', String(p.id)),
    title: p.name,
    descriptionHtml: p.description || p.short_description || '',
    categoryPath: p.categories.slice(0, 1).map((c) => c.name),
    tags: sortedUnique(p.tags.map((t) => t.name)),
    attributes: Object.fromEntries(fixed.map((a) => [a.name, a.options.join(', ')])),
    images: p.images.map((i) => i.src),
    status: STATUSES[p.status] ?? 'draft',
    platformId: String(p.id),
    optionNames: p.type === 'variable' ? varying.map((a) => a.name) : [],
    variants: uniqueSkus(priced),
  });
  return parsed.success ? parsed.data : firstIssue(parsed.error);
}

/** A customer from a WooCommerce customer, or from an order's billing details when the account has no record yet. */
export function wooCustomerRecord(c: WooCustomer): CustomerRecord | string {
  const parsed = customerRecordSchema.safeParse({
    id: String(c.id),
    email: c.email,
    firstName: c.first_name || c.billing?.first_name || c.email.split('@')[0],
    lastName: c.last_name || c.billing?.last_name || '',
    phone: c.billing?.phone || null,
    city: c.billing?.city || null,
    country: c.billing?.country || null,
    createdAt: c.date_created_gmt,
  });
  return parsed.success ? parsed.data : firstIssue(parsed.error);
}

/** The order (its number is the id customers see) and the conversation its meta data names. */
export function wooOrderRecord(o: WooOrder): { order: OrderRecord; conversationId: string | null } | string {
  const parsed = orderRecordSchema.safeParse({
    id: o.number,
    customerId: String(o.customer_id),
    status: ORDER_STATUSES[o.status] ?? 'pending',
    placedAt: o.date_created_gmt,
    currency: o.currency,
    shippingMinor: decimalToMinor(o.shipping_total, o.currency) ?? 0,
    lines: o.line_items.map((l) => ({
      sku: skuOrStable(l.sku, 'woo', String(l.variation_id || l.product_id)),
      title: l.name,
      quantity: l.quantity,
      unitPriceMinor: decimalToMinor(l.price, o.currency) ?? 0,
    })),
  });
  if (!parsed.success) return firstIssue(parsed.error);
  const meta = o.meta_data.find((m) => m.key === CONVERSATION_ATTRIBUTE);
  const conversationId = typeof meta?.value === 'string' && meta.value.trim() ? meta.value.trim() : null;
  return { order: parsed.data, conversationId };
}
