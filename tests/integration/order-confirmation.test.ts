import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent, PendingActionPayload } from '../../src/chat/protocol.js';
import type { Database } from '../../src/db/database.js';
import { createChatScript, LOCAL_SERVER_ONLY, setupOpenAIMockServer, streamReply } from '../msw/openai-chat.js';
import { openTestDatabase } from '../helpers/test-database.js';
import {
  connectShopper,
  mswModel,
  newSession,
  request,
  seedTestShop,
  settledEvents,
  signedIn,
  startTestApp,
  waitFor,
} from '../helpers/test-app.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
let orderNo = 0;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  await db.query(
    `INSERT INTO payment_methods (customer_id, id, kind, brand, last4) VALUES ('cus_1', 'card_1', 'credit_card', 'Visa', '4242')`,
  );
  app = await startTestApp(db, { model: mswModel() });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  mock.close();
});

async function pendingOrder(): Promise<string> {
  const id = `AP-2${String(++orderNo).padStart(4, '0')}`;
  await db.query(
    `INSERT INTO orders (id, customer_id, status, placed_at, currency, subtotal_minor, total_minor, content_hash)
     VALUES ($1, 'cus_1', 'pending', now(), 'EUR', 4500, 4500, 'test')`,
    [id],
  );
  await db.query(
    `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor) VALUES ($1, 1, 'SOCK-1', 'Merino Running Socks', 3, 1500)`,
    [id],
  );
  await db.query(
    `INSERT INTO order_payments (order_id, seq, kind, amount_minor, currency, payment_method_id) VALUES ($1, 1, 'payment', 4500, 'EUR', 'card_1')`,
    [id],
  );
  return id;
}

const statusOf = async (id: string) =>
  (await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [id])).rows[0].status;

/** The assistant asks to cancel `orderId`: one tool call, then its words. */
function modelAsksToCancel(orderId: string) {
  script.reply(
    streamReply({
      toolCalls: [
        { id: 'c1', name: 'cancel_order', arguments: JSON.stringify({ orderId, reason: 'no longer needed' }) },
      ],
    }),
    streamReply({ text: 'Here is the cancellation: please confirm.' }),
  );
}

async function shopperAskingToCancel(body: Record<string, unknown>) {
  const s = await newSession(app.url, body);
  const shopper = await connectShopper(app.url, s.body.token);
  await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId });
  const orderId = await pendingOrder();
  modelAsksToCancel(orderId);
  await request(shopper.socket, 'message:send', {
    conversationId: s.body.conversationId,
    clientMessageId: `cancel-${orderId}`,
    text: `cancel order ${orderId}, I don't need it any more`,
  });
  const completed = await waitFor(() =>
    shopper.events.find(
      (e): e is Extract<ConversationEvent, { type: 'message.completed' }> => e.type === 'message.completed',
    ),
  );
  return { ...shopper, token: s.body.token, conversationId: s.body.conversationId, orderId, completed };
}

describe('order changes run only on the shopper’s confirmation', () => {
  it('shows the change for confirmation, runs it once on Confirm, and says what was refunded', async () => {
    const shopper = await shopperAskingToCancel(signedIn('cus_1'));
    const action = shopper.completed.pendingAction!;
    expect(action).toMatchObject({ kind: 'cancel_order', status: 'pending' });
    expect(action.summary).toContain('Refund €45.00 to Visa ending 4242');
    expect(await statusOf(shopper.orderId)).toBe('pending');

    const payload = { conversationId: shopper.conversationId, actionId: action.id };
    const [first, second] = await Promise.all([
      request<PendingActionPayload>(shopper.socket, 'action:confirm', payload),
      request<PendingActionPayload>(shopper.socket, 'action:confirm', payload),
    ]);
    expect(first.data!.status).toBe('done');
    expect(second.data).toEqual(first.data);
    expect(await statusOf(shopper.orderId)).toBe('cancelled');
    const refunds = await db.query(`SELECT amount_minor FROM order_payments WHERE order_id = $1 AND kind = 'refund'`, [
      shopper.orderId,
    ]);
    expect(refunds.rows).toEqual([{ amount_minor: 4500 }]);
    const told = await waitFor(() =>
      shopper.events.find(
        (e) => e.type === 'message.completed' && e.text.startsWith(`Order ${shopper.orderId} is cancelled`),
      ),
    );
    expect(told.type === 'message.completed' && told.text).toContain('Refunded €45.00 to Visa ending 4242');
    shopper.socket.close();
  });

  it('takes a plain "yes" in the REST channel as the confirmation, without asking the model', async () => {
    const shopper = await shopperAskingToCancel(signedIn('cus_1'));
    const res = await fetch(`${app.url}/api/conversations/${shopper.conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${shopper.token}` },
      body: JSON.stringify({ text: 'Yes please!' }),
    });
    const body = (await res.json()) as { messages: { role: string; text: string }[] };
    expect(body.messages.at(-1)).toMatchObject({ role: 'assistant', text: expect.stringContaining('is cancelled') });
    expect(await statusOf(shopper.orderId)).toBe('cancelled');
    shopper.socket.close();
  });

  it('leaves a "yes" sent while the assistant is still answering to that answer, not to the waiting change', async () => {
    const shopper = await shopperAskingToCancel(signedIn('cus_1'));
    script.reply(streamReply({ text: 'one two three four five six seven eight nine ten' }, { delayMs: 40 }));
    script.reply(streamReply({ text: 'Good, glad that helps.' }));
    await request(shopper.socket, 'message:send', {
      conversationId: shopper.conversationId,
      clientMessageId: 'busy-question',
      text: 'and how long does a refund take?',
    });
    await waitFor(() => shopper.events.some((e) => e.type === 'message.delta'));
    const yes = await request<{ queued: boolean }>(shopper.socket, 'message:send', {
      conversationId: shopper.conversationId,
      clientMessageId: 'busy-yes',
      text: 'yes',
    });
    expect(yes.data?.queued).toBe(true);
    await settledEvents(db, shopper.conversationId);
    expect(await statusOf(shopper.orderId)).toBe('pending');
    expect(script.pending).toBe(0);
    shopper.socket.close();
  });

  it('cancels on "no" and changes nothing', async () => {
    const shopper = await shopperAskingToCancel(signedIn('cus_1'));
    await request(shopper.socket, 'message:send', {
      conversationId: shopper.conversationId,
      clientMessageId: `decline-${shopper.orderId}`,
      text: 'no',
    });
    await waitFor(() => shopper.events.find((e) => e.type === 'action.updated' && e.action.status === 'cancelled'));
    expect(await statusOf(shopper.orderId)).toBe('pending');
    shopper.socket.close();
  });

  it('gives an anonymous shopper nothing to confirm, and another session cannot confirm', async () => {
    const anon = await shopperAskingToCancel({});
    expect(anon.completed.pendingAction ?? null).toBeNull();
    anon.socket.close();

    const owner = await shopperAskingToCancel(signedIn('cus_1'));
    const res = await fetch(
      `${app.url}/api/conversations/${owner.conversationId}/actions/${owner.completed.pendingAction!.id}/confirm`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${(await newSession(app.url, signedIn('cus_1'))).body.token}` },
      },
    );
    expect(res.status).toBe(404);
    expect(await statusOf(owner.orderId)).toBe('pending');
    owner.socket.close();
  });
});

describe('with nothing configured (the offline model)', () => {
  let offline: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    offline = await startTestApp(db);
  });
  afterAll(async () => {
    await offline?.close();
  });

  it('prepares "cancel my order …", and the shopper’s "yes" cancels it with the refund said', async () => {
    const s = await newSession(offline.url, signedIn('cus_1'));
    const shopper = await connectShopper(offline.url, s.body.token);
    await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId });
    const orderId = await pendingOrder();
    const say = (text: string, id: string) =>
      request(shopper.socket, 'message:send', { conversationId: s.body.conversationId, clientMessageId: id, text });
    await say(`I'd like to cancel my order ${orderId}, I ordered it by mistake`, `offline-cancel-${orderId}`);
    const asked = await waitFor(() =>
      shopper.events.find(
        (e): e is Extract<ConversationEvent, { type: 'message.completed' }> =>
          e.type === 'message.completed' && !!e.pendingAction,
      ),
    );
    expect(asked.pendingAction!.summary).toBe(
      `Cancel order ${orderId} (reason: ordered by mistake). Refund €45.00 to Visa ending 4242.`,
    );
    expect(await statusOf(orderId)).toBe('pending');
    await say('yes', `offline-yes-${orderId}`);
    await waitFor(() =>
      shopper.events.find((e) => e.type === 'message.completed' && e.text.includes(`Order ${orderId} is cancelled`)),
    );
    expect(await statusOf(orderId)).toBe('cancelled');
    shopper.socket.close();
  });

  it('refuses to return an order delivered outside the window, citing the policy, and changes nothing', async () => {
    const orderId = await pendingOrder();
    await db.query(`UPDATE orders SET status = 'delivered', delivered_at = now() - interval '45 days' WHERE id = $1`, [
      orderId,
    ]);
    const s = await newSession(offline.url, signedIn('cus_1'));
    const res = await fetch(`${offline.url}/api/conversations/${s.body.conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.body.token}` },
      body: JSON.stringify({ text: `I want to return order ${orderId}` }),
    });
    const body = (await res.json()) as { messages: { role: string; text: string; pendingAction?: unknown }[] };
    const reply = body.messages.at(-1)!;
    expect(reply.text).toMatch(/more than 30 days ago: returns and exchanges are accepted within 30 days of delivery/);
    expect(reply.text).toContain('(Orders, returns and exchanges)');
    expect(reply.pendingAction).toBeUndefined();
    expect(await statusOf(orderId)).toBe('delivered');
  });

  it('reads "change the address of my order … to …" and the shopper’s "yes" changes it', async () => {
    const orderId = await pendingOrder();
    const s = await newSession(offline.url, signedIn('cus_1'));
    const send = async (text: string) => {
      const res = await fetch(`${offline.url}/api/conversations/${s.body.conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.body.token}` },
        body: JSON.stringify({ text }),
      });
      const body = (await res.json()) as { messages: { text: string; pendingAction?: { summary: string } }[] };
      return body.messages.at(-1)!;
    };
    const asked = await send(`please change the address of my order ${orderId} to 12 Baker Street, London NW1 6XE, UK`);
    expect(asked.pendingAction?.summary).toBe(`Ship order ${orderId} to 12 Baker Street, NW1 6XE London, GB.`);
    const address = async () =>
      (await db.query<{ a: unknown }>('SELECT shipping_address AS a FROM orders WHERE id = $1', [orderId])).rows[0].a;
    expect(await address()).toBeNull();
    const done = await send('yes');
    expect(done.text).toBe(`Order ${orderId} will ship to 12 Baker Street, NW1 6XE London, GB.`);
    expect(await address()).toMatchObject({ line1: '12 Baker Street', city: 'London', postalCode: 'NW1 6XE' });
  });
});

describe('a Persian shopper (the offline model)', () => {
  let offline: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    offline = await startTestApp(db);
  });
  afterAll(async () => {
    await offline?.close();
  });

  /** Without the direction marks Intl puts around Persian money. */
  const plain = (text: string) => text.replace(/[\u200e\u200f]/g, '');

  async function persianShopper() {
    const s = await newSession(offline.url, signedIn('cus_1'));
    const shopper = await connectShopper(offline.url, s.body.token);
    await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId });
    let sent = 0;
    /** Sends a message and waits for the assistant's reply to it. */
    const say = async (text: string) => {
      const before = shopper.events.filter((e) => e.type === 'message.completed').length;
      await request(shopper.socket, 'message:send', {
        conversationId: s.body.conversationId,
        clientMessageId: `fa-${s.body.conversationId}-${++sent}`,
        text,
      });
      return waitFor(
        () =>
          shopper.events.filter(
            (e): e is Extract<ConversationEvent, { type: 'message.completed' }> => e.type === 'message.completed',
          )[before],
      );
    };
    return { ...shopper, say };
  }

  it('asks to confirm a cancellation in Persian, and says in Persian what the "بله" did', async () => {
    const orderId = await pendingOrder();
    const shopper = await persianShopper();
    const asked = await shopper.say(`سفارش ${orderId} را لغو کن، اشتباهی سفارش دادم`);
    expect(asked.pendingAction).toMatchObject({ kind: 'cancel_order', status: 'pending' });
    expect(asked.pendingAction!.detail).toMatchObject({ kind: 'cancel_order', orderId, reason: 'ordered by mistake' });
    // The card's data says it in the widget's language; the English summary stays for API clients.
    expect(asked.pendingAction!.summary).toContain('Refund €45.00 to Visa ending 4242');
    expect(plain(asked.text)).toBe(
      `لغو سفارش ${orderId} (دلیل: اشتباهی سفارش داده شده). بازپرداخت: €۴۵٫۰۰ به کارت Visa با شمارهٔ پایانی 4242.` +
        '\n\nادامه بدهم؟ پایین تأیید کنید، یا فقط بگویید بله.',
    );
    expect(await statusOf(orderId)).toBe('pending');

    const done = await shopper.say('بله');
    expect(plain(done.text)).toBe(`سفارش ${orderId} لغو شد. بازپرداخت شد: €۴۵٫۰۰ به کارت Visa با شمارهٔ پایانی 4242.`);
    expect(await statusOf(orderId)).toBe('cancelled');
    const updated = shopper.events.find((e) => e.type === 'action.updated' && e.action.status === 'done');
    expect(updated?.type === 'action.updated' && updated.action.detail).toMatchObject({
      kind: 'cancel_order',
      orderId,
    });
    shopper.socket.close();
  });

  it('says in Persian, with Persian digits, why a return is refused, and changes nothing', async () => {
    const orderId = await pendingOrder();
    await db.query(`UPDATE orders SET status = 'delivered', delivered_at = now() - interval '45 days' WHERE id = $1`, [
      orderId,
    ]);
    const shopper = await persianShopper();
    const reply = await shopper.say(`میخوام سفارش ${orderId} رو پس بدم`);
    expect(reply.pendingAction ?? null).toBeNull();
    expect(reply.text).toContain(`سفارش ${orderId} در `);
    expect(reply.text).toContain('یعنی بیش از ۳۰ روز پیش؛ مرجوعی و تعویض فقط تا ۳۰ روز پس از تحویل پذیرفته می‌شود');
    expect(reply.text).toContain('(Orders, returns and exchanges)');
    expect(await statusOf(orderId)).toBe('delivered');
    shopper.socket.close();
  });

  it('says in Persian that nothing changed when the shopper says no', async () => {
    const orderId = await pendingOrder();
    const shopper = await persianShopper();
    const asked = await shopper.say(`سفارش ${orderId} را لغو کن، دیگه لازمش ندارم`);
    expect(asked.pendingAction?.status).toBe('pending');
    const declined = await shopper.say('نه');
    expect(declined.text).toBe('باشه، همه‌چیز را همان‌طور که بود گذاشتم: چیزی تغییر نکرد.');
    expect(await statusOf(orderId)).toBe('pending');
    shopper.socket.close();
  });
});
