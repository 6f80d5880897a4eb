import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationStore } from '../../src/conversations/conversation-store.js';
import { createEventLog } from '../../src/conversations/event-log.js';
import type { Database } from '../../src/db/database.js';
import { applyHandoffRules } from '../../src/handoff/apply-handoff-rules.js';
import { parseBusinessHours } from '../../src/shared/business-hours.js';
import { createOwnership } from '../../src/conversations/ownership.js';
import { createCartStore } from '../../src/carts/cart-store.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { createLogger } from '../../src/logger.js';
import type { HumanRequests } from '../../src/tools/tool-deps.js';

const humansOf = (ownership: ReturnType<typeof createOwnership>): HumanRequests => ({
  request: (conversationId, req) => ownership.requestHuman(conversationId, req),
});

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase('pglite');
});
afterAll(() => db?.close());

describe('a handoff outside business hours', () => {
  it('tells the shopper when someone will reply, keeps the request queued, and takes an email', async () => {
    const events = createEventLog({ db });
    const conversations = createConversationStore({ db });
    await createCartStore({ db }).ensure('cart_ah', { currency: 'EUR' });
    const conv = await conversations.create({ sessionId: 'ses_afterhours', customerId: null, cartId: 'cart_ah' });
    // Saturday noon in Amsterdam; the team works weekdays.
    const ownership = createOwnership({
      db,
      events,
      hours: parseBusinessHours('mon-fri 09:00-17:30', 'Europe/Amsterdam'),
      now: () => new Date('2026-11-28T11:00:00Z'),
    });
    await ownership.requestHuman(conv.id, { reason: 'wants a person', urgency: 'normal', source: 'shopper' });
    const [status] = await events.after(conv.id, 0);
    expect(status).toMatchObject({ type: 'status.changed', status: 'queued' });
    expect(status.type === 'status.changed' && status.text).toMatch(
      /away right now and will reply Monday at 09:00.*Leave your email/,
    );
    expect((await conversations.get(conv.id))!.status).toBe('queued');

    const queued = (await conversations.get(conv.id))!;
    const rules = {
      config: { unhelpfulTurns: 3, onAnger: true, onOrderProblem: true },
      conversations,
      humans: humansOf(ownership),
      db,
      events,
      logger: createLogger('silent'),
    };
    await applyHandoffRules(rules, queued, 'you can reach me at ana.berg@example.com please', { clientIp: null });
    const row = await db.query<{ contact_email: string }>('SELECT contact_email FROM conversations WHERE id = $1', [
      conv.id,
    ]);
    expect(row.rows[0].contact_email).toBe('ana.berg@example.com');
    const last = (await events.after(conv.id, 0)).at(-1);
    expect(last).toMatchObject({
      type: 'message.created',
      role: 'system',
      text: "Thanks — we'll also reply to ana.berg@example.com.",
    });
  });

  it('queues an upset shopper by rule, with high urgency', async () => {
    const events = createEventLog({ db });
    const conversations = createConversationStore({ db });
    await createCartStore({ db }).ensure('cart_angry', { currency: 'EUR' });
    const conv = await conversations.create({ sessionId: 'ses_angry', customerId: null, cartId: 'cart_angry' });
    const ownership = createOwnership({ db, events, hours: parseBusinessHours('mon-sun 00:00-24:00', 'UTC') });
    const config = { unhelpfulTurns: 3, onAnger: true, onOrderProblem: true };
    const deps = { config, conversations, humans: humansOf(ownership), db, events, logger: createLogger('silent') };
    await applyHandoffRules(deps, conv, 'this is useless', { clientIp: null });
    expect((await conversations.get(conv.id))!.status).toBe('queued');
    const req = await db.query<{ urgency: string; source: string }>(
      'SELECT urgency, source FROM human_requests WHERE conversation_id = $1',
      [conv.id],
    );
    expect(req.rows[0]).toEqual({ urgency: 'high', source: 'rule' });
  });
});
