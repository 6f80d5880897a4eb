import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { ConversationDetail } from '../../src/handoff/agent-protocol.js';
import { LOCAL_SERVER_ONLY, setupOpenAIMockServer } from '../msw/openai-chat.js';
import { createFakeWooShop, WOO_KEY, WOO_SECRET, WOO_URL, wooHandlers } from '../msw/woocommerce-rest.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { newSession, seedTestShop, signedIn, startTestApp, TEST_CONFIG, waitFor } from '../helpers/test-app.js';
import { agentLogin } from '../helpers/agent-client.js';
import { platformFixture, postWebhook } from '../helpers/webhooks.js';

const SECRET = 'woo-webhook-secret-for-tests';
const shop = createFakeWooShop({
  variations: { 2302: platformFixture<Record<string, unknown>[]>('woocommerce-variations-2302') },
});
const mock = setupOpenAIMockServer(...wooHandlers(shop));
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
let delivery = 0;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  const platforms = {
    shopify: { apiVersion: '2025-07' },
    woocommerce: { url: WOO_URL, key: WOO_KEY, secret: WOO_SECRET, webhookSecret: SECRET },
  };
  app = await startTestApp(db, { config: { ...TEST_CONFIG, platforms } });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  mock.close();
});

const woo = (topic: string, body: unknown, opts: { id?: string; signature?: string } = {}) =>
  postWebhook(`${app.url}/api/webhooks/woocommerce`, {
    body,
    secret: SECRET,
    signatureHeader: 'X-WC-Webhook-Signature',
    signature: opts.signature,
    headers: {
      'X-WC-Webhook-Topic': topic,
      'X-WC-Webhook-Resource': topic.split('.')[0],
      'X-WC-Webhook-Event': topic.split('.')[1],
      'X-WC-Webhook-Delivery-ID': opts.id ?? String(++delivery),
    },
  });

const card = async (handle: string) => (await app.services.products.byHandles([handle]))[0];

describe('WooCommerce webhooks', () => {
  it("answers WooCommerce's ping on webhook creation with 200", async () => {
    const res = await fetch(`${app.url}/api/webhooks/woocommerce`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=12',
    });
    expect(res.status).toBe(200);
  });

  it('product.updated with a new price changes what search and product cards show', async () => {
    const lamp = platformFixture<Record<string, unknown>>('woocommerce-product-updated');
    expect((await woo('product.updated', lamp)).body.outcome).toBe('applied');
    expect((await card('alder-desk-lamp'))?.price.formatted).toBe('€59.00');

    const cheaper = { ...lamp, price: '49.00', sale_price: '49.00' };
    expect((await woo('product.updated', cheaper)).body.outcome).toBe('applied');
    expect((await card('alder-desk-lamp'))?.price.formatted).toBe('€49.00');
    await waitFor(async () => {
      const res = await fetch(`${app.url}/api/products/search?q=brass+desk+lamp&mode=vector`);
      const { results } = (await res.json()) as { results: { handle: string; price: { formatted: string } }[] };
      return results.find((p) => p.handle === 'alder-desk-lamp')?.price.formatted === '€49.00';
    }, 10_000);
  });

  it('product.created for a variable product reads its variations through the REST API', async () => {
    expect((await woo('product.created', platformFixture('woocommerce-product-created'))).body.outcome).toBe('applied');
    const cushion = await card('linen-cushion-cover');
    expect(cushion.variants.map((v) => [v.sku, v.options.Color, v.inStock])).toEqual([
      ['LCC-OAT', 'Oat', true],
      ['woo-2304', 'Rust', false],
    ]);
    expect(shop.calls).toContain('/wp-json/wc/v3/products/2302/variations');
  });

  it('refuses a wrong signature with 401 and changes nothing', async () => {
    const lamp = { ...platformFixture('woocommerce-product-updated'), price: '1.00', sale_price: '1.00' };
    const res = await woo('product.updated', lamp, { signature: 'AAAA' });
    expect(res.status).toBe(401);
    expect((await card('alder-desk-lamp'))?.price.formatted).toBe('€49.00');
  });

  it('applies a repeated delivery id once', async () => {
    const lamp = { ...platformFixture('woocommerce-product-updated'), price: '45.00', sale_price: '45.00' };
    expect((await woo('product.updated', lamp, { id: 'd-1' })).body.outcome).toBe('applied');
    await woo('product.updated', { ...lamp, price: '44.00', sale_price: '44.00' });
    expect((await woo('product.updated', lamp, { id: 'd-1' })).body.outcome).toBe('replayed');
    expect((await card('alder-desk-lamp'))?.price.formatted).toBe('€44.00');
  });

  it('order.created with the conversation meta shows in the customer 360 and in attributed revenue', async () => {
    expect((await woo('customer.created', platformFixture('woocommerce-customer-created'))).body.outcome).toBe(
      'applied',
    );
    const session = await newSession(app.url, signedIn('61'));
    const conversationId = session.body.conversationId;
    const order = platformFixture<{ meta_data: { key: string; value: string }[] }>('woocommerce-order-created');
    order.meta_data[0].value = conversationId;
    expect((await woo('order.created', order)).body.outcome).toBe('applied');

    const token = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
    const auth = { authorization: `Bearer ${token}` };
    const res = await fetch(`${app.url}/api/agent/conversations/${conversationId}`, { headers: auth });
    const detail = (await res.json()) as ConversationDetail;
    expect(detail.customer?.orders[0]).toMatchObject({ id: '2401', attributedConversationId: conversationId });
    const report = (await (
      await fetch(`${app.url}/api/admin/attribution?since=2026-11-01`, { headers: auth })
    ).json()) as {
      revenue: { currency: string; total: { amount: number } }[];
    };
    expect(report.revenue).toEqual([
      expect.objectContaining({ currency: 'EUR', total: expect.objectContaining({ amount: 6400 }) }),
    ]);
  });
});
