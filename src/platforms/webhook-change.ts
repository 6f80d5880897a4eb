import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { CustomerRecord, OrderRecord, ProductRecord } from '../catalog/records.js';

/** The cart attribute (Shopify order note attribute, WooCommerce order meta key) naming the conversation. */
export const CONVERSATION_ATTRIBUTE = '_concierge_conversation';

export type Platform = 'shopify' | 'woocommerce';

/** What one verified, validated webhook asks of the catalog; applied in one transaction with its delivery. */
export type WebhookChange =
  | {
      kind: 'product';
      record: ProductRecord;
      /** Keep the stored product's attributes (a payload that carries none, e.g. Shopify's collections). */
      keepAttributes: boolean;
    }
  | { kind: 'product_deleted'; platformId: string }
  | { kind: 'inventory'; inventoryItemId: string; available: number }
  | { kind: 'customer'; record: CustomerRecord }
  | {
      kind: 'order';
      customer: CustomerRecord | null;
      order: OrderRecord;
      /** The conversation named by the order's cart attribute or meta data, if any. */
      conversationId: string | null;
    }
  | { kind: 'ignored'; reason: string };

/** The short reason a payload could not become a record, for a 400 answer. */
export function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** A webhook payload parsed with its schema; one that does not fit is a 400 naming the first problem. */
export function parsePayload<S extends z.ZodType>(schema: S, what: string, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new ValidationError('webhooks:bad_payload', `Bad ${what} payload: ${firstIssue(r.error)}`);
}
