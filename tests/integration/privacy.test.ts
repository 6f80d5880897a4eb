import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord, OrderRecord } from '../../src/catalog/records.js';
import type { Database } from '../../src/db/database.js';
import { ingest, type IngestInput } from '../../src/ingest/ingest.js';
import { agentLogin } from '../helpers/agent-client.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { openTestDatabase } from '../helpers/test-database.js';
import {
  connectShopper,
  newSession,
  request,
  seedTestShop,
  signedIn,
  startTestApp,
  waitFor,
} from '../helpers/test-app.js';

let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
let adminToken: string;
let agentToken: string;

const address = { line1: 'Erasmusstraat 1', line2: '', city: 'Utrecht', region: '', postalCode: '3512', country: 'NL' };

const customer = (id: string, firstName: string): CustomerRecord => ({
  id,
  email: `${id}@example.com`,
  firstName,
  lastName: 'Privacy',
  language: 'en',
  tags: ['vip'],
  acceptsMarketing: true,
  createdAt: '2025-03-01T10:00:00Z',
  address,
  paymentMethods: [
    { id: `card_${id}`, kind: 'credit_card', brand: 'visa', last4: '4242' },
    { id: `gift_${id}`, kind: 'gift_card', balanceMinor: 2_500 },
  ],
});

const order = (id: string, customerId: string, overrides: Partial<OrderRecord> = {}): OrderRecord => ({
  id,
  customerId,
  status: 'shipped',
  placedAt: '2026-09-01T09:00:00Z',
  currency: 'EUR',
  shippingMinor: 495,
  tracking: { carrier: 'DHL', number: `TRK-${id}`, url: `https://tracking.example/${id}` },
  shippedAt: '2026-09-02T09:00:00Z',
  lines: [
    { sku: 'RUN-2-42', title: 'Cloud Dash Running Shoe', quantity: 1, unitPriceMinor: 7400, trackingNumber: `P-${id}` },
    { sku: 'SOCK-1', title: 'Merino Running Socks', quantity: 2, unitPriceMinor: 1500 },
  ],
  shippingAddress: address,
  ...overrides,
});

/** A catalog import of these customers and orders only, as the shop's files would bring them. */
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

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  const summary = await importRecords(
    [customer('cus_export', 'Eva'), customer('cus_erase', 'Erik'), customer('cus_guarded', 'Gus')],
    [order('PR-EXP-1', 'cus_export'), order('PR-ERS-1', 'cus_erase'), order('PR-GRD-1', 'cus_guarded')],
  );
  expect(summary.errors).toEqual([]);
  app = await startTestApp(db);
  adminToken = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
  agentToken = (await agentLogin(app.url, 'sam@example.com', 'agent-password-2')).token!;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function admin(method: 'GET' | 'DELETE', path: string, token: string | null = adminToken) {
  const res = await fetch(`${app.url}${path}`, { method, headers: token ? bearer(token) : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
const exportOf = (id: string, token?: string | null) => admin('GET', `/api/admin/customers/${id}/export`, token);
const erase = (id: string, token?: string | null) => admin('DELETE', `/api/admin/customers/${id}`, token);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function count(sql: string, params: unknown[]): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return r.rows[0].n;
}

/**
 * A signed-in shopper with everything a shop holds about them: a message the assistant answered,
 * an agent's private note, a CSAT rating with a comment, and a cart line. The socket stays open.
 */
async function shopperWithHistory(customerId: string, words: { message: string; note: string; comment: string }) {
  const s = await newSession(app.url, signedIn(customerId));
  expect(s.status).toBe(201);
  const { token, conversationId } = s.body;
  const shopper = await connectShopper(app.url, token);
  const sent = await fetch(`${app.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify({ text: words.message }),
  });
  expect(sent.status).toBe(200);
  const note = await fetch(`${app.url}/api/agent/conversations/${conversationId}/notes`, {
    method: 'POST',
    headers: bearer(agentToken),
    body: JSON.stringify({ text: words.note }),
  });
  expect(note.status).toBe(201);
  const rated = await request(shopper.socket, 'conversation:rate', {
    conversationId,
    rating: 4,
    comment: words.comment,
  });
  expect(rated).toEqual({ ok: true, data: null });
  const cart = await fetch(`${app.url}/api/cart/items`, {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify({ sku: 'SOCK-1', quantity: 2 }),
  });
  expect(cart.status).toBe(200);
  const session = await db.query<{ session_id: string; cart_id: string }>(
    'SELECT session_id, cart_id FROM conversations WHERE id = $1',
    [conversationId],
  );
  return { ...shopper, token, conversationId, sessionId: session.rows[0].session_id, cartId: session.rows[0].cart_id };
}

describe('exporting a customer’s data', () => {
  it('gives an admin the profile, orders with lines, conversations with notes and rating, carts and sessions', async () => {
    const shopper = await shopperWithHistory('cus_export', {
      message: 'Do you have warm running socks?',
      note: 'Asked about socks twice, offer the merino ones',
      comment: 'Found my socks quickly',
    });
    shopper.socket.close();

    const res = await exportOf('cus_export');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="customer-cus_export.json"');
    const data = res.body as {
      exportedAt: string;
      customer: Record<string, unknown>;
      paymentMethods: unknown[];
      orders: { id: string; lines: unknown[]; payments: unknown[] }[];
      conversations: { id: string; messages: { role: string; content: string }[]; rating: unknown }[];
      carts: { id: string; items: unknown[]; events: unknown[] }[];
      sessions: { id: string }[];
    };
    expect(Date.parse(data.exportedAt)).not.toBeNaN();
    expect(data.customer).toMatchObject({
      id: 'cus_export',
      email: 'cus_export@example.com',
      first_name: 'Eva',
      last_name: 'Privacy',
      accepts_marketing: true,
    });
    expect(data.customer).not.toHaveProperty('content_hash');
    expect(data.customer.address).toEqual(address);
    expect(data.paymentMethods).toEqual([
      { id: 'card_cus_export', kind: 'credit_card', brand: 'visa', last4: '4242', balance_minor: null },
      { id: 'gift_cus_export', kind: 'gift_card', brand: null, last4: null, balance_minor: 2_500 },
    ]);

    expect(data.orders.map((o) => o.id)).toEqual(['PR-EXP-1']);
    expect(data.orders[0]).toMatchObject({
      customer_id: 'cus_export',
      subtotal_minor: 10_400,
      total_minor: 10_895,
      tracking_number: 'TRK-PR-EXP-1',
    });
    expect(data.orders[0].lines).toEqual([
      expect.objectContaining({ line_no: 1, sku: 'RUN-2-42', quantity: 1, unit_price_minor: 7400 }),
      expect.objectContaining({ line_no: 2, sku: 'SOCK-1', quantity: 2, unit_price_minor: 1500 }),
    ]);
    expect(data.orders[0].payments).toEqual([
      expect.objectContaining({ kind: 'payment', amount_minor: 10_895, payment_method_id: 'card_cus_export' }),
    ]);

    expect(data.conversations.map((c) => c.id)).toEqual([shopper.conversationId]);
    const [conv] = data.conversations;
    expect(conv.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'user', content: 'Do you have warm running socks?' }),
        expect.objectContaining({ role: 'note', content: 'Asked about socks twice, offer the merino ones' }),
        expect.objectContaining({ role: 'assistant' }),
      ]),
    );
    expect(conv.rating).toMatchObject({ rating: 4, comment: 'Found my socks quickly' });

    expect(data.carts.map((c) => c.id)).toEqual([shopper.cartId]);
    expect(data.carts[0].items).toEqual([expect.objectContaining({ sku: 'SOCK-1', quantity: 2 })]);
    expect(data.carts[0].events).toEqual([
      expect.objectContaining({ actor: 'shopper', action: 'add', sku: 'SOCK-1', quantity: 2 }),
    ]);
    expect(data.sessions).toEqual([expect.objectContaining({ id: shopper.sessionId, channel: 'api' })]);
    // Nobody else's data.
    expect(JSON.stringify(data)).not.toMatch(/cus_erase|cus_guarded|cus_1|AP-1001/);

    const audit = await db.query('SELECT actor, action FROM audit_log WHERE subject = $1', ['cus_export']);
    expect(audit.rows).toEqual([{ actor: 'alex@example.com', action: 'customer.export' }]);
  });

  it('is for admins only: an agent gets 403, no token 401, an unknown customer 404', async () => {
    const asAgent = await exportOf('cus_guarded', agentToken);
    expect(asAgent.status).toBe(403);
    expect(asAgent.body.error).toMatchObject({ code: 'auth:admin_required' });
    const eraseAsAgent = await erase('cus_guarded', agentToken);
    expect(eraseAsAgent.status).toBe(403);
    expect(eraseAsAgent.body.error).toMatchObject({ code: 'auth:admin_required' });

    const anonymous = await exportOf('cus_guarded', null);
    expect(anonymous.status).toBe(401);
    expect((await erase('cus_guarded', null)).status).toBe(401);
    expect((await exportOf('cus_guarded', 'not-a-console-token')).status).toBe(401);

    // Nothing was read out, nothing was erased, nothing was audited.
    expect(await count('customers WHERE id = $1', ['cus_guarded'])).toBe(1);
    expect(await count('orders WHERE customer_id = $1', ['cus_guarded'])).toBe(1);
    expect(await count('audit_log WHERE subject = $1', ['cus_guarded'])).toBe(0);

    for (const res of [await exportOf('cus_nobody'), await erase('cus_nobody')]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'customer:not_found' });
    }
    expect(await count('erased_customers WHERE id_hash = $1', [sha256('cus_nobody')])).toBe(0);
  });
});

describe('erasing a customer', () => {
  it('deletes their profile, address, payment methods, conversations, carts and sessions, keeps orders anonymous, and ends their sockets', async () => {
    const shopper = await shopperWithHistory('cus_erase', {
      message: 'My address changed, can you help?',
      note: 'Lives at Erasmusstraat 1',
      comment: 'Good service',
    });
    // The same customer signed in on a second device too.
    const phone = await newSession(app.url, signedIn('cus_erase'));
    const phoneSocket = await connectShopper(app.url, phone.body.token);
    const reasons = new Map<string, string>();
    shopper.socket.on('disconnect', (reason) => reasons.set('laptop', reason));
    phoneSocket.socket.on('disconnect', (reason) => reasons.set('phone', reason));

    // What the shopper asked for after the sale: an address change, and one more waiting for their yes.
    await db.query(
      `INSERT INTO order_events (order_id, actor, actor_id, action, reason, details)
       VALUES ('PR-ERS-1', 'shopper', 'cus_erase', 'change_address', 'I moved', $1::jsonb)`,
      [JSON.stringify({ address })],
    );
    await db.query(
      `INSERT INTO pending_actions (id, conversation_id, customer_id, kind, order_id, args, summary, expires_at)
       VALUES ('pa_erase', $1, 'cus_erase', 'cancel_order', 'PR-ERS-1', '{}', 'Cancel order PR-ERS-1', now() + interval '1 hour')`,
      [shopper.conversationId],
    );

    const res = await erase('cus_erase');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      erased: {
        customerId: 'cus_erase',
        conversations: 2,
        carts: 2,
        sessions: 2,
        paymentMethods: 2,
        ordersAnonymised: 1,
      },
    });
    await waitFor(() => reasons.size === 2);
    expect(Object.fromEntries(reasons)).toEqual({ laptop: 'io server disconnect', phone: 'io server disconnect' });

    const again = await exportOf('cus_erase');
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'customer:not_found' });
    expect((await erase('cus_erase')).status).toBe(404);

    expect(await count('customers WHERE id = $1', ['cus_erase'])).toBe(0);
    expect(await count('conversations WHERE id = $1 OR customer_id = $2', [shopper.conversationId, 'cus_erase'])).toBe(
      0,
    );
    expect(await count('messages WHERE conversation_id = $1', [shopper.conversationId])).toBe(0);
    expect(await count('conversation_events WHERE conversation_id = $1', [shopper.conversationId])).toBe(0);
    expect(await count('ratings WHERE conversation_id = $1', [shopper.conversationId])).toBe(0);
    expect(await count('carts WHERE id = $1 OR customer_id = $2', [shopper.cartId, 'cus_erase'])).toBe(0);
    expect(await count('cart_items WHERE cart_id = $1', [shopper.cartId])).toBe(0);
    expect(await count('cart_events WHERE cart_id = $1', [shopper.cartId])).toBe(0);
    expect(await count('shopper_sessions WHERE id = $1 OR customer_id = $2', [shopper.sessionId, 'cus_erase'])).toBe(0);
    expect(await count('conversations WHERE id = $1', [phone.body.conversationId])).toBe(0);
    expect(await count("messages WHERE content LIKE '%Erasmusstraat%'", [])).toBe(0);

    const kept = await db.query('SELECT * FROM orders WHERE id = $1', ['PR-ERS-1']);
    expect(kept.rows[0]).toMatchObject({
      customer_id: null,
      tracking_number: null,
      tracking_url: null,
      status: 'shipped',
      subtotal_minor: 10_400,
      shipping_minor: 495,
      total_minor: 10_895,
    });
    expect(await count('order_lines WHERE order_id = $1', ['PR-ERS-1'])).toBe(2);
    expect(await count('payment_methods WHERE customer_id = $1', ['cus_erase'])).toBe(0);
    expect(kept.rows[0]).toMatchObject({ shipping_address: null, requested_change: null });
    expect(await count('order_lines WHERE order_id = $1 AND tracking_number IS NOT NULL', ['PR-ERS-1'])).toBe(0);
    const paid = await db.query(
      'SELECT kind, amount_minor, payment_method_id FROM order_payments WHERE order_id = $1',
      ['PR-ERS-1'],
    );
    expect(paid.rows).toEqual([{ kind: 'payment', amount_minor: 10_895, payment_method_id: 'erased' }]);
    const events = await db.query('SELECT actor_id, reason, details FROM order_events WHERE order_id = $1', [
      'PR-ERS-1',
    ]);
    expect(events.rows).toEqual([{ actor_id: null, reason: null, details: {} }]);
    expect(await count('pending_actions WHERE customer_id = $1', ['cus_erase'])).toBe(0);
    // Other customers are untouched.
    expect(await count('orders WHERE customer_id = $1', ['cus_export'])).toBe(1);

    const cart = await fetch(`${app.url}/api/cart`, { headers: bearer(shopper.token) });
    expect(cart.status).toBe(401);
    const signIn = await newSession(app.url, signedIn('cus_erase'));
    expect(signIn.status).toBe(401);
    expect(signIn.body.error).toMatchObject({ code: 'auth:unknown_customer' });

    const audit = await db.query<{ actor: string; details: unknown }>(
      'SELECT actor, details FROM audit_log WHERE action = $1 AND subject = $2',
      ['customer.erase', 'cus_erase'],
    );
    expect(audit.rows).toEqual([
      {
        actor: 'alex@example.com',
        details: {
          customerId: 'cus_erase',
          conversations: 2,
          carts: 2,
          sessions: 2,
          paymentMethods: 2,
          ordersAnonymised: 1,
        },
      },
    ]);
    // The tombstone holds a hash of the id, never the id itself.
    expect(await count('erased_customers WHERE id_hash = $1', [sha256('cus_erase')])).toBe(1);
    expect(await count("erased_customers WHERE id_hash LIKE '%cus_erase%'", [])).toBe(0);
  });

  it('does not bring the customer back on the next catalog import, and keeps their orders anonymous', async () => {
    const summary = await importRecords(
      [customer('cus_erase', 'Erik')],
      [
        order('PR-ERS-1', 'cus_erase'),
        order('PR-ERS-1', 'cus_erase', { status: 'delivered', deliveredAt: '2026-09-05T09:00:00Z' }),
        order('PR-ERS-2', 'cus_erase', { placedAt: '2026-10-01T09:00:00Z' }),
      ],
    );
    expect(summary.errors).toEqual([]);
    expect(await count('customers WHERE id = $1 OR email = $2', ['cus_erase', 'cus_erase@example.com'])).toBe(0);

    const orders = await db.query(
      `SELECT id, customer_id, status, tracking_carrier, tracking_number, tracking_url, total_minor
       FROM orders WHERE id IN ('PR-ERS-1', 'PR-ERS-2') ORDER BY id`,
    );
    expect(orders.rows).toEqual([
      {
        id: 'PR-ERS-1',
        customer_id: null,
        status: 'delivered',
        tracking_carrier: 'DHL',
        tracking_number: null,
        tracking_url: null,
        total_minor: 10_895,
      },
      {
        id: 'PR-ERS-2',
        customer_id: null,
        status: 'shipped',
        tracking_carrier: 'DHL',
        tracking_number: null,
        tracking_url: null,
        total_minor: 10_895,
      },
    ]);
    expect(await count('order_lines WHERE order_id = $1', ['PR-ERS-2'])).toBe(2);
    const held = `orders o WHERE o.id IN ('PR-ERS-1', 'PR-ERS-2') AND (o.shipping_address IS NOT NULL
      OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.tracking_number IS NOT NULL)
      OR EXISTS (SELECT 1 FROM order_payments p WHERE p.order_id = o.id AND p.payment_method_id <> 'erased'))`;
    expect(await count(held, [])).toBe(0);

    const signIn = await newSession(app.url, signedIn('cus_erase'));
    expect(signIn.status).toBe(401);
    expect((await exportOf('cus_erase')).status).toBe(404);
  });
});
