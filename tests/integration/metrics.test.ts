import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createChatScript, LOCAL_SERVER_ONLY, setupOpenAIMockServer, streamReply } from '../msw/openai-chat.js';
import { connectShopper, mswModel, newSession, request, seedTestShop, startTestApp } from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  app = await startTestApp(db, { model: mswModel() });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  mock.close();
});

/** One sample's value from the Prometheus text, e.g. `value(text, 'concierge_turns_total{outcome="completed"}')`. */
function value(text: string, sample: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : NaN;
}

describe('/metrics', () => {
  it('counts turns with their time split, first tokens, tokens, tool calls, handoffs, sockets, what waits and queries', async () => {
    const s = await newSession(app.url);
    const shopper = await connectShopper(app.url, s.body.token);
    await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId });
    script.reply(
      streamReply({
        toolCalls: [{ id: 'm1', name: 'search_products', arguments: JSON.stringify({ query: 'socks' }) }],
        usage: { prompt_tokens: 120, completion_tokens: 9 },
      }),
      streamReply({ text: 'Here are some socks.', usage: { prompt_tokens: 200, completion_tokens: 6 } }),
      streamReply({
        toolCalls: [
          {
            id: 'm2',
            name: 'request_human',
            arguments: JSON.stringify({ reason: 'wants a person', urgency: 'normal' }),
          },
        ],
      }),
      streamReply({ text: 'Someone from the team will join.' }),
    );
    const send = (text: string, clientMessageId: string) =>
      request(shopper.socket, 'message:send', { conversationId: s.body.conversationId, clientMessageId, text });
    const completed = (n: number) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        shopper.socket.on('conversation:event', (e: { type: string }) => {
          if (e.type === 'message.completed' && ++seen === n) resolve();
        });
      });
    const first = completed(1);
    await send('warm socks please', 'metrics-msg-1');
    await first;
    const second = completed(1);
    await send('can I talk to someone', 'metrics-msg-2');
    await second;

    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(value(text, 'concierge_turns_total{outcome="completed"}')).toBe(2);
    expect(value(text, 'concierge_tool_calls_total{tool="search_products",outcome="ok"}')).toBe(1);
    expect(value(text, 'concierge_tool_calls_total{tool="request_human",outcome="ok"}')).toBe(1);
    expect(value(text, 'concierge_model_tokens_total{model="openai:gpt-test",direction="in"}')).toBe(
      120 + 200 + 12 + 12,
    );
    expect(value(text, 'concierge_turn_duration_seconds_count{part="total"}')).toBe(2);
    expect(value(text, 'concierge_turn_duration_seconds_count{part="model"}')).toBe(2);
    expect(value(text, 'concierge_turn_duration_seconds_count{part="own"}')).toBe(2);
    expect(value(text, 'concierge_time_to_first_token_seconds_count')).toBe(2);
    expect(value(text, 'concierge_handoffs_total{source="assistant",urgency="normal"}')).toBe(1);
    expect(value(text, 'concierge_open_sockets{namespace="/shopper"}')).toBe(1);
    expect(value(text, 'concierge_waiting{what="conversations"}')).toBe(1);
    expect(value(text, 'concierge_waiting{what="turns"}')).toBe(0);
    expect(value(text, 'concierge_db_query_seconds_count')).toBeGreaterThan(10);
    expect(text).toMatch(/^concierge_nodejs_eventloop_lag_p99_seconds \d/m);
    shopper.socket.close();
  });
});
