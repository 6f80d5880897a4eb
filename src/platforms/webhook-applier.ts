import { upsertProduct, type CatalogText } from '../catalog/product-store.js';
import { textSearchConfig } from '../catalog/text-search-config.js';
import { upsertCustomer, upsertOrder } from '../customers/customer-store.js';
import type { Database, Queryable } from '../db/database.js';
import { attributeOrder, type AttributionSource } from './attribution.js';
import { adoptPlatformHandle } from './platform-identity.js';
import type { Platform, WebhookChange } from './webhook-change.js';

export type WebhookOutcome = 'applied' | 'unchanged' | 'replayed' | 'ignored';

export interface WebhookApplier {
  /** Applies a verified webhook once per delivery id, recorded in the same transaction as the change. */
  apply(d: { platform: Platform; deliveryId: string; topic: string; change: WebhookChange }): Promise<WebhookOutcome>;
}

export interface AttributedOrder {
  orderId: string;
  conversationId: string;
  source: AttributionSource;
  totalMinor: number;
  currency: string;
}

type Applied = { outcome: Exclude<WebhookOutcome, 'replayed'>; attributed?: AttributedOrder };
type Change<K extends WebhookChange['kind']> = Extract<WebhookChange, { kind: K }>;

async function product(tx: Queryable, c: Change<'product'>, text: CatalogText): Promise<Applied> {
  const stored = await adoptPlatformHandle(tx, c.record);
  const record = c.keepAttributes && stored ? { ...c.record, attributes: stored.attributes } : c.record;
  const { outcome } = await upsertProduct(tx, record, text);
  return { outcome: outcome === 'unchanged' ? 'unchanged' : 'applied' };
}

async function productDeleted(tx: Queryable, c: Change<'product_deleted'>): Promise<Applied> {
  // Archived, not deleted: carts and orders keep their lines; a later create or sync brings it back.
  const r = await tx.query(
    `UPDATE products SET status = 'archived', content_hash = '', updated_at = now() WHERE platform_id = $1`,
    [c.platformId],
  );
  return { outcome: r.rowCount > 0 ? 'applied' : 'ignored' };
}

/** The stock of the variants with this inventory item (one location: its `available` is the stock). */
async function inventory(tx: Queryable, c: Change<'inventory'>): Promise<Applied> {
  const r = await tx.query<{ product_id: number }>(
    'UPDATE variants SET stock = $2 WHERE inventory_item_id = $1 RETURNING product_id',
    [c.inventoryItemId, Math.max(0, c.available)],
  );
  const ids = r.rows.map((row) => row.product_id);
  // A blank content hash makes the next sync or product webhook rewrite the product whatever it holds.
  await tx.query(`UPDATE products SET content_hash = '', updated_at = now() WHERE id = ANY($1::int[])`, [ids]);
  return { outcome: ids.length > 0 ? 'applied' : 'ignored' };
}

async function order(tx: Queryable, c: Change<'order'>, windowDays?: number): Promise<Applied> {
  if (c.customer) {
    // The order's copy of the customer only fills a gap; customer webhooks and the sync keep them current.
    const known = await tx.query('SELECT 1 FROM customers WHERE id = $1', [c.customer.id]);
    if (known.rows.length === 0) await upsertCustomer(tx, c.customer);
  }
  const outcome = await upsertOrder(tx, c.order);
  const credited = await attributeOrder(
    tx,
    {
      orderId: c.order.id,
      customerId: c.order.customerId,
      placedAt: c.order.placedAt,
      conversationId: c.conversationId,
    },
    windowDays,
  );
  if (!credited) return { outcome: outcome === 'unchanged' ? 'unchanged' : 'applied' };
  const total = await tx.query<{ total_minor: number }>('SELECT total_minor FROM orders WHERE id = $1', [c.order.id]);
  const attributed = {
    orderId: c.order.id,
    ...credited,
    totalMinor: total.rows[0].total_minor,
    currency: c.order.currency,
  };
  return { outcome: outcome === 'unchanged' ? 'unchanged' : 'applied', attributed };
}

async function applyChange(
  tx: Queryable,
  c: WebhookChange,
  opts: { windowDays?: number; text: CatalogText },
): Promise<Applied> {
  switch (c.kind) {
    case 'product':
      return product(tx, c, opts.text);
    case 'product_deleted':
      return productDeleted(tx, c);
    case 'inventory':
      return inventory(tx, c);
    case 'customer':
      return { outcome: (await upsertCustomer(tx, c.record)) === 'unchanged' ? 'unchanged' : 'applied' };
    case 'order':
      return order(tx, c, opts.windowDays);
    case 'ignored':
      return { outcome: 'ignored' };
  }
}

const CATALOG_KINDS = new Set<WebhookChange['kind']>(['product', 'product_deleted', 'inventory']);

/**
 * Writes what webhooks ask into the catalog. After the commit, a catalog change calls
 * `onCatalogWritten` (the refresher embeds it) and an order credited to a conversation (and not
 * seen before) calls `onOrderAttributed`.
 */
export function createWebhookApplier(deps: {
  db: Database;
  onCatalogWritten?: () => void;
  onOrderAttributed?: (o: AttributedOrder) => void;
  /** ATTRIBUTION_WINDOW_DAYS (7 by default). */
  attributionWindowDays?: number;
  /** SHOP_LANGUAGE: products are indexed for search in it (default en). */
  catalogLanguage?: string;
}): WebhookApplier {
  const text = { textSearch: textSearchConfig(deps.catalogLanguage) };
  return {
    async apply({ platform, deliveryId, topic, change }) {
      const result = await deps.db.transaction(async (tx): Promise<Applied | null> => {
        const fresh = await tx.query(
          `INSERT INTO webhook_deliveries (platform, delivery_id, topic) VALUES ($1, $2, $3)
           ON CONFLICT (platform, delivery_id) DO NOTHING RETURNING 1`,
          [platform, deliveryId, topic],
        );
        return fresh.rows.length === 0
          ? null
          : applyChange(tx, change, { windowDays: deps.attributionWindowDays, text });
      });
      if (!result) return 'replayed';
      if (result.outcome === 'applied' && CATALOG_KINDS.has(change.kind)) deps.onCatalogWritten?.();
      if (result.outcome === 'applied' && result.attributed) deps.onOrderAttributed?.(result.attributed);
      return result.outcome;
    },
  };
}
