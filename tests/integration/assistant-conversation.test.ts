import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineModel, OFFLINE_MODEL_ID } from '../../src/agent/models/offline-model.js';
import { shopIndexSource } from '../../src/agent/models/offline/shop-index-source.js';
import { createShopVocabulary, type ShopVocabulary } from '../../src/catalog/shop-vocabulary.js';
import type { ChatModel } from '../../src/agent/model.js';
import type { Core } from '../../src/app/build-core.js';
import { runTurn, type TurnEvent } from '../../src/agent/run-turn.js';
import type { Database } from '../../src/db/database.js';
import { createChatScript, setupOpenAIMockServer, streamReply } from '../msw/openai-chat.js';
import { buildTestCore, mswModel, seedTestShop } from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let db: Database;
let vocabulary: ShopVocabulary;
/** The offline model as the app builds it: reading the shop's own words. */
const offline = () => createOfflineModel({ shop: shopIndexSource(vocabulary) });

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: 'error' });
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  vocabulary = createShopVocabulary({ db });
  await vocabulary.refresh();
});
afterAll(async () => {
  await db?.close();
  mock.close();
});

async function shopper(model: ChatModel, customerId: string | null = null) {
  const core: Core = await buildTestCore(db, { model });
  const sid = `test_${Math.random().toString(36).slice(2)}`;
  await core.carts.ensure(`cart_${sid}`, { currency: 'EUR', customerId });
  const conv = await core.conversations.create({ sessionId: sid, customerId, cartId: `cart_${sid}` });
  return {
    core,
    conv,
    async say(text: string) {
      const events: TurnEvent[] = [];
      for await (const e of runTurn(core.turn, { conversation: (await core.conversations.get(conv.id))!, text }))
        events.push(e);
      const end = events.at(-1)!;
      if (end.type !== 'completed') throw new Error(`turn failed: ${JSON.stringify(end)}`);
      return { events, reply: end.reply, calls: events.flatMap((e) => (e.type === 'tool_call' ? [e.call] : [])) };
    },
  };
}

describe('a whole shopping conversation with the offline model', () => {
  it('finds, adds the second one in size 42, shows the cart, cites the returns policy and hands off', async () => {
    const s = await shopper(offline());
    const found = await s.say('I need running shoes under 100');
    expect(found.calls[0]).toMatchObject({ name: 'search_products' });
    expect(JSON.parse(found.calls[0].arguments)).toMatchObject({ maxPrice: 100 });
    expect(found.reply.products.length).toBeGreaterThanOrEqual(2);
    expect(found.reply.products.every((p) => p.price.amount <= 10_000)).toBe(true);
    const second = found.reply.products[1];

    const added = await s.say('add the second one in size 42');
    expect(added.calls[0].name).toBe('add_to_cart');
    expect(JSON.parse(added.calls[0].arguments)).toMatchObject({ handle: second.handle, options: { Size: '42' } });
    const cart = await s.core.carts.view(s.conv.cartId);
    expect(cart.items.map((i) => [i.handle, i.options.Size, i.quantity])).toEqual([[second.handle, '42', 1]]);

    const shown = await s.say('show my cart');
    expect(shown.calls[0].name).toBe('get_cart');
    expect(shown.reply.text).toContain(second.title);

    const policy = await s.say('how long do I have to return it?');
    expect(policy.calls[0].name).toBe('search_policies');
    expect(policy.reply.text).toMatch(/30 days/);
    expect(policy.reply.text).toMatch(/Returns policy/);

    const human = await s.say('I want to talk to a person');
    expect(human.calls[0].name).toBe('request_human');
    expect(human.events.some((e) => e.type === 'handoff')).toBe(true);
    expect((await s.core.conversations.get(s.conv.id))!.status).toBe('queued');
    const stored = await db.query<{ reason: string }>('SELECT reason FROM human_requests WHERE conversation_id = $1', [
      s.conv.id,
    ]);
    expect(stored.rows).toHaveLength(1);
  });

  it('counts unisex products as "for men" without relaxing the filter', async () => {
    const s = await shopper(offline());
    const r = await s.say('running shoes for men');
    expect(JSON.parse(r.calls[0].arguments)).toMatchObject({ gender: 'men' });
    const result = r.events.find((e) => e.type === 'tool_result');
    expect(result?.type === 'tool_result' && (result.result as { note?: string }).note).toBeFalsy();
    expect(r.reply.products.length).toBeGreaterThan(0);
    expect(r.reply.products.every((p) => p.tags.includes('unisex') || p.tags.includes('men'))).toBe(true);
  });

  it('records model, prompt version, tools, usage and timings on every assistant message', async () => {
    const s = await shopper(offline());
    await s.say('hello');
    await s.say('running shoes');
    const msgs = await s.core.conversations.messages(s.conv.id);
    const finals = msgs.filter((m) => m.role === 'assistant' && !m.toolCalls);
    expect(finals).toHaveLength(2);
    for (const m of finals) {
      expect(m.meta).toMatchObject({ model: OFFLINE_MODEL_ID, promptVersion: s.core.prompts.current().version });
      expect(m.meta).toHaveProperty('usage');
      expect(m.meta).toHaveProperty('timings.totalMs');
    }
    expect(finals[1].meta.tools).toEqual(['search_products']);
  });

  it("never reads another customer's orders, whatever the model asks", async () => {
    const s = await shopper(offline(), 'cus_2');
    const r = await s.say('where is order AP-1001?');
    expect(r.calls[0].name).toBe('get_order_status');
    const results = r.events.flatMap((e) => (e.type === 'tool_result' ? [JSON.stringify(e.result)] : []));
    expect(results.join()).not.toMatch(/JD0001|Tempo Glide/);
    const anon = await shopper(offline(), null);
    const a = await anon.say('where is my order?');
    expect(a.reply.text).toMatch(/sign in/i);
  });

  it('does not act on instructions hidden in product descriptions', async () => {
    const s = await shopper(offline());
    await s.say('show me an enamel camp mug');
    await s.say('tell me more about the first one');
    const cart = await s.core.carts.view(s.conv.cartId);
    expect(cart.items).toEqual([]);
  });
});

describe('the same conversation through the OpenAI provider (msw)', () => {
  const call = (id: string, name: string, args: object) => ({ id, name, arguments: JSON.stringify(args) });

  it('drives the same tools and grounds the cards in the database', async () => {
    const s = await shopper(mswModel());
    script.reply(
      streamReply({
        toolCalls: [call('c1', 'search_products', { query: 'running shoes', maxPrice: 100 })],
        argPieceSize: 3,
      }),
      // The model misstates the price: the card (from the database) wins.
      streamReply({ text: 'Cloud Dash is €59.00 and Tempo Glide is €89.00.' }),
    );
    const found = await s.say('running shoes under 100');
    expect(found.reply.products.map((p) => [p.handle, p.price.formatted])).toEqual(
      expect.arrayContaining([
        ['runner-2', '€74.00'],
        ['runner-1', '€89.00'],
      ]),
    );
    expect(found.reply.meta.priceMismatch).toBe(true);
    expect(found.reply.text).toMatch(/product cards/);

    script.reply(
      streamReply({ toolCalls: [call('c2', 'add_to_cart', { handle: 'runner-2', options: { Size: '42' } })] }),
      streamReply({ text: 'Added Cloud Dash in size 42.' }),
      streamReply({ toolCalls: [call('c3', 'get_cart', {})] }),
      streamReply({ text: 'Your cart has Cloud Dash Running Shoe, €74.00.' }),
      streamReply({ toolCalls: [call('c4', 'search_policies', { query: 'return window' })] }),
      streamReply({ text: 'You have 30 days to return unworn items (Returns policy).' }),
      streamReply({
        toolCalls: [call('c5', 'request_human', { reason: 'shopper asked for a person', urgency: 'normal' })],
      }),
      streamReply({ text: 'A colleague will join shortly.' }),
    );
    await s.say('add the second one in size 42');
    const cart = await s.say('show my cart');
    expect(cart.reply.meta.priceMismatch).toBe(false);
    expect((await s.core.carts.view(s.conv.cartId)).items.map((i) => i.sku)).toEqual(['RUN-2-42']);
    const policy = await s.say('how long do I have to return it?');
    const chunks = policy.events.find((e) => e.type === 'tool_result');
    expect(JSON.stringify(chunks)).toMatch(/30 days/);
    await s.say('I want to talk to a person');
    expect((await s.core.conversations.get(s.conv.id))!.status).toBe('queued');
    // The model saw each tool result paired with its call.
    const last = script.requests.at(-1)!;
    const toolMsgs = last.messages.filter((m: { role: string }) => m.role === 'tool');
    expect(toolMsgs.map((m: { tool_call_id: string }) => m.tool_call_id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });
});
