import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatModel, ModelRequest } from '../../src/agent/model.js';
import type { ConversationEvent, JoinResult } from '../../src/chat/protocol.js';
import type { Database } from '../../src/db/database.js';
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

/** A model that answers every step with one short text and records what it was asked. */
function recordingModel() {
  const requests: ModelRequest[] = [];
  const model: ChatModel = {
    id: 'fake:recording',
    async *stream(req) {
      requests.push(req);
      yield { type: 'text_delta', text: 'Noted.' };
      yield { type: 'finish', reason: 'stop' };
    },
  };
  return { model, requests };
}

const fake = recordingModel();
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  app = await startTestApp(db, { model: fake.model });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const languageEvents = (events: ConversationEvent[]) =>
  events.flatMap((e) => (e.type === 'language.changed' ? [e.language] : []));
const completedCount = (events: ConversationEvent[]) => events.filter((e) => e.type === 'message.completed').length;
const systemPrompt = (r: ModelRequest) => (r.messages[0].role === 'system' ? r.messages[0].content : '');

async function shopper(pageLanguage?: string) {
  const s = await newSession(app.url);
  const { socket, events } = await connectShopper(app.url, s.body.token);
  const conversationId = s.body.conversationId;
  const join = await request<JoinResult>(socket, 'conversation:join', { conversationId, afterSeq: 0, pageLanguage });
  let sent = 0;
  /** Sends a message and waits for the assistant's answer to it. */
  const say = async (text: string) => {
    sent += 1;
    const ack = await request(socket, 'message:send', { conversationId, clientMessageId: `lang-msg-${sent}-x`, text });
    expect(ack.ok).toBe(true);
    await waitFor(() => completedCount(events) === sent);
    return fake.requests[fake.requests.length - 1];
  };
  const rejoin = () => request<JoinResult>(socket, 'conversation:join', { conversationId, afterSeq: 0 });
  return { socket: socket as ShopperClient, events, join, say, rejoin, conversationId };
}

describe('the conversation language', () => {
  it('follows the shopper: Persian sets fa, "#1042" and "ok" keep it, English switches back', async () => {
    const c = await shopper();
    expect(c.join.data?.language).toBe('en');

    const persian = await c.say('سلام، یک کاپشن گرم برای زمستان می‌خوام');
    expect(languageEvents(c.events)).toEqual(['fa']);
    expect(persian.language).toBe('fa');
    expect(systemPrompt(persian)).toContain('Answer in Persian');
    expect(systemPrompt(persian)).toContain("search queries in the catalog's language (English)");
    expect((await c.rejoin()).data?.language).toBe('fa');

    expect((await c.say('#1042')).language).toBe('fa');
    expect((await c.say('ok')).language).toBe('fa');
    expect(languageEvents(c.events)).toEqual(['fa']);

    const english = await c.say('do you have a warm jacket under 200?');
    expect(english.language).toBe('en');
    expect(systemPrompt(english)).toContain('Answer in English');
    expect(languageEvents(c.events)).toEqual(['fa', 'en']);
    expect((await c.rejoin()).data?.language).toBe('en');
    c.socket.close();
  });

  it("speaks the page's data-lang before any message tells a language", async () => {
    const c = await shopper('de');
    expect(c.join.data?.language).toBe('de');
    await waitFor(() => languageEvents(c.events).length === 1);
    expect(languageEvents(c.events)).toEqual(['de']);

    const first = await c.say('W1234567');
    expect(first.language).toBe('de');
    expect(systemPrompt(first)).toContain('Answer in German');

    const persian = await c.say('سفارش من کجاست؟');
    expect(persian.language).toBe('fa');
    expect(languageEvents(c.events)).toEqual(['de', 'fa']);
    c.socket.close();
  });

  it('refuses a page language that is not one Concierge speaks', async () => {
    const s = await newSession(app.url);
    const { socket } = await connectShopper(app.url, s.body.token);
    const join = await request(socket, 'conversation:join', {
      conversationId: s.body.conversationId,
      pageLanguage: 'xx',
    });
    expect(join.ok).toBe(false);
    expect(join.error?.code).toBe('socket:bad_payload');
    socket.close();
  });
});
