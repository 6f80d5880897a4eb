import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord, OrderRecord } from '../../src/catalog/records.js';
import { createCustomerReader, type CustomerReader } from '../../src/customers/customer-reader.js';
import type { Database } from '../../src/db/database.js';
import type { ConversationDetail } from '../../src/handoff/agent-protocol.js';
import { parseJsonl } from '../../src/ingest/importers/jsonl.js';
import { ingest, type IngestInput } from '../../src/ingest/ingest.js';
import { agentLogin } from '../helpers/agent-client.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { newSession, seedTestShop, signedIn, startTestApp } from '../helpers/test-app.js';

let db: Database;
let reader: CustomerReader;

const home = {
  name: 'Ada Ordersson',
  line1: '12 Harbour Lane',
  line2: 'Flat 3',
  city: 'Bristol',
  region: '',
  postalCode: 'BS1 4QA',
  country: 'GB',
};
const office = {
  line1: '1 Market Street',
  line2: '',
  city: 'Bristol',
  region: '',
  postalCode: 'BS1 1AA',
  country: 'GB',
};

const customer = (id: string, extra: Partial<CustomerRecord> = {}): CustomerRecord => ({
  id,
  email: `${id}@example.com`,
  firstName: 'Ada',
  lastName: 'Ordersson',
  language: 'en',
  tags: [],
  acceptsMarketing: false,
  createdAt: '2025-01-10T10:00:00Z',
  ...extra,
});

const methods: CustomerRecord['paymentMethods'] = [
  { id: 'credit_card_7815826', kind: 'credit_card', brand: 'mastercard', last4: '9212' },
  { id: 'paypal_5727330', kind: 'paypal' },
  { id: 'gift_card_1725971', kind: 'gift_card', balanceMinor: 4_250 },
];

const order = (id: string, customerId: string, extra: Partial<OrderRecord> = {}): OrderRecord => ({
  id,
  customerId,
  status: 'pending',
  placedAt: '2026-08-01T09:00:00Z',
  currency: 'EUR',
  shippingMinor: 500,
  lines: [
    { sku: 'RUN-2-42', title: 'Cloud Dash Running Shoe', quantity: 1, unitPriceMinor: 7_400 },
    { sku: 'SOCK-1', title: 'Merino Running Socks', quantity: 2, unitPriceMinor: 1_500 },
  ],
  ...extra,
});

async function importRecords(customers: CustomerRecord[], orders: OrderRecord[]) {
  const src = (file: string) => ({ file, line: 1 });
  const input: IngestInput = {
    products: [],
    customers: customers.map((record) => ({ record, source: src('customers.jsonl') })),
    orders: orders.map((record) => ({ record, source: src('orders.jsonl') })),
    policies: [],
    errors: [],
  };
  return ingest({ db, embedder: await testEmbedder() }, input);
}

const delivered = order('OD-1', 'cus_od', {
  status: 'delivered',
  deliveredAt: '2026-08-05T09:00:00Z',
  shippingAddress: office,
  lines: [
    {
      sku: 'RUN-2-42',
      title: 'Cloud Dash Running Shoe',
      quantity: 1,
      unitPriceMinor: 7_400,
      trackingNumber: '3579625',
    },
    { sku: 'SOCK-1', title: 'Merino Running Socks', quantity: 2, unitPriceMinor: 1_500, trackingNumber: null },
  ],
  payments: [
    { kind: 'payment', amountMinor: 10_900, paymentMethodId: 'gift_card_1725971', at: '2026-08-01T09:00:00Z' },
    { kind: 'refund', amountMinor: 3_000, paymentMethodId: 'gift_card_1725971', at: '2026-08-09T12:00:00Z' },
  ],
});

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  reader = createCustomerReader({ db });
  const summary = await importRecords(
    [customer('cus_od', { address: home, paymentMethods: methods }), customer('cus_bare')],
    [delivered, order('OD-2', 'cus_od'), order('OD-3', 'cus_bare')],
  );
  expect(summary.errors).toEqual([]);
});
afterAll(async () => {
  await db?.close();
});

describe('importing customers and orders after the sale', () => {
  it('reads back the address, payment methods (last four digits only) and gift card balance', async () => {
    const p = await reader.profile('cus_od');
    expect(p?.address).toEqual(home);
    expect(p?.paymentMethods).toEqual([
      { id: 'credit_card_7815826', kind: 'credit_card', brand: 'mastercard', last4: '9212', balance: null },
      { id: 'paypal_5727330', kind: 'paypal', brand: null, last4: null, balance: null },
      {
        id: 'gift_card_1725971',
        kind: 'gift_card',
        brand: null,
        last4: null,
        balance: { amount: 4_250, currency: 'EUR', formatted: '€42.50' },
      },
    ]);
    const bare = await reader.profile('cus_bare');
    expect(bare).toMatchObject({ address: null, paymentMethods: [] });
  });

  it('reads back an order’s shipping address, per-line tracking, payments, refunds and events', async () => {
    await db.query(
      `INSERT INTO order_events (order_id, at, actor, actor_id, action, reason, details) VALUES
         ('OD-1', '2026-08-09T12:00:00Z', 'shopper', 'cus_od', 'return_requested', 'too small', '{"skus": ["SOCK-1"]}'),
         ('OD-1', '2026-08-01T09:00:00Z', 'system', NULL, 'placed', NULL, '{}')`,
    );
    const o = await reader.order('cus_od', 'od-1');
    expect(o).toMatchObject({
      id: 'OD-1',
      status: 'delivered',
      total: { amount: 10_900 },
      shippingAddress: office,
      requestedChange: null,
      payments: [
        { amountMinor: 10_900, currency: 'EUR', paymentMethodId: 'gift_card_1725971', at: '2026-08-01T09:00:00.000Z' },
      ],
      refunds: [
        { amountMinor: 3_000, currency: 'EUR', paymentMethodId: 'gift_card_1725971', at: '2026-08-09T12:00:00.000Z' },
      ],
    });
    expect(o?.items.map((i) => i.trackingNumber)).toEqual(['3579625', null]);
    // Oldest first, in the order they were recorded.
    expect(o?.events.map((e) => [e.action, e.actor, e.actorId])).toEqual([
      ['return_requested', 'shopper', 'cus_od'],
      ['placed', 'system', null],
    ]);
    expect(o?.events[0]).toEqual({
      at: '2026-08-09T12:00:00.000Z',
      actor: 'shopper',
      actorId: 'cus_od',
      action: 'return_requested',
      reason: 'too small',
      details: { skus: ['SOCK-1'] },
    });
  });

  it('pays an order without payments by the customer’s first method, or by none', async () => {
    expect((await reader.order('cus_od', 'OD-2'))?.payments).toEqual([
      {
        amountMinor: 10_900,
        currency: 'EUR',
        paymentMethodId: 'credit_card_7815826',
        at: '2026-08-01T09:00:00.000Z',
        method: { kind: 'credit_card', brand: 'mastercard', last4: '9212' },
      },
    ]);
    expect(await reader.order('cus_od', 'OD-2')).toMatchObject({ refunds: [], shippingAddress: null, events: [] });
    expect((await reader.order('cus_bare', 'OD-3'))?.payments).toEqual([]);
  });

  it('never shows another customer’s order', async () => {
    expect(await reader.order('cus_bare', 'OD-1')).toBeNull();
    expect((await reader.orders('cus_bare')).map((o) => o.id)).toEqual(['OD-3']);
  });

  it('changes nothing on a second import of the same records', async () => {
    const snapshot = async () =>
      (
        await db.query(
          `SELECT (SELECT json_agg(m ORDER BY m.id) FROM payment_methods m WHERE m.customer_id = 'cus_od') AS m,
                  (SELECT json_agg(p ORDER BY p.order_id, p.seq) FROM order_payments p WHERE p.order_id LIKE 'OD-%') AS p,
                  (SELECT json_agg(o.version ORDER BY o.id) FROM orders o WHERE o.id LIKE 'OD-%') AS v`,
        )
      ).rows[0];
    const before = await snapshot();
    const again = await importRecords(
      [customer('cus_od', { address: home, paymentMethods: methods }), customer('cus_bare')],
      [delivered, order('OD-2', 'cus_od'), order('OD-3', 'cus_bare')],
    );
    expect(again.counts.customers).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
    expect(again.counts.orders).toMatchObject({ unchanged: 3, created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('replaces payment methods and payments when the record changed, and keeps what a record leaves out', async () => {
    const changed = await importRecords(
      [
        customer('cus_od', { paymentMethods: [methods![1]], tags: ['changed'] }),
        customer('cus_bare', { address: null }),
      ],
      [{ ...delivered, payments: [{ kind: 'payment', amountMinor: 10_900, paymentMethodId: 'paypal_5727330' }] }],
    );
    expect(changed.errors).toEqual([]);
    const p = await reader.profile('cus_od');
    expect(p?.paymentMethods.map((m) => m.id)).toEqual(['paypal_5727330']);
    // No address in the record: a platform sync does not know it, so the stored one stays.
    expect(p?.address).toEqual(home);
    const o = await reader.order('cus_od', 'OD-1');
    expect(o?.payments).toEqual([
      {
        amountMinor: 10_900,
        currency: 'EUR',
        paymentMethodId: 'paypal_5727330',
        at: '2026-08-01T09:00:00.000Z',
        method: { kind: 'paypal', brand: null, last4: null },
      },
    ]);
    expect(o?.refunds).toEqual([]);
    expect(o?.shippingAddress).toEqual(office);
  });
});

describe('the agent API', () => {
  it('shows the customer 360 with address, payment methods and each order’s address, payments, refunds and events', async () => {
    await importRecords(
      [customer('cus_api', { address: home, paymentMethods: methods })],
      [{ ...delivered, id: 'OD-API', customerId: 'cus_api' }],
    );
    await db.query(
      `INSERT INTO order_events (order_id, actor, actor_id, action, reason) VALUES ('OD-API', 'agent', 'alex@example.com', 'note', 'checked')`,
    );
    const app = await startTestApp(db);
    try {
      const session = await newSession(app.url, signedIn('cus_api'));
      const token = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
      const res = await fetch(`${app.url}/api/agent/conversations/${session.body.conversationId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const detail = (await res.json()) as ConversationDetail;
      expect(detail.customer?.profile).toMatchObject({
        address: home,
        paymentMethods: [
          expect.objectContaining({ id: 'credit_card_7815826', last4: '9212' }),
          expect.objectContaining({ id: 'paypal_5727330', kind: 'paypal' }),
          expect.objectContaining({ id: 'gift_card_1725971', balance: expect.objectContaining({ amount: 4_250 }) }),
        ],
      });
      expect(detail.customer?.orders).toEqual([
        expect.objectContaining({
          id: 'OD-API',
          status: 'delivered',
          shippingAddress: office,
          payments: [expect.objectContaining({ amountMinor: 10_900, paymentMethodId: 'gift_card_1725971' })],
          refunds: [
            {
              amountMinor: 3_000,
              currency: 'EUR',
              paymentMethodId: 'gift_card_1725971',
              at: '2026-08-09T12:00:00.000Z',
              method: { kind: 'gift_card', brand: null, last4: null },
            },
          ],
          events: [expect.objectContaining({ actor: 'agent', actorId: 'alex@example.com', action: 'note' })],
          items: [
            expect.objectContaining({ sku: 'RUN-2-42', trackingNumber: '3579625' }),
            expect.objectContaining({ sku: 'SOCK-1', trackingNumber: null }),
          ],
        }),
      ]);
    } finally {
      await app.close();
    }
  });
});

describe('bad input', () => {
  const jsonl = (...rows: object[]) => new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join('\n'));

  it('refuses a card number where the last four digits belong, without repeating it', () => {
    const card = { id: 'cc_1', kind: 'credit_card', brand: 'visa', last4: '4111111111111111' };
    const r = parseJsonl(jsonl({ ...customer('cus_bad'), paymentMethods: [card] }), { file: 'customers.jsonl' });
    expect(r.customers).toEqual([]);
    expect(r.errors).toEqual([{ line: 1, message: expect.stringContaining('paymentMethods.0.last4') }]);
    expect(r.errors[0].message).toMatch(/last four digits/);
    expect(r.errors[0].message).not.toContain('4111111111111111');
  });

  it('refuses an unknown order status, naming the ones it knows', () => {
    const r = parseJsonl(jsonl({ ...order('OD-BAD', 'cus_od'), status: 'lost_in_space' }), { file: 'orders.jsonl' });
    expect(r.orders).toEqual([]);
    expect(r.errors).toEqual([
      { line: 1, message: expect.stringMatching(/^order: status: status must be one of pending, .*returned$/) },
    ]);
  });

  it('refuses a customer who lists one payment method twice, and imports the others', async () => {
    const twice = customer('cus_twice', { paymentMethods: [methods![0], methods![0]] });
    const r = await importRecords([twice, customer('cus_once', { paymentMethods: [methods![0]] })], []);
    expect(r.errors).toEqual([
      {
        file: 'customers.jsonl',
        line: 1,
        message: 'customer cus_twice lists payment method credit_card_7815826 twice',
      },
    ]);
    expect(r.counts.customers).toMatchObject({ created: 1, failed: 1 });
    expect(await reader.profile('cus_twice')).toBeNull();
  });

  it('accepts yesterday’s placed and paid as pending', () => {
    const r = parseJsonl(jsonl({ ...order('OD-OLD', 'cus_od'), status: 'paid' }), { file: 'orders.jsonl' });
    expect(r.orders[0].record.status).toBe('pending');
  });
});
