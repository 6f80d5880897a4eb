import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { attributeOrder } from '../../src/platforms/attribution.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { seedTestShop } from '../helpers/test-app.js';

let db: Database;
const PLACED = '2026-11-20T12:00:00Z';
const daysBefore = (days: number) => new Date(Date.parse(PLACED) - days * 86_400_000).toISOString();

/** A conversation of the customer whose cart got one add of the SKU by the actor, that many days before the order. */
async function conversationWithAdd(id: string, customerId: string, add: { sku: string; actor: string; days: number }) {
  await db.query(`INSERT INTO carts (id, currency, customer_id) VALUES ($1, 'EUR', $2)`, [`cart_${id}`, customerId]);
  await db.query(
    `INSERT INTO conversations (id, session_id, customer_id, cart_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [id, `ses_${id}`, customerId, `cart_${id}`, daysBefore(add.days + 1)],
  );
  await db.query(
    `INSERT INTO cart_events (cart_id, actor, action, sku, quantity, cart_version, created_at)
     VALUES ($1, $2, 'add', $3, 1, 1, $4)`,
    [`cart_${id}`, add.actor, add.sku, daysBefore(add.days)],
  );
}

/** An order of the customer with one line of the SKU, placed at PLACED. */
async function orderOf(id: string, customerId: string, sku: string) {
  await db.query(
    `INSERT INTO orders (id, customer_id, status, placed_at, currency, subtotal_minor, total_minor, content_hash)
     VALUES ($1, $2, 'pending', $3, 'EUR', 8900, 8900, 'h')`,
    [id, customerId, PLACED],
  );
  await db.query(
    `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor) VALUES ($1, 1, $2, 'x', 1, 8900)`,
    [id, sku],
  );
}

const attribute = (orderId: string, customerId: string, conversationId: string | null = null, windowDays?: number) =>
  db.transaction((tx) => attributeOrder(tx, { orderId, customerId, placedAt: PLACED, conversationId }, windowDays));

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
});

afterAll(async () => {
  await db?.close();
});

describe('order attribution (7-day window by default)', () => {
  it('credits the conversation where the assistant added a variant of an ordered product within the window', async () => {
    await conversationWithAdd('conv_in', 'cus_1', { sku: 'RUN-1-41', actor: 'assistant', days: 6 });
    await orderOf('ORD-IN', 'cus_1', 'RUN-1-42');
    expect(await attribute('ORD-IN', 'cus_1')).toEqual({ conversationId: 'conv_in', source: 'customer' });
  });

  it('credits an agent add too, but neither a shopper add nor one outside the window', async () => {
    await conversationWithAdd('conv_agent', 'cus_2', { sku: 'RUN-2-42', actor: 'agent', days: 1 });
    await orderOf('ORD-AGENT', 'cus_2', 'RUN-2-42');
    expect(await attribute('ORD-AGENT', 'cus_2')).toEqual({ conversationId: 'conv_agent', source: 'customer' });

    await conversationWithAdd('conv_old', 'cus_2', { sku: 'RUN-3-42', actor: 'assistant', days: 8 });
    await conversationWithAdd('conv_self', 'cus_2', { sku: 'RUN-3-41', actor: 'shopper', days: 1 });
    await orderOf('ORD-OUT', 'cus_2', 'RUN-3-42');
    expect(await attribute('ORD-OUT', 'cus_2')).toBeNull();
    // A longer window (ATTRIBUTION_WINDOW_DAYS=9) reaches the older add.
    expect(await attribute('ORD-OUT', 'cus_2', null, 9)).toEqual({ conversationId: 'conv_old', source: 'customer' });
  });

  it("never credits another customer's conversation or other products", async () => {
    await orderOf('ORD-OTHER', 'cus_2', 'RUN-1-42');
    expect(await attribute('ORD-OTHER', 'cus_2')).toBeNull();
    await orderOf('ORD-SOCKS', 'cus_1', 'SOCK-1');
    expect(await attribute('ORD-SOCKS', 'cus_1')).toBeNull();
  });

  it('lets the cart attribute win over the window rule', async () => {
    await conversationWithAdd('conv_named', 'cus_1', { sku: 'MUG-X', actor: 'shopper', days: 30 });
    await orderOf('ORD-NAMED', 'cus_1', 'RUN-1-42');
    expect(await attribute('ORD-NAMED', 'cus_1', 'conv_named')).toEqual({
      conversationId: 'conv_named',
      source: 'cart',
    });
    const stored = await db.query('SELECT conversation_id FROM orders WHERE id = $1', ['ORD-NAMED']);
    expect(stored.rows[0]).toEqual({ conversation_id: 'conv_named' });
  });
});
