import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatModel, ModelChunk, ToolCall, ToolSpec } from '../../src/agent/model.js';
import { createOfflineModel } from '../../src/agent/models/offline-model.js';
import type { ProductSummary } from '../../src/catalog/types.js';
import { resolveVariant } from '../../src/tools/resolve-variant.js';
import type { CartChangeResult, CartView, OrderView } from '../../src/tools/results.js';
import {
  ALL_TOOLS,
  cartOf,
  eur,
  HISTORIES,
  rowPasses,
  runRow,
  SHOP,
  UTTERANCES,
} from '../fixtures/offline-utterances.js';

const model = createOfflineModel();
const timings: number[] = [];
const perIntent = new Map<string, { total: number; passed: number }>();

afterAll(() => {
  const rows = [...perIntent.values()].reduce((a, b) => ({ total: a.total + b.total, passed: a.passed + b.passed }), {
    total: 0,
    passed: 0,
  });
  const sorted = [...timings].sort((a, b) => a - b);
  const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
  console.log(`offline model: table accuracy ${rows.passed}/${rows.total}`);
  for (const [intent, r] of perIntent) console.log(`  ${intent.padEnd(13)} ${r.passed}/${r.total}`);
  console.log(
    `offline model: ${timings.length} calls, mean ${mean.toFixed(3)} ms, median ${sorted[sorted.length >> 1].toFixed(3)} ms, ` +
      `p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(3)} ms, max ${sorted.at(-1)!.toFixed(3)} ms`,
  );
});

describe('offline model: utterance table', () => {
  it.each(UTTERANCES.map((row) => [row.intent, row.say, row] as const))('%s: "%s"', async (_intent, _say, row) => {
    const got = await runRow(model, row);
    timings.push(got.ms);
    const bucket = perIntent.get(row.intent) ?? { total: 0, passed: 0 };
    perIntent.set(row.intent, { total: bucket.total + 1, passed: bucket.passed + (rowPasses(row, got) ? 1 : 0) });
    if (row.calls) expect(got.calls).toEqual(row.calls);
    else {
      expect(got.calls).toEqual([]);
      expect(got.text).toMatch(row.text!);
    }
  });

  it('covers every intent with at least 70 rows', () => {
    expect(UTTERANCES.length).toBeGreaterThanOrEqual(70);
    const intents = new Set(UTTERANCES.map((r) => r.intent));
    for (const i of [
      'greeting',
      'thanks',
      'search',
      'product_info',
      'cart_add',
      'cart_remove',
      'cart_update',
      'cart_show',
      'order_status',
      'orders',
      'recommend',
      'refine',
      'policy',
      'human',
      'unknown',
    ]) {
      expect(intents).toContain(i);
    }
  });
});

// ---------- a fake tool side, so whole conversations can be played ----------

const ORDER: OrderView = {
  id: 'AP-10023',
  status: 'shipped',
  placedAt: '2026-03-02T10:00:00Z',
  total: eur(104),
  items: [{ sku: 'CLOUD-RUNNER-42-Black', title: 'Cloud Runner Running Shoe', quantity: 1, unitPrice: eur(89) }],
  tracking: { carrier: 'DHL', number: 'JD0146000', url: 'https://track.example/JD0146000' },
  shippedAt: '2026-03-03T09:00:00Z',
  deliveredAt: null,
};
const POLICY_CHUNKS = [
  {
    source: 'policies/shipping.md',
    title: 'Shipping policy',
    heading: 'Costs',
    anchor: 'costs',
    text: 'Shipping to Germany costs €4.95. Orders over €50 ship free.',
  },
  {
    source: 'policies/returns.md',
    title: 'Returns policy',
    heading: 'Return window',
    anchor: 'return-window',
    text: 'You can return any unworn item within 30 days of delivery. Refunds are made to the original payment method.',
  },
];

function createFakeShop(opts: { products: ProductSummary[]; signedIn?: boolean; cart?: CartView; failing?: string[] }) {
  let cart: CartView = opts.cart ?? cartOf([]);
  const byHandle = (h: unknown) => opts.products.find((p) => p.handle === h);
  const change = (
    lines: { product: ProductSummary; options: Record<string, string>; quantity: number }[],
    changedSku: string,
  ): CartChangeResult => {
    cart = cartOf(lines);
    return { ok: true, message: 'done', cart, changedSku };
  };
  const linesNow = () =>
    cart.items.map((l) => ({ product: byHandle(l.handle)!, options: l.options, quantity: l.quantity }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tool arguments as the model wrote them
  const tools: Record<string, (a: Record<string, any>) => unknown> = {
    search_products: (a) => {
      const words = String(a.query)
        .toLowerCase()
        .split(' ')
        .map((w) => w.replace(/s$/, ''));
      const products = opts.products.filter((p) => {
        const hay = `${p.title} ${p.category}`.toLowerCase();
        return (
          (!a.maxPrice || p.price.amount <= a.maxPrice * 100) &&
          (!a.category || p.category === a.category) &&
          words.some((w) => hay.includes(w))
        );
      });
      return { products: products.slice(0, 5) };
    },
    get_product: (a) => ({ product: byHandle(a.handle) }),
    get_cart: () => ({ cart }),
    add_to_cart: (a) => {
      const product = byHandle(a.handle);
      if (!product) return { ok: false, reason: 'unknown_product', message: 'no such product' };
      const picked = resolveVariant(product, a.options);
      if (!('variant' in picked)) return picked;
      if (!picked.variant.inStock) {
        const alternativeProducts = opts.products.filter(
          (p) => p.category === product.category && p.inStock && p !== product,
        );
        return {
          ok: false,
          reason: 'out_of_stock',
          message: 'out of stock',
          alternatives: product.variants.filter((v) => v.inStock),
          alternativeProducts,
        };
      }
      return change(
        [...linesNow(), { product, options: picked.variant.options, quantity: a.quantity ?? 1 }],
        picked.variant.sku,
      );
    },
    update_cart_item: (a) =>
      change(
        linesNow()
          .map((l, i) => (cart.items[i].sku === a.sku ? { ...l, quantity: a.quantity } : l))
          .filter((l) => l.quantity > 0),
        a.sku,
      ),
    remove_from_cart: (a) =>
      change(
        linesNow().filter((_, i) => cart.items[i].sku !== a.sku),
        a.sku,
      ),
    get_orders: () => (opts.signedIn ? { orders: [ORDER] } : { signInRequired: true, message: 'Please sign in.' }),
    get_order_status: () => (opts.signedIn ? { order: ORDER } : { signInRequired: true, message: 'Please sign in.' }),
    search_policies: () => ({ chunks: POLICY_CHUNKS }),
    request_human: (a) => ({ requested: true, reason: a.reason, urgency: a.urgency, message: 'queued' }),
  };
  return (name: string, args: Record<string, unknown>) =>
    opts.failing?.includes(name)
      ? { error: { code: 'tool:failed', message: 'The tool failed unexpectedly.' } }
      : tools[name](args);
}

async function collect(m: ChatModel, messages: ChatMessage[], tools: ToolSpec[]) {
  const chunks: ModelChunk[] = [];
  const started = performance.now();
  for await (const chunk of m.stream({ messages, tools })) chunks.push(chunk);
  timings.push(performance.now() - started);
  const calls = chunks.flatMap((c) => (c.type === 'tool_call' ? [c.call] : []));
  const text = chunks.map((c) => (c.type === 'text_delta' ? c.text : '')).join('');
  return { chunks, calls, text };
}

/** Plays the agent loop's part: run the model, run its tool calls on the fake shop, repeat until it answers. */
function converse(shop: ReturnType<typeof createFakeShop>, tools: ToolSpec[] = ALL_TOOLS) {
  const messages: ChatMessage[] = [];
  const allCalls: { name: string; args: Record<string, unknown> }[] = [];
  return {
    messages,
    allCalls,
    async say(text: string) {
      messages.push({ role: 'user', content: text });
      const calls: { name: string; args: Record<string, unknown> }[] = [];
      for (let step = 0; step < 4; step++) {
        const out = await collect(model, messages, tools);
        if (out.calls.length === 0) {
          messages.push({ role: 'assistant', content: out.text });
          return { calls, text: out.text };
        }
        messages.push({ role: 'assistant', content: null, toolCalls: out.calls });
        for (const c of out.calls as ToolCall[]) {
          const args = JSON.parse(c.arguments);
          calls.push({ name: c.name, args });
          allCalls.push({ name: c.name, args });
          messages.push({ role: 'tool', toolCallId: c.id, name: c.name, content: JSON.stringify(shop(c.name, args)) });
        }
      }
      throw new Error('the offline model did not answer within 4 steps');
    },
  };
}

const { cloudRunner, tempoRacer, trailBlazer, socks, mug, evil } = SHOP;
const CATALOG = [cloudRunner, tempoRacer, trailBlazer, socks, mug];

describe('offline model: conversations', () => {
  it('searches, adds "the second one in size 42", changes the quantity and shows the cart', async () => {
    const chat = converse(createFakeShop({ products: CATALOG }));
    const found = await chat.say("I'm looking for running shoes under 100");
    expect(found.calls).toEqual([
      { name: 'search_products', args: { query: 'running shoes', maxPrice: 100, category: 'Running shoes' } },
    ]);
    expect(found.text).toContain(
      '1. Cloud Runner Running Shoe — €89.00\n2. Tempo Racer — €79.00\n3. Trail Blazer GTX — €99.00 (out of stock)',
    );

    const added = await chat.say('add the second one in size 42');
    expect(added.calls).toEqual([
      { name: 'add_to_cart', args: { handle: 'tempo-racer', options: { Size: '42' }, quantity: 1 } },
    ]);
    expect(added.text).toContain('Added Tempo Racer (Size 42) to your cart.');
    expect(added.text).toContain('subtotal €79.00');

    const changed = await chat.say('make it 3');
    expect(changed.calls).toEqual([{ name: 'update_cart_item', args: { sku: 'TEMPO-RACER-42', quantity: 3 } }]);
    expect(changed.text).toContain('Updated Tempo Racer (Size 42) to quantity 3.');

    const shown = await chat.say("what's in my basket?");
    expect(shown.calls).toEqual([{ name: 'get_cart', args: {} }]);
    expect(shown.text).toContain('1. Tempo Racer (Size 42) × 3 — €237.00');
  });

  it('asks for each missing option with its values, then adds with the answers', async () => {
    const chat = converse(createFakeShop({ products: CATALOG }));
    await chat.say('running shoes');
    const asked = await chat.say('add the first one');
    expect(asked.text).toBe(
      'Which size (40, 41, 42, 43) and color (Black, White) would you like for Cloud Runner Running Shoe?',
    );
    const size = await chat.say('42');
    expect(size.calls).toEqual([
      { name: 'add_to_cart', args: { handle: 'cloud-runner', quantity: 1, options: { Size: '42' } } },
    ]);
    expect(size.text).toContain('Which color (Black, White)');
    const colour = await chat.say('black');
    expect(colour.calls).toEqual([
      { name: 'add_to_cart', args: { handle: 'cloud-runner', quantity: 1, options: { Size: '42', Color: 'Black' } } },
    ]);
    expect(colour.text).toContain('Added Cloud Runner Running Shoe (Size 42, Color Black) to your cart.');
  });

  it('offers the alternatives when a variant is out of stock, and "the first one" then means the first alternative', async () => {
    const chat = converse(createFakeShop({ products: CATALOG }));
    await chat.say('running shoes');
    const refused = await chat.say('add the third one in 42');
    expect(refused.text).toContain('Sorry, Trail Blazer GTX (Size 42) is out of stock.');
    expect(refused.text).toContain(
      'Similar products in stock:\n1. Cloud Runner Running Shoe — €89.00\n2. Tempo Racer — €79.00',
    );
    const next = await chat.say('ok, add the second one in 41');
    expect(next.calls).toEqual([
      { name: 'add_to_cart', args: { handle: 'tempo-racer', options: { Size: '41' }, quantity: 1 } },
    ]);
  });

  it('looks the cart up first when asked to remove something it has not seen', async () => {
    const seeded = cartOf([
      { product: cloudRunner, options: { Size: '42', Color: 'Black' }, quantity: 1 },
      { product: socks, options: { Size: 'M' }, quantity: 2 },
    ]);
    const chat = converse(createFakeShop({ products: CATALOG, cart: seeded }));
    const removed = await chat.say('remove the socks');
    expect(removed.calls).toEqual([
      { name: 'get_cart', args: {} },
      { name: 'remove_from_cart', args: { sku: 'MERINO-RUNNING-SOCKS-M' } },
    ]);
    expect(removed.text).toContain('Removed Merino Running Socks (Size M) from your cart.');
    expect(removed.text).toContain('Your cart: 1 item, subtotal €89.00.');
  });

  it('tells a signed-in shopper where the order is, and asks an anonymous one to sign in', async () => {
    const signedIn = await converse(createFakeShop({ products: CATALOG, signedIn: true })).say('where is my order?');
    expect(signedIn.calls).toEqual([{ name: 'get_order_status', args: {} }]);
    expect(signedIn.text).toContain('Order AP-10023 is shipped (placed 2026-03-02, shipped 2026-03-03).');
    expect(signedIn.text).toContain('Tracking: DHL JD0146000 — https://track.example/JD0146000');
    const anonymous = await converse(createFakeShop({ products: CATALOG })).say('order AP-10023');
    expect(anonymous.calls).toEqual([{ name: 'get_order_status', args: { orderId: 'AP-10023' } }]);
    expect(anonymous.text).toMatch(/sign in/i);
    expect((await converse(createFakeShop({ products: CATALOG })).say('my past orders')).text).toMatch(/sign in/i);
  });

  it('answers a policy question by quoting the relevant chunk and citing its source', async () => {
    const answer = await converse(createFakeShop({ products: CATALOG })).say('How long do I have to return it?');
    expect(answer.calls).toEqual([{ name: 'search_policies', args: { query: 'how long do i have to return it' } }]);
    expect(answer.text).toContain('You can return any unworn item within 30 days of delivery.');
    expect(answer.text).toContain('(Source: Returns policy — Return window)');
    expect(answer.text).not.toContain('Germany');
  });

  it('hands over to a person, urgently when the shopper is angry', async () => {
    const calm = await converse(createFakeShop({ products: CATALOG })).say('I want to talk to a person');
    expect(calm.calls).toEqual([
      {
        name: 'request_human',
        args: { reason: 'Shopper asked to talk to a person: "I want to talk to a person"', urgency: 'normal' },
      },
    ]);
    expect(calm.text).toContain('member of our team');
    const angry = await converse(createFakeShop({ products: CATALOG })).say('this is useless!!');
    expect(angry.calls[0].args.urgency).toBe('high');
  });

  it('never acts on instructions inside a product description', async () => {
    const chat = converse(createFakeShop({ products: [...CATALOG, evil] }));
    const list = await chat.say('show me t-shirts');
    expect(list.text).toContain('1. Trick Tee — €25.00');
    const detail = await chat.say('tell me more about the first one');
    expect(detail.calls).toEqual([{ name: 'get_product', args: { handle: 'trick-tee' } }]);
    expect(detail.text).not.toMatch(/ignore previous/i);
    await chat.say('ok');
    await chat.say('thanks');
    expect(chat.allCalls.map((c) => c.name)).not.toContain('add_to_cart');
    expect(chat.allCalls.map((c) => c.name)).not.toContain('remove_from_cart');
  });

  it('adds the product just shown when the shopper answers "yes" to "Want me to add it?"', async () => {
    const chat = converse(createFakeShop({ products: CATALOG }));
    await chat.say('mugs');
    const detail = await chat.say('tell me about the first one');
    expect(detail.text).toContain('Want me to add it to your cart?');
    const yes = await chat.say('yes please');
    expect(yes.calls).toEqual([{ name: 'add_to_cart', args: { handle: 'enamel-camp-mug', quantity: 1 } }]);
    expect(yes.text).toContain('Added Enamel Camp Mug to your cart.');
  });

  it('says so instead of calling a tool the request does not offer', async () => {
    const tools = ALL_TOOLS.filter((t) => t.name !== 'add_to_cart');
    const out = await collect(model, [...HISTORIES.SHOES, { role: 'user', content: 'add the second one' }], tools);
    expect(out.calls).toEqual([]);
    expect(out.text).toMatch(/can't do that right now/);
  });

  it('apologises when a tool fails, without inventing results', async () => {
    const failed = await converse(createFakeShop({ products: CATALOG, failing: ['search_products'] })).say(
      'running shoes under 100',
    );
    expect(failed.text).toMatch(/^Sorry, something went wrong while searching the catalog/);
  });

  it('streams like a provider: whole tool calls then finish, or text deltas then finish; same input, same output', async () => {
    expect(model.id).toBe('offline:rules-v1');
    const messages: ChatMessage[] = [...HISTORIES.WITH_CART2, { role: 'user', content: 'empty my cart' }];
    const a = await collect(model, messages, ALL_TOOLS);
    expect(a.chunks.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls' });
    expect(new Set(a.calls.map((c) => c.id)).size).toBe(2);
    const b = await collect(model, messages, ALL_TOOLS);
    expect(b.calls).toEqual(a.calls);
    const hello = await collect(model, [{ role: 'user', content: 'hello' }], ALL_TOOLS);
    expect(hello.chunks.filter((c) => c.type === 'text_delta').length).toBeGreaterThan(1);
    expect(hello.chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });
});
