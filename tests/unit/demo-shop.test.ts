import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoShopFiles, generateDemoShop } from '../../scripts/demo-shop/generate-demo-shop.js';
import { MAX_WORDS, MIN_WORDS, wordCount } from '../../scripts/demo-shop/product-description.js';
import {
  customerRecordSchema,
  ORDER_STATUSES,
  orderRecordSchema,
  productRecordSchema,
  type CustomerRecord,
  type OrderRecord,
  type ProductRecord,
} from '../../src/catalog/records.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const lines = (path: string): unknown[] =>
  read(path)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

const products: ProductRecord[] = lines('catalog/products.jsonl').map((l) => productRecordSchema.parse(l));
const customers: CustomerRecord[] = lines('catalog/customers.jsonl').map((l) => customerRecordSchema.parse(l));
const orders: OrderRecord[] = lines('catalog/orders.jsonl').map((l) => orderRecordSchema.parse(l));
const queries = lines('tests/fixtures/retrieval/queries.jsonl') as Array<{
  id: string;
  query: string;
  kind: string;
  judgements: Record<string, number>;
}>;
const active = products.filter((p) => p.status === 'active');

describe('demo shop catalog', () => {
  it('has a full shop of active products across many categories', () => {
    expect(active.length).toBeGreaterThanOrEqual(300);
    expect(products.length - active.length).toBeGreaterThan(0);
    expect(new Set(active.map((p) => p.categoryPath[0])).size).toBeGreaterThanOrEqual(6);
    expect(active.filter((p) => p.categoryPath[1] === 'Running shoes').length).toBeGreaterThanOrEqual(25);
  });

  it('sells shoes and clothing in sizes and colours, and some products as a single variant', () => {
    const sized = active.filter((p) => p.optionNames.join() === 'Size,Color');
    expect(sized.length).toBeGreaterThan(100);
    expect(sized.some((p) => p.variants.some((v) => v.options.Size === '42'))).toBe(true);
    expect(sized.some((p) => p.variants.some((v) => v.options.Size === 'XL'))).toBe(true);
    const single = active.filter((p) => p.optionNames.length === 0);
    expect(single.length).toBeGreaterThan(0);
    expect(single.every((p) => p.variants.length === 1 && Object.keys(p.variants[0].options).length === 0)).toBe(true);
  });

  it('has unique handles and SKUs, EUR prices in cents and believable stock', () => {
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    expect(new Set(products.map((p) => p.handle)).size).toBe(products.length);
    const variants = products.flatMap((p) => p.variants);
    expect(variants.every((v) => v.currency === 'EUR' && [0, 95, 99].includes(v.priceMinor % 100))).toBe(true);
    expect(variants.every((v) => v.stock >= 0 && v.stock <= 40)).toBe(true);
    expect(variants.some((v) => v.stock === 0)).toBe(true);
    expect(active.filter((p) => p.variants.every((v) => v.stock === 0)).length).toBeGreaterThanOrEqual(3);
    expect(active.some((p) => p.variants.some((v) => (v.compareAtPriceMinor ?? 0) > v.priceMinor))).toBe(true);
  });

  it('describes every product in 40 to 120 words', () => {
    for (const p of products) {
      const words = wordCount(p.descriptionHtml);
      expect(words, p.handle).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(words, p.handle).toBeLessThanOrEqual(MAX_WORDS);
    }
  });

  it('has customers, and orders in every state a shop ships them through, at real SKUs and prices', () => {
    expect(customers.length).toBeGreaterThanOrEqual(20);
    const customerIds = new Set(customers.map((c) => c.id));
    expect(orders.every((o) => customerIds.has(o.customerId))).toBe(true);
    // Requested returns and exchanges come from the shopper's own requests, not from the generator.
    const requested = new Set(['return_requested', 'exchange_requested']);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES.filter((s) => !requested.has(s))));
    const variants = new Map(products.flatMap((p) => p.variants.map((v) => [v.sku, v] as const)));
    for (const line of orders.flatMap((o) => o.lines)) {
      expect(variants.get(line.sku)?.priceMinor, line.sku).toBe(line.unitPriceMinor);
    }
    expect(orders.filter((o) => o.status === 'shipped').every((o) => o.tracking?.url)).toBe(true);
  });

  it('gives every customer a default address and one to three payment methods, and every order its address and payment', () => {
    for (const c of customers) {
      expect(c.address, c.id).toMatchObject({ city: c.city, country: c.country });
      expect(c.paymentMethods?.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.paymentMethods?.length, c.id).toBeLessThanOrEqual(3);
      expect(c.paymentMethods?.[0].kind, c.id).not.toBe('gift_card');
    }
    const methods = customers.flatMap((c) => c.paymentMethods ?? []);
    expect(new Set(methods.map((m) => m.kind))).toEqual(new Set(['credit_card', 'paypal', 'gift_card']));
    expect(methods.filter((m) => m.kind === 'credit_card').every((m) => m.brand && /^\d{4}$/.test(m.last4 ?? ''))).toBe(
      true,
    );
    expect(methods.filter((m) => m.kind === 'gift_card').every((m) => (m.balanceMinor ?? 0) > 0)).toBe(true);
    expect(new Set(methods.map((m) => m.id)).size).toBe(methods.length);

    const byId = new Map(customers.map((c) => [c.id, c]));
    for (const o of orders) {
      const customer = byId.get(o.customerId)!;
      expect(o.shippingAddress, o.id).toEqual(customer.address);
      const total = o.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, o.shippingMinor);
      const sum = (kind: string) =>
        (o.payments ?? []).filter((p) => p.kind === kind).reduce((n, p) => n + p.amountMinor, 0);
      expect(sum('payment'), o.id).toBe(total);
      const refunded = o.status === 'cancelled' || o.status === 'returned';
      expect(sum('refund') > 0, o.id).toBe(refunded);
      const own = new Set(customer.paymentMethods?.map((m) => m.id));
      expect(
        (o.payments ?? []).every((p) => own.has(p.paymentMethodId)),
        o.id,
      ).toBe(true);
    }
  });

  it('labels retrieval queries with handles of active products and at least one exact match each', () => {
    expect(queries.length).toBeGreaterThanOrEqual(70);
    const handles = new Set(active.map((p) => p.handle));
    for (const q of queries) {
      expect(
        Object.keys(q.judgements).every((h) => handles.has(h)),
        q.id,
      ).toBe(true);
      expect(Object.values(q.judgements), q.id).toContain(2);
    }
    expect(new Set(queries.map((q) => q.kind))).toEqual(
      new Set(['vague', 'attribute', 'misspelled', 'price', 'category', 'brand']),
    );
  });

  it('judges the Persian and Arabic queries as their English originals, in their own script', () => {
    const byId = new Map(queries.map((q) => [q.id, q]));
    for (const language of ['fa', 'ar']) {
      const translated = lines(`tests/fixtures/retrieval/queries-${language}.jsonl`) as typeof queries;
      expect(translated.length, language).toBeGreaterThanOrEqual(30);
      for (const q of translated) {
        const original = byId.get(q.id.replace(`${language}-`, ''));
        expect(q.judgements, q.id).toEqual(original?.judgements);
        expect(q.query, q.id).toMatch(/[\u0600-\u06ff]/);
      }
    }
  });

  it('has policies with a title and several sections', () => {
    const dir = join(root, 'catalog', 'policies');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files).toEqual(
      expect.arrayContaining([
        'shipping.md',
        'returns.md',
        'warranty.md',
        'payment.md',
        'sizing.md',
        'privacy.md',
        'care.md',
      ]),
    );
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.startsWith('# '), file).toBe(true);
      expect(text.match(/^## /gm)?.length ?? 0, file).toBeGreaterThanOrEqual(3);
    }
  });

  it('is exactly what the generator produces, so the committed files never drift from it', () => {
    const generated = demoShopFiles(generateDemoShop());
    for (const [path, contents] of Object.entries(generated)) expect(read(path), path).toBe(contents);
  });
});
