/**
 * Converts tau2-bench's retail database (../shared/data/tau2-retail/db.json, MIT) into a shop the
 * normal importer reads: products with their options as variants (item ids as SKUs), users as
 * customers with their address and payment methods (tau2's ids kept), orders with their lines
 * (each with its parcel's tracking id), shipping address, payments and refunds, the retail
 * policy as a policy document and the order rules it implies (order-rules.json).
 *
 *   npx tsx scripts/tau2/convert.ts [--db <db.json>] [--policy <policy.md>] [--out <dir>]
 *
 * Deterministic: the same input gives byte-identical files. tau2 has no dates; orders get dates
 * spread over 2024 from a hash of their id.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const variantSchema = z.object({
  item_id: z.string(),
  options: z.record(z.string(), z.string()),
  available: z.boolean(),
  price: z.number(),
});
const addressSchema = z.object({
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  country: z.string(),
  state: z.string(),
  zip: z.string(),
});
const paymentMethodSchema = z.object({
  source: z.string(),
  id: z.string(),
  brand: z.string().optional(),
  last_four: z.string().optional(),
  balance: z.number().optional(),
});
const dbSchema = z.object({
  products: z.record(
    z.string(),
    z.object({ name: z.string(), product_id: z.string(), variants: z.record(z.string(), variantSchema) }),
  ),
  users: z.record(
    z.string(),
    z.object({
      user_id: z.string(),
      name: z.object({ first_name: z.string(), last_name: z.string() }),
      address: addressSchema,
      email: z.string(),
      payment_methods: z.record(z.string(), paymentMethodSchema),
    }),
  ),
  orders: z.record(
    z.string(),
    z.object({
      order_id: z.string(),
      user_id: z.string(),
      address: addressSchema,
      items: z.array(
        z.object({
          name: z.string(),
          item_id: z.string(),
          price: z.number(),
          options: z.record(z.string(), z.string()),
        }),
      ),
      status: z.string(),
      fulfillments: z.array(z.object({ tracking_id: z.array(z.string()), item_ids: z.array(z.string()) })),
      payment_history: z.array(
        z.object({
          transaction_type: z.enum(['payment', 'refund']),
          amount: z.number(),
          payment_method_id: z.string(),
        }),
      ),
    }),
  ),
});
export type Tau2Db = z.infer<typeof dbSchema>;

const COUNTRIES: Record<string, string> = { USA: 'US', US: 'US' };
/** tau2's order statuses, spelled as ours. */
const STATUS: Record<string, string> = {
  pending: 'pending',
  processed: 'processed',
  delivered: 'delivered',
  cancelled: 'cancelled',
  'return requested': 'return_requested',
  'exchange requested': 'exchange_requested',
};

const KINDS = new Set(['credit_card', 'paypal', 'gift_card']);

/** tau2's address, field for field (the country as tau2 spells it, so the reference state compares as is). */
const toAddress = (a: z.infer<typeof addressSchema>) => ({
  line1: a.address1,
  line2: a.address2,
  city: a.city,
  region: a.state,
  postalCode: a.zip,
  country: a.country,
});

/** tau2's payment methods keep their ids (credit_card_…, paypal_…, gift_card_…) and their order. */
const toPaymentMethod = (m: z.infer<typeof paymentMethodSchema>) => ({
  id: m.id,
  kind: KINDS.has(m.source) ? m.source : 'other',
  ...(m.brand === undefined ? {} : { brand: m.brand }),
  ...(m.last_four === undefined ? {} : { last4: m.last_four }),
  ...(m.balance === undefined ? {} : { balanceMinor: cents(m.balance) }),
});

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const title = (s: string) => s.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
const cents = (n: number) => Math.round(n * 100);
const hash = (s: string) => createHash('sha256').update(s).digest().readUInt32BE(0);

/** "Available in color blue or red; size S, M or L." from the variants' option values. */
function describe(name: string, variants: z.infer<typeof variantSchema>[]): string {
  const names = [...new Set(variants.flatMap((v) => Object.keys(v.options)))];
  const parts = names.map((n) => {
    const values = [...new Set(variants.map((v) => v.options[n]).filter(Boolean))];
    return `${n} ${values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0]}`;
  });
  return `<p>${name}. Available in ${parts.join('; ')}.</p>`;
}

export function convertTau2(db: Tau2Db) {
  const products = Object.values(db.products)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const variants = Object.values(p.variants).sort((a, b) => a.item_id.localeCompare(b.item_id));
      const optionNames = [...new Set(variants.flatMap((v) => Object.keys(v.options)))];
      return {
        kind: 'product',
        handle: slug(p.name),
        title: p.name,
        descriptionHtml: describe(p.name, variants),
        vendor: '',
        categoryPath: [p.name],
        productType: p.name,
        tags: [],
        attributes: { tau2ProductId: p.product_id },
        optionNames: optionNames.map(title),
        variants: variants.map((v) => ({
          sku: v.item_id,
          options: Object.fromEntries(Object.entries(v.options).map(([k, val]) => [title(k), val])),
          priceMinor: cents(v.price),
          currency: 'USD',
          stock: v.available ? 10 : 0,
        })),
      };
    });
  const customers = Object.values(db.users)
    .sort((a, b) => a.user_id.localeCompare(b.user_id))
    .map((u) => ({
      kind: 'customer',
      id: u.user_id,
      email: u.email,
      firstName: u.name.first_name,
      lastName: u.name.last_name,
      city: u.address.city,
      country: COUNTRIES[u.address.country] ?? null,
      language: 'en',
      createdAt: '2023-06-01T12:00:00Z',
      address: toAddress(u.address),
      paymentMethods: Object.values(u.payment_methods).map(toPaymentMethod),
    }));
  const orders = Object.values(db.orders)
    .sort((a, b) => a.order_id.localeCompare(b.order_id))
    .map((o) => {
      const placed = new Date(Date.UTC(2024, 0, 1) + (hash(o.order_id) % 330) * 86_400_000 + 10 * 3_600_000);
      const day = (n: number) => new Date(placed.getTime() + n * 86_400_000).toISOString();
      const parcels = new Map(o.fulfillments.flatMap((f) => f.item_ids.map((id) => [id, f.tracking_id[0]] as const)));
      const lines = new Map<
        string,
        { sku: string; title: string; quantity: number; unitPriceMinor: number; trackingNumber?: string }
      >();
      for (const i of o.items) {
        const line = lines.get(i.item_id);
        if (line) line.quantity += 1;
        else {
          const options = Object.values(i.options).join(', ');
          lines.set(i.item_id, {
            sku: i.item_id,
            title: `${i.name} (${options})`,
            quantity: 1,
            unitPriceMinor: cents(i.price),
            ...(parcels.has(i.item_id) ? { trackingNumber: parcels.get(i.item_id) } : {}),
          });
        }
      }
      const status = STATUS[o.status] ?? 'pending';
      const tracking = o.fulfillments[0]?.tracking_id[0];
      const shipped = status === 'processed' || status === 'delivered';
      return {
        kind: 'order',
        id: o.order_id,
        customerId: o.user_id,
        status: status === 'processed' && tracking ? 'shipped' : status,
        placedAt: placed.toISOString(),
        currency: 'USD',
        shippingMinor: 0,
        tracking: tracking ? { carrier: '', number: tracking, url: null } : null,
        shippedAt: shipped && tracking ? day(1) : null,
        deliveredAt: status === 'delivered' ? day(4) : null,
        lines: [...lines.values()],
        shippingAddress: toAddress(o.address),
        // tau2 has no times: payments at the order's placing, refunds a day later.
        payments: o.payment_history.map((p) => ({
          kind: p.transaction_type,
          amountMinor: cents(p.amount),
          paymentMethodId: p.payment_method_id,
          at: p.transaction_type === 'payment' ? placed.toISOString() : day(1),
        })),
      };
    });
  return { products, customers, orders, orderRules: TAU2_ORDER_RULES };
}

/**
 * The shop's order rules (catalog/order-rules.json): tau2's policy is Concierge's default except
 * that it sets no return window (its orders have no delivery dates).
 */
export const TAU2_ORDER_RULES = { returnWindowDays: null, policyTitle: 'Retail agent policy' };

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Writes a converted shop as catalog files (products, customers, orders, order rules, the policy). */
export async function writeTau2Shop(out: string, shop: ReturnType<typeof convertTau2>, policy: string | null) {
  await mkdir(path.join(out, 'policies'), { recursive: true });
  await writeFile(path.join(out, 'products.jsonl'), jsonl(shop.products));
  await writeFile(path.join(out, 'customers.jsonl'), jsonl(shop.customers));
  await writeFile(path.join(out, 'orders.jsonl'), jsonl(shop.orders));
  await writeFile(path.join(out, 'order-rules.json'), JSON.stringify(shop.orderRules, null, 2) + '\n');
  if (policy) await writeFile(path.join(out, 'policies', 'retail-policy.md'), policy);
}

/** Checks tau2's db.json, already parsed (the result is a checked copy; the input is left as it is). */
export const parseTau2Db = (json: unknown): Tau2Db => dbSchema.parse(json);

/** Reads and checks tau2's db.json. */
export async function readTau2Db(file: string): Promise<Tau2Db> {
  return parseTau2Db(JSON.parse(await readFile(file, 'utf8')));
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const root = path.resolve(import.meta.dirname, '../..');
  const dbFile = path.resolve(arg('--db', path.join(root, '../shared/data/tau2-retail/db.json')));
  const policyFile = path.resolve(arg('--policy', path.join(path.dirname(dbFile), 'policy.md')));
  const out = path.resolve(arg('--out', path.join(root, 'data/tau2-shop')));
  const shop = convertTau2(await readTau2Db(dbFile));
  await writeTau2Shop(out, shop, await readFile(policyFile, 'utf8').catch(() => null));
  console.log(
    `wrote ${shop.products.length} products (${shop.products.reduce((n, p) => n + p.variants.length, 0)} variants), ` +
      `${shop.customers.length} customers and ${shop.orders.length} orders to ${path.relative(process.cwd(), out) || '.'}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
