import { customerRecordSchema, orderRecordSchema, type CustomerRecord } from '../../catalog/records.js';
import { ValidationError } from '../../errors.js';
import { decimalToMinor, skuOrStable } from '../record-values.js';
import { CONVERSATION_ATTRIBUTE, firstIssue, parsePayload, type WebhookChange } from '../webhook-change.js';
import { shopifyProductRecord } from './product-record.js';
import {
  shopifyCustomerPayload,
  shopifyDeletePayload,
  shopifyInventoryPayload,
  shopifyOrderPayload,
  shopifyProductPayload,
  type ShopifyCustomerPayload,
  type ShopifyOrderPayload,
  type ShopifyProductPayload,
} from './webhook-payloads.js';

export const SHOPIFY_TOPICS = [
  'products/create',
  'products/update',
  'products/delete',
  'inventory_levels/update',
  'orders/create',
  'customers/update',
] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

export const isShopifyTopic = (topic: string): topic is ShopifyTopic =>
  (SHOPIFY_TOPICS as readonly string[]).includes(topic);

function productChange(p: ShopifyProductPayload, currency: string): WebhookChange {
  const names = p.options.map((o) => o.name);
  const imageById = new Map(p.images.map((i) => [i.id, i.src]));
  const record = shopifyProductRecord(
    {
      id: p.id,
      handle: p.handle ?? null,
      title: p.title,
      descriptionHtml: p.body_html ?? null,
      vendor: p.vendor ?? null,
      productType: p.product_type ?? null,
      tags: (p.tags ?? '').split(','),
      status: p.status,
      optionNames: names,
      images: p.images.map((i) => i.src),
      collections: [],
      variants: p.variants.map((v) => ({
        id: v.id,
        sku: v.sku ?? null,
        price: v.price,
        compareAtPrice: v.compare_at_price ?? null,
        inventoryQuantity: v.inventory_quantity ?? null,
        tracked: Boolean(v.inventory_management),
        continueSelling: v.inventory_policy === 'continue',
        barcode: v.barcode ?? null,
        options: [v.option1, v.option2, v.option3]
          .map((value, i) => ({ name: names[i], value: value ?? '' }))
          .filter((o) => o.name && o.value),
        image: (v.image_id && imageById.get(v.image_id)) || null,
        inventoryItemId: v.inventory_item_id ?? null,
      })),
    },
    currency,
  );
  if (typeof record === 'string')
    throw new ValidationError('webhooks:bad_payload', `Shopify product ${p.id} cannot be stored: ${record}`);
  return { kind: 'product', record, keepAttributes: true };
}

/** The catalog customer of a Shopify customer; null for one without an email address (nothing to key on). */
function customerRecord(c: ShopifyCustomerPayload): CustomerRecord | null {
  if (!c.email) return null;
  const r = customerRecordSchema.safeParse({
    id: c.id,
    email: c.email,
    firstName: c.first_name || c.email.split('@')[0],
    lastName: c.last_name ?? '',
    phone: c.phone ?? null,
    city: c.default_address?.city ?? null,
    country: c.default_address?.country_code ?? null,
    tags: (c.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    acceptsMarketing: c.email_marketing_consent?.state === 'subscribed',
    createdAt: c.created_at,
  });
  if (!r.success) throw new ValidationError('webhooks:bad_payload', `Bad Shopify customer: ${firstIssue(r.error)}`);
  return r.data;
}

function orderStatus(o: ShopifyOrderPayload) {
  if (o.cancelled_at) return 'cancelled' as const;
  if (o.financial_status === 'refunded') return 'returned' as const;
  if (o.fulfillment_status === 'fulfilled') return 'shipped' as const;
  return 'pending' as const;
}

function orderChange(o: ShopifyOrderPayload): WebhookChange {
  const customer = o.customer ? customerRecord(o.customer) : null;
  if (!customer) return { kind: 'ignored', reason: 'an order without a customer email is not kept' };
  const shipping = o.shipping_lines.reduce((n, l) => n + (decimalToMinor(l.price, o.currency) ?? 0), 0);
  const order = orderRecordSchema.safeParse({
    id: o.name.replace(/^#/, ''),
    customerId: customer.id,
    status: orderStatus(o),
    placedAt: o.created_at,
    currency: o.currency,
    shippingMinor: shipping,
    lines: o.line_items.map((l) => ({
      sku: skuOrStable(l.sku, 'shopify', l.variant_id ?? `line-${l.id}`),
      title: l.title,
      quantity: l.quantity,
      unitPriceMinor: decimalToMinor(l.price, o.currency) ?? 0,
    })),
  });
  if (!order.success)
    throw new ValidationError('webhooks:bad_payload', `Bad Shopify order: ${firstIssue(order.error)}`);
  const attr = o.note_attributes.find((a) => a.name === CONVERSATION_ATTRIBUTE);
  return {
    kind: 'order',
    customer,
    order: order.data,
    conversationId: attr ? String(attr.value).trim() || null : null,
  };
}

const parsers = {
  product: (t: string, b: unknown) => parsePayload(shopifyProductPayload, `Shopify ${t}`, b),
  deleted: (t: string, b: unknown) => parsePayload(shopifyDeletePayload, `Shopify ${t}`, b),
  inventory: (t: string, b: unknown) => parsePayload(shopifyInventoryPayload, `Shopify ${t}`, b),
  customer: (t: string, b: unknown) => parsePayload(shopifyCustomerPayload, `Shopify ${t}`, b),
  order: (t: string, b: unknown) => parsePayload(shopifyOrderPayload, `Shopify ${t}`, b),
};

/** What a Shopify webhook asks of the catalog; a payload that does not fit its topic is a 400. */
export function shopifyWebhookChange(topic: ShopifyTopic, body: unknown, opts: { currency: string }): WebhookChange {
  switch (topic) {
    case 'products/create':
    case 'products/update':
      return productChange(parsers.product(topic, body), opts.currency);
    case 'products/delete':
      return { kind: 'product_deleted', platformId: parsers.deleted(topic, body).id };
    case 'inventory_levels/update': {
      const level = parsers.inventory(topic, body);
      return { kind: 'inventory', inventoryItemId: level.inventory_item_id, available: level.available ?? 0 };
    }
    case 'orders/create':
      return orderChange(parsers.order(topic, body));
    case 'customers/update': {
      const customer = customerRecord(parsers.customer(topic, body));
      return customer ? { kind: 'customer', record: customer } : { kind: 'ignored', reason: 'no email address' };
    }
  }
}
