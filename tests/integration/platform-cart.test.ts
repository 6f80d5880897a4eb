import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartPayload, PlatformCartAnswer, PlatformCartCommand } from '../../src/chat/protocol.js';
import type { Database } from '../../src/db/database.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { openTestDatabase } from '../helpers/test-database.js';
import {
  connectShopper,
  newSession,
  request,
  seedTestShop,
  startTestApp,
  waitFor,
  type ShopperClient,
} from '../helpers/test-app.js';

/** Platform variant ids of the test shop's variants, as a catalog sync would have stored them. */
const IDS: Record<string, string> = { 'SOCK-1': '4001', 'RUN-1-41': '4002', 'MUG-X': '4003' };
const CHECKOUT = 'https://shop.example/checkout';

let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  for (const [sku, id] of Object.entries(IDS)) {
    await db.query('UPDATE variants SET platform_id = $2 WHERE sku = $1', [sku, id]);
  }
  app = await startTestApp(db, { config: { shop: { name: 'Test Shop', currency: 'EUR', platform: 'shopify' } } });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/**
 * What the loader does on a Shopify page, over the real socket: it keeps the platform's cart (here
 * a map), applies the server's commands to it the way the AJAX Cart API would, refusing more than
 * the shop has, and answers with the cart as it then is.
 */
function actAsShopPage(socket: ShopperClient, stock: Record<string, number>) {
  const lines = new Map<string, number>();
  const commands: PlatformCartCommand[] = [];
  const report = () => ({
    platform: 'shopify' as const,
    lines: [...lines].map(([variantId, quantity]) => ({ variantId, quantity })),
    checkoutUrl: CHECKOUT,
  });
  socket.on('cart:command', (command, ack: (a: PlatformCartAnswer) => void) => {
    commands.push(command);
    if (command.op === 'read') return ack({ ok: true, data: report() });
    const wanted = command.op === 'add' ? (lines.get(command.variantId) ?? 0) + command.quantity : command.quantity;
    if (wanted > (stock[command.variantId] ?? 0)) {
      return ack({ ok: false, error: { code: 'platform:unavailable', message: 'All 1 of that item are sold out.' } });
    }
    if (wanted === 0) lines.delete(command.variantId);
    else lines.set(command.variantId, wanted);
    ack({ ok: true, data: report() });
  });
  return { lines, commands, report };
}

async function shopperOnShopPage(stock: Record<string, number> = { 4001: 10, 4002: 5, 4003: 0 }) {
  const s = await newSession(app.url);
  const shopper = await connectShopper(app.url, s.body.token);
  const joined = await request<{ cartPlatform: string | null }>(shopper.socket, 'conversation:join', {
    conversationId: s.body.conversationId,
  });
  const page = actAsShopPage(shopper.socket, stock);
  return { ...shopper, conversationId: s.body.conversationId, page, joined: joined.data! };
}

describe('a Shopify shop: the assistant, the shopper and agents change the platform’s own cart', () => {
  it('tells the page whose cart it is, and mirrors what the page reports (the theme added an item)', async () => {
    const shopper = await shopperOnShopPage();
    expect(shopper.joined.cartPlatform).toBe('shopify');
    shopper.page.lines.set('4002', 1);
    const synced = await request<CartPayload>(shopper.socket, 'cart:sync', { cart: shopper.page.report() });
    expect(synced.data!.items.map((i) => [i.sku, i.quantity])).toEqual([['RUN-1-41', 1]]);
    expect(synced.data!.checkoutUrl).toBe(CHECKOUT);
    // The conversation hears of it, so the console's shared cart shows the theme's change.
    await waitFor(() =>
      shopper.events.find((e) => e.type === 'cart.updated' && e.cart.items.some((i) => i.sku === 'RUN-1-41')),
    );
    shopper.socket.close();
  });

  it('applies the assistant’s add to the platform’s cart, then shows the cart the platform reports', async () => {
    const shopper = await shopperOnShopPage();
    await request(shopper.socket, 'cart:sync', { cart: shopper.page.report() });
    await request(shopper.socket, 'message:send', {
      conversationId: shopper.conversationId,
      clientMessageId: 'platform-add-1',
      text: 'add the merino running socks to my cart',
    });
    const updated = await waitFor(() =>
      shopper.events.find((e) => e.type === 'cart.updated' && e.actor === 'assistant' && e.cart.items.length > 0),
    );
    expect(shopper.page.commands).toContainEqual({ op: 'add', variantId: '4001', quantity: 1 });
    expect([...shopper.page.lines]).toEqual([['4001', 1]]);
    if (updated.type === 'cart.updated') expect(updated.cart.items.map((i) => i.sku)).toEqual(['SOCK-1']);
    shopper.socket.close();
  });

  it('reports a variant the platform has sold out as out of stock and adds nothing', async () => {
    const shopper = await shopperOnShopPage();
    await request(shopper.socket, 'cart:sync', { cart: shopper.page.report() });
    const added = await request<CartPayload>(shopper.socket, 'cart:add', { sku: 'MUG-X', quantity: 1 });
    expect(added.ok).toBe(false);
    expect(added.error).toMatchObject({ code: 'cart:out_of_stock', message: 'All 1 of that item are sold out.' });
    expect(shopper.page.lines.size).toBe(0);
    const cart = await request<CartPayload>(shopper.socket, 'cart:sync', { cart: shopper.page.report() });
    expect(cart.data!.items).toEqual([]);
    shopper.socket.close();
  });

  it('sends an agent’s quantity change from the console to the shopper’s page', async () => {
    const shopper = await shopperOnShopPage();
    shopper.page.lines.set('4001', 1);
    await request(shopper.socket, 'cart:sync', { cart: shopper.page.report() });
    const token = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
    const agent = await connectAgent(app.url, token);
    const set = await ask<CartPayload>(agent.socket, 'cart:set', {
      conversationId: shopper.conversationId,
      sku: 'SOCK-1',
      quantity: 3,
    });
    expect(set.data!.items.map((i) => [i.sku, i.quantity])).toEqual([['SOCK-1', 3]]);
    expect([...shopper.page.lines]).toEqual([['4001', 3]]);
    const history = await app.services.carts.history(set.data!.id);
    expect(history.at(-1)).toMatchObject({ actor: 'agent', actorId: 'alex@example.com', action: 'set', quantity: 3 });
    agent.socket.close();
    shopper.socket.close();
  });

  it('says the cart cannot be changed when no page of the shop is open, and changes nothing', async () => {
    const shopper = await shopperOnShopPage();
    shopper.page.lines.set('4001', 1);
    const synced = await request<CartPayload>(shopper.socket, 'cart:sync', { cart: shopper.page.report() });
    shopper.socket.close();
    const token = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
    const agent = await connectAgent(app.url, token);
    const set = await ask(agent.socket, 'cart:set', {
      conversationId: shopper.conversationId,
      sku: 'SOCK-1',
      quantity: 2,
    });
    expect(set.error?.code).toBe('cart:unreachable');
    expect((await app.services.carts.view(synced.data!.id)).items.map((i) => i.quantity)).toEqual([1]);
    agent.socket.close();
  });

  it('refuses a report that is not a platform cart', async () => {
    const shopper = await shopperOnShopPage();
    const bad = await request(shopper.socket, 'cart:sync', {
      cart: { platform: 'shopify', lines: [{ variantId: '<img>', quantity: 1 }], checkoutUrl: 'javascript:alert(1)' },
    });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('socket:bad_payload');
    shopper.socket.close();
  });
});
