import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/conversations/event-types.js';
import type { Database } from '../../src/db/database.js';
import { connectShopper, newSession, request, turnsSettled, waitFor } from '../helpers/test-app.js';
import { callJson, startStudioApp } from '../helpers/studio-client.js';

let db: Database;
let app: Awaited<ReturnType<typeof startStudioApp>>['app'];
const tokens: Record<'merchandiser' | 'admin' | 'agent', string> = { merchandiser: '', admin: '', agent: '' };

const call = (method: string, route: string, token: string | null, body?: unknown) =>
  callJson(app.url, method, route, token, body);

/** Asks one question over the shopper socket, as the widget does, and returns the assistant's answer. */
async function ask(text: string): Promise<{ conversationId: string; reply: string }> {
  const s = (await newSession(app.url)).body;
  const { socket, events } = await connectShopper(app.url, s.token);
  await request(socket, 'conversation:join', { conversationId: s.conversationId, afterSeq: 0 });
  const ack = await request(socket, 'message:send', {
    conversationId: s.conversationId,
    clientMessageId: randomUUID(),
    text,
  });
  expect(ack).toMatchObject({ ok: true });
  const done = await waitFor(() => events.find((e) => e.type === 'message.completed'));
  await turnsSettled(db, s.conversationId);
  socket.close();
  return { conversationId: s.conversationId, reply: (done as Extract<ConversationEvent, { text: string }>).text };
}

async function gaps() {
  const res = await call('GET', '/api/studio/knowledge-gaps', tokens.merchandiser);
  expect(res.status).toBe(200);
  return res.body.groups as {
    key: string;
    representative: string;
    count: number;
    examples: string[];
    reasons: string[];
    resolved: boolean;
    questionIds: number[];
  }[];
}

const wrapGap = async () => (await gaps()).find((g) => g.examples.some((e) => /gift wrap/i.test(e)));

beforeAll(async () => {
  const started = await startStudioApp();
  ({ db, app } = started);
  Object.assign(tokens, started.tokens);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('studio knowledge gaps', () => {
  it('needs a merchandiser or admin login: none is 401, a plain agent 403 on every endpoint', async () => {
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/api/studio/knowledge-gaps'],
      ['GET', '/api/studio/knowledge'],
      ['POST', '/api/studio/knowledge', { title: 'x', body: 'y' }],
      ['DELETE', '/api/studio/knowledge/1'],
    ];
    for (const [method, route, body] of endpoints) {
      expect((await call(method, route, null, body)).status).toBe(401);
      const refused = await call(method, route, tokens.agent, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth:merchandiser_required');
    }
  });

  it('refuses a bad body or range with the field named, and an unknown entry or gap', async () => {
    const noTitle = await call('POST', '/api/studio/knowledge', tokens.merchandiser, { title: ' ', body: 'text' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.message).toContain('"title"');
    const extra = await call('POST', '/api/studio/knowledge', tokens.admin, { title: 't', body: 'b', html: '<b>' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('"html"');
    const range = await call('GET', '/api/studio/knowledge-gaps?from=yesterday', tokens.merchandiser);
    expect(range.status).toBe(400);
    expect(range.body.error.message).toContain('"from"');
    const gone = await call('DELETE', '/api/studio/knowledge/999999', tokens.merchandiser);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('knowledge:not_found');
    const noGap = await call('POST', '/api/studio/knowledge', tokens.merchandiser, {
      title: 't',
      body: 'b',
      groupKey: 'no such gap',
    });
    expect(noGap.status).toBe(404);
    expect(noGap.body.error.code).toBe('knowledge:gap_not_found');
  });

  it('lists a policy question the shop cannot answer, groups similar phrasings, and answers it once written', async () => {
    const first = await ask('Do you offer gift wrapping?');
    expect(first.reply).not.toMatch(/Source: Gift wrapping/);
    let gap = await wrapGap();
    expect(gap).toMatchObject({ count: 1, reasons: ['no_policy_match'], resolved: false });

    await ask('Can you gift wrap my order?');
    gap = await wrapGap();
    expect(gap?.count).toBe(2);
    expect(gap?.examples).toEqual(['Can you gift wrap my order?', 'Do you offer gift wrapping?']);

    const written = await call('POST', '/api/studio/knowledge', tokens.merchandiser, {
      title: 'Gift wrapping',
      body: 'We gift wrap any order for 4 EUR: choose gift wrapping at checkout and add a card message.',
      groupKey: gap?.key,
    });
    expect(written.status).toBe(201);
    expect(written.body.entry).toMatchObject({ title: 'Gift wrapping', resolvedQuestions: 2 });
    expect(await wrapGap()).toMatchObject({ count: 2, resolved: true });

    const again = await ask('Do you offer gift wrapping?');
    expect(again.reply).toContain('gift wrap any order for 4 EUR');
    expect(again.reply).toContain('(Source: Gift wrapping)');
    // Answered now: the question is no gap any more.
    expect((await wrapGap())?.count).toBe(2);

    const listed = await call('GET', '/api/studio/knowledge', tokens.admin);
    expect(listed.body.entries.map((e: { title: string }) => e.title)).toEqual(['Gift wrapping']);
  });

  it('removes a written answer: the assistant no longer cites it', async () => {
    const written = await call('POST', '/api/studio/knowledge', tokens.merchandiser, {
      title: 'Engraving service',
      body: 'We engrave initials on leather goods for free; allow two extra days.',
    });
    expect(written.status).toBe(201);
    expect((await ask('What is your policy on engraving?')).reply).toContain('(Source: Engraving service)');
    const removed = await call('DELETE', `/api/studio/knowledge/${written.body.entry.id}`, tokens.merchandiser);
    expect(removed.status).toBe(200);
    expect(removed.body.deleted.title).toBe('Engraving service');
    expect((await ask('What is your policy on engraving?')).reply).not.toContain('Engraving service');
  });

  it('records a message the assistant did not understand, and drops it with the erased conversation', async () => {
    const { conversationId } = await ask('hmm');
    const gap = (await gaps()).find((g) => g.examples.includes('hmm'));
    expect(gap).toMatchObject({ count: 1, reasons: ['not_understood'] });
    await db.query('DELETE FROM conversations WHERE id = $1', [conversationId]);
    expect((await gaps()).some((g) => g.examples.includes('hmm'))).toBe(false);
  });
});
