import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import { parsePayload, type WebhookChange } from '../webhook-change.js';
import { PlatformError } from '../platform-errors.js';
import { fetchVariations } from './fetch-catalog.js';
import type { WooClient } from './rest-client.js';
import { wooCustomer, wooOrder, wooProduct } from './rest-shapes.js';
import { wooCustomerRecord, wooOrderRecord, wooProductRecord } from './woo-records.js';

export const WOO_TOPICS = [
  'product.created',
  'product.updated',
  'product.deleted',
  'order.created',
  'customer.created',
  'customer.updated',
] as const;
export type WooTopic = (typeof WOO_TOPICS)[number];
export const isWooTopic = (topic: string): topic is WooTopic => (WOO_TOPICS as readonly string[]).includes(topic);

const bad = (what: string, why: string) =>
  new ValidationError('webhooks:bad_payload', `Bad WooCommerce ${what}: ${why}`);

/**
 * What a WooCommerce webhook asks of the catalog. A variable product's payload lists only its
 * variation ids, so they are read through the REST API (WOO_URL, WOO_KEY, WOO_SECRET).
 */
export async function wooWebhookChange(
  topic: WooTopic,
  body: unknown,
  opts: { currency: string; client: WooClient | null },
): Promise<WebhookChange> {
  const what = `${topic} payload`;
  switch (topic) {
    case 'product.created':
    case 'product.updated': {
      const p = parsePayload(wooProduct, `WooCommerce ${topic}`, body);
      if (p.type === 'variable' && !opts.client)
        throw new PlatformError(
          'platform:not_configured',
          'A variable product needs WOO_URL, WOO_KEY and WOO_SECRET to read its variations.',
          { status: 503 },
        );
      const variations = opts.client ? await fetchVariations(opts.client, p) : [];
      const record = wooProductRecord(p, variations, opts.currency);
      if (typeof record === 'string') throw bad(what, record);
      return { kind: 'product', record, keepAttributes: false };
    }
    case 'product.deleted': {
      const { id } = parsePayload(z.object({ id: z.number().int() }), `WooCommerce ${topic}`, body);
      return { kind: 'product_deleted', platformId: String(id) };
    }
    case 'customer.created':
    case 'customer.updated': {
      const record = wooCustomerRecord(parsePayload(wooCustomer, `WooCommerce ${topic}`, body));
      if (typeof record === 'string') throw bad(what, record);
      return { kind: 'customer', record };
    }
    case 'order.created': {
      const o = parsePayload(wooOrder, `WooCommerce ${topic}`, body);
      if (o.customer_id === 0) return { kind: 'ignored', reason: 'a guest order has no customer to keep it under' };
      const email = o.billing?.email;
      const customer = email
        ? wooCustomerRecord({ id: o.customer_id, email, date_created_gmt: o.date_created_gmt, billing: o.billing })
        : null;
      const r = wooOrderRecord(o);
      if (typeof r === 'string') throw bad(what, r);
      return { kind: 'order', customer: typeof customer === 'string' ? null : customer, ...r };
    }
  }
}
