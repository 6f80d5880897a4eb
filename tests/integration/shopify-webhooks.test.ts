import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { ConversationDetail } from '../../src/handoff/agent-protocol.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { newSession, seedTestShop, signedIn, startTestApp, TEST_CONFIG, waitFor } from '../helpers/test-app.js';
import { agentLogin } from '../helpers/agent-client.js';
import { platformFixture, postWebhook } from '../helpers/webhooks.js';

const SECRET = 'shopify-webhook-secret-for-tests';
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
let adminToken: string;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  const platforms = {
    shopify: { apiVersion: '2025-07', webhookSecret: SECRET },
    woocommerce: {},
  };
  app = await startTestApp(db, { config: { ...TEST_CONFIG, platforms } });
  adminToken = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const shopify = (topic: string, body: unknown, opts: { id?: string; signature?: string } = {}) =>
  postWebhook(`${app.url}/api/webhooks/shopify/${topic}`, {
    body,
    secret: SECRET,
    signatureHeader: 'X-Shopify-Hmac-Sha256',
    signature: opts.signature,
    headers: { 'X-Shopify-Topic': topic, 'X-Shopify-Webhook-Id': opts.id ?? randomUUID() },
  });

interface SearchResult {
  results: { handle: string; price: { formatted: string }; variants: { sku: string; inStock: boolean }[] }[];
}
async function search(q: string, mode = 'hybrid'): Promise<SearchResult['results']> {
  const res = await fetch(`${app.url}/api/products/search?q=${encodeURIComponent(q)}&mode=${mode}`);
  return ((await res.json()) as SearchResult).results;
}
const tote = async (mode = 'hybrid') =>
  (await search('harbor canvas tote', mode)).find((p) => p.handle === 'harbor-canvas-tote');

async function priceOfTote(): Promise<string | undefined> {
  const [card] = await app.services.products.byHandles(['harbor-canvas-tote']);
  return card?.price.formatted;
}

describe('Shopify webhooks', () => {
  it('products/create then products/update with a new price: search and product cards show it, embedded within seconds', async () => {
    const created = await shopify('products/create', platformFixture('shopify-products-create'));
    expect(created).toEqual({ status: 200, body: { ok: true, outcome: 'applied' } });
    // The vector index learns the product in the background; poll it with a bounded wait.
    await waitFor(async () => (await tote('vector')) !== undefined, 10_000);
    expect(await priceOfTote()).toBe('€48.00');

    const updated = await shopify('products/update', platformFixture('shopify-products-update'));
    expect(updated.body.outcome).toBe('applied');
    expect((await tote())?.price.formatted).toBe('€39.00');
    expect(await priceOfTote()).toBe('€39.00');
    const [card] = await app.services.products.byHandles(['harbor-canvas-tote']);
    // A variant without a SKU gets a stable one from its id.
    expect(card.variants.map((v) => v.sku).sort()).toEqual(['HCT-SAND', 'shopify-4501000002']);
    await waitFor(async () => (await tote('vector'))?.price.formatted === '€39.00', 10_000);
  });

  it('refuses a wrong signature with 401 and changes nothing', async () => {
    const body = platformFixture<{ variants: { price: string }[] }>('shopify-products-update');
    body.variants.forEach((v) => (v.price = '1.00'));
    const before = await priceOfTote();
    const res = await shopify('products/update', body, { signature: 'bm90IHRoZSBzaWduYXR1cmU=' });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('webhooks:bad_signature');
    const unsigned = await fetch(`${app.url}/api/webhooks/shopify/products/update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(unsigned.status).toBe(401);
    expect(await priceOfTote()).toBe(before);
  });

  it('applies a replayed delivery (same webhook id) once', async () => {
    const id = randomUUID();
    const level = platformFixture('shopify-inventory-levels-update');
    expect((await shopify('inventory_levels/update', level, { id })).body.outcome).toBe('applied');
    const [card] = await app.services.products.byHandles(['harbor-canvas-tote']);
    expect(card.variants.find((v) => v.sku === 'shopify-4501000002')?.inStock).toBe(false);

    // The stock comes back under another delivery; replaying the first one must not take it away again.
    await shopify('inventory_levels/update', { ...level, available: 5 });
    const replay = await shopify('inventory_levels/update', level, { id });
    expect(replay).toEqual({ status: 200, body: { ok: true, outcome: 'replayed' } });
    const [after] = await app.services.products.byHandles(['harbor-canvas-tote']);
    expect(after.variants.find((v) => v.sku === 'shopify-4501000002')?.inStock).toBe(true);
  });

  it('rejects a payload that does not fit its topic with 400 and changes nothing', async () => {
    const res = await shopify('products/update', { id: 8001000001, title: 'No variants', variants: [] });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/variants/);
    expect(await priceOfTote()).toBe('€39.00');
  });

  it('orders/create with the conversation attribute shows in the customer 360 and in attributed revenue', async () => {
    expect((await shopify('customers/update', platformFixture('shopify-customers-update'))).body.outcome).toBe(
      'applied',
    );
    const session = await newSession(app.url, signedIn('7301000001'));
    expect(session.status).toBe(201);
    const conversationId = session.body.conversationId;
    const order = platformFixture<{ note_attributes: { name: string; value: string }[] }>('shopify-orders-create');
    order.note_attributes[0].value = conversationId;
    expect((await shopify('orders/create', order)).body.outcome).toBe('applied');

    const auth = { authorization: `Bearer ${adminToken}` };
    const detail = (await (
      await fetch(`${app.url}/api/agent/conversations/${conversationId}`, { headers: auth })
    ).json()) as ConversationDetail;
    expect(detail.customer?.orders[0]).toMatchObject({
      id: '1001',
      total: { formatted: '€82.95' },
      attributedConversationId: conversationId,
    });
    const report = await fetch(`${app.url}/api/admin/attribution?since=2026-01-01`, { headers: auth });
    expect(report.status).toBe(200);
    const body = (await report.json()) as { orders: { id: string; conversationId: string }[]; revenue: unknown[] };
    expect(body.orders).toContainEqual(expect.objectContaining({ id: '1001', conversationId }));
    expect(body.revenue).toEqual([
      { currency: 'EUR', orders: 1, total: { amount: 8295, currency: 'EUR', formatted: '€82.95' } },
    ]);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/concierge_attributed_revenue_minor_total\{currency="EUR"\} 8295/);
  });

  it('refuses the attribution report to a console account without the admin role', async () => {
    const sam = (await agentLogin(app.url, 'sam@example.com', 'agent-password-2')).token!;
    const res = await fetch(`${app.url}/api/admin/attribution`, { headers: { authorization: `Bearer ${sam}` } });
    expect(res.status).toBe(403);
  });
});

describe('Shopify webhooks without a secret', () => {
  it('fail closed: every call is refused and nothing is applied', async () => {
    const closed = await startTestApp(db, { config: TEST_CONFIG });
    try {
      const body = platformFixture<{ handle: string; id: number }>('shopify-products-create');
      body.handle = 'never-stored';
      body.id = 8009999999;
      const res = await postWebhook(`${closed.url}/api/webhooks/shopify/products/create`, {
        body,
        secret: '',
        signatureHeader: 'X-Shopify-Hmac-Sha256',
      });
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('webhooks:not_configured');
      expect(await closed.services.products.byHandles(['never-stored'])).toEqual([]);
    } finally {
      await closed.close();
    }
  });
});
