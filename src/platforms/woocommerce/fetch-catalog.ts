import type { z } from 'zod';
import type { IngestInput } from '../../ingest/ingest.js';
import { firstIssue } from '../webhook-change.js';
import type { WooClient } from './rest-client.js';
import { wooCustomer, wooOrder, wooProduct, wooVariation, type WooProduct, type WooVariation } from './rest-shapes.js';
import { wooCustomerRecord, wooOrderRecord, wooProductRecord } from './woo-records.js';

/** Every variation of a variable product (none for a simple one). */
export async function fetchVariations(client: WooClient, product: WooProduct): Promise<WooVariation[]> {
  if (product.type !== 'variable') return [];
  const raw = await client.all<unknown>(`/products/${product.id}/variations`);
  return raw.flatMap((v) => {
    const r = wooVariation.safeParse(v);
    return r.success ? [r.data] : [];
  });
}

type Batch = IngestInput;

/** Items that fit the schema, and an error line for each that does not. */
function validItems<S extends z.ZodType>(batch: Batch, kind: string, schema: S, raw: unknown[]): z.infer<S>[] {
  return raw.flatMap((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) return [r.data];
    const idOf = (item as { id?: unknown })?.id ?? `#${i + 1}`;
    batch.errors.push({ file: `woocommerce ${kind}/${String(idOf)}`, line: null, message: firstIssue(r.error) });
    return [];
  });
}

/**
 * Reads a WooCommerce shop through the REST API v3: every product (a variable one with its
 * variations), every customer and every order. WooCommerce has no policy documents to read.
 */
export async function fetchWooCatalog(
  client: WooClient,
  opts: { currency: string; onFetched?: (what: string, count: number) => void },
): Promise<IngestInput> {
  const batch: Batch = { products: [], customers: [], orders: [], policies: [], errors: [] };
  const products = validItems(batch, 'products', wooProduct, await client.all<unknown>('/products'));
  for (const p of products) {
    const record = wooProductRecord(p, await fetchVariations(client, p), opts.currency);
    const source = { file: `woocommerce products/${p.id}`, line: null };
    if (typeof record === 'string') batch.errors.push({ ...source, message: record });
    else batch.products.push({ record, source });
  }
  opts.onFetched?.('products', batch.products.length);
  const customers = validItems(batch, 'customers', wooCustomer, await client.all<unknown>('/customers'));
  for (const c of customers) {
    const record = wooCustomerRecord(c);
    const source = { file: `woocommerce customers/${c.id}`, line: null };
    if (typeof record === 'string') batch.errors.push({ ...source, message: record });
    else batch.customers.push({ record, source });
  }
  opts.onFetched?.('customers', batch.customers.length);
  const orders = validItems(batch, 'orders', wooOrder, await client.all<unknown>('/orders'));
  for (const o of orders) {
    // Guest orders (customer 0) have no customer to keep them under.
    if (o.customer_id === 0) continue;
    const r = wooOrderRecord(o);
    const source = { file: `woocommerce orders/${o.number}`, line: null };
    if (typeof r === 'string') batch.errors.push({ ...source, message: r });
    else batch.orders.push({ record: r.order, source });
  }
  opts.onFetched?.('orders', batch.orders.length);
  return batch;
}
