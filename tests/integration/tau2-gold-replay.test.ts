import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeResult, replayTask } from '../../scripts/tau2/concierge/gold-replay.js';
import { exportTau2State } from '../../scripts/tau2/concierge/export-state.js';
import { readTasks } from '../../scripts/tau2/concierge/eval.js';
import { prepareTau2Shop, type Tau2Shop } from '../../scripts/tau2/concierge/tau2-shop.js';
import { diffStates, toTau2State, type Tau2Task } from '../../scripts/tau2/reference.js';
import OpenAI from 'openai';
import { HttpResponse } from 'msw';
import { passHatK, runLiveTrial } from '../../scripts/tau2/concierge/live-eval.js';
import { TEST_CONFIG } from '../helpers/test-app.js';
import { openMigratedPglite } from '../helpers/pglite-template.js';
import {
  chatCompletion,
  createChatScript,
  setupOpenAIMockServer,
  streamReply,
  TEST_OPENAI_BASE_URL,
} from '../msw/openai-chat.js';

// tau2-bench's retail train tasks: each task's gold actions go through the agent loop as tool calls
// of a scripted model (msw, OpenAI wire format), the shopper confirms each change, and the resulting
// customers and orders must equal what the independent reference executor (scripts/tau2) makes of
// the same actions on tau2's own db.json.
const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let shop: Tau2Shop;
const tasks: Tau2Task[] = await readTasks('train');
const byId = (id: string) => tasks.find((t) => t.id === id)!;

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: 'error' });
  shop = await prepareTau2Shop({ openDatabase: openMigratedPglite });
});
afterAll(async () => {
  await shop?.close();
  mock.close();
});

describe('tau2 retail: gold replay through the agent loop', () => {
  it('starts from the same state as tau2: the imported shop exports to exactly the reference state', async () => {
    const db = await shop.openTaskDb();
    try {
      expect(diffStates(toTau2State(shop.raw), await exportTau2State(db))).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it.each(tasks.map((t) => [t.id, t] as const))('task %s ends in the reference state', async (_id, task) => {
    const result = await replayTask(shop, task, script);
    expect(script.unexpected).toBe(0);
    expect(result.match, describeResult(result, 20)).toBe(true);
  });

  it('refuses the write tau2 rejects (task 105: the gift card cannot cover the exchange) and changes nothing', async () => {
    const result = await replayTask(shop, byId('105'), script);
    expect(result.steps.find((s) => s.gold === 'exchange_delivered_order_items')).toMatchObject({
      outcome: 'refused',
      message: expect.stringContaining('not enough for US$21.10'),
    });
    expect(result.match).toBe(true);
  });

  it('sees a corrupted refund: one cent more on a cancellation is a mismatch at that leaf', async () => {
    const task = tasks.find((t) => t.evaluation_criteria.actions?.some((a) => a.name === 'cancel_pending_order'))!;
    const orderId = task.evaluation_criteria.actions!.find((a) => a.name === 'cancel_pending_order')!.arguments
      .order_id as string;
    const result = await replayTask(shop, task, script, {
      async beforeExport(db) {
        await db.query(
          `UPDATE order_payments SET amount_minor = amount_minor + 1
           WHERE order_id = $1 AND seq = (SELECT max(seq) FROM order_payments WHERE order_id = $1 AND kind = 'refund')`,
          [orderId],
        );
      },
    });
    expect(result.match).toBe(false);
    expect(result.mismatches).toHaveLength(1);
    expect(result.mismatches[0].path).toMatch(
      new RegExp(`^orders\\["${orderId}"\\]\\.payment_history\\[\\d+\\]\\.amount_cents$`),
    );
    expect((result.mismatches[0].actual as number) - (result.mismatches[0].expected as number)).toBe(1);
  });
});

describe('tau2 retail: live evaluation, with both models scripted', () => {
  const config = { ...TEST_CONFIG, openai: { apiKey: 'test-key', baseURL: TEST_OPENAI_BASE_URL, model: 'gpt-test' } };
  // Made after msw listens: the client keeps the fetch it finds when it is created.
  const shopper = () => new OpenAI({ apiKey: 'test-key', baseURL: TEST_OPENAI_BASE_URL, maxRetries: 0 });
  const shopperSays = (content: string) => HttpResponse.json(chatCompletion({ content }));
  // Task 66: the shopper wants #W3361211 cancelled, no longer needed.
  const task = () => byId('66');

  function assistantPreparesTheCancellation() {
    const args = JSON.stringify({ orderId: '#W3361211', reason: 'no longer needed' });
    script.reply(
      shopperSays('Please cancel my order #W3361211, I no longer need it.'),
      streamReply({ toolCalls: [{ id: 'live_1', name: 'cancel_order', arguments: args }] }),
      streamReply({ text: 'I have prepared the cancellation: please confirm it.' }),
    );
  }

  it('passes when the shopper confirms the card: the change runs and the database equals the gold outcome', async () => {
    const before = script.requests.length;
    assistantPreparesTheCancellation();
    script.reply(shopperSays('yes'), shopperSays('###STOP###'));
    expect(await runLiveTrial(shop, config, task(), shopper())).toBe(true);
    expect(script.pending).toBe(0);
    const sent = script.requests.slice(before);
    // The shopper model plays the task's scenario and sees the confirmation card the widget shows.
    const scenario = task().user_scenario?.instructions;
    expect(typeof scenario === 'object' && scenario?.reason_for_call).toBeTruthy();
    expect(sent[0].messages[0].content).toContain(typeof scenario === 'object' ? scenario!.reason_for_call : '');
    expect(sent[3].messages.at(-1).content).toMatch(
      /\[Confirmation card: Cancel order #W3361211 .*Buttons: Confirm, Cancel\]/,
    );
  });

  it('fails when the shopper refuses the card: nothing changes, which is not the gold outcome', async () => {
    assistantPreparesTheCancellation();
    script.reply(shopperSays('no'), shopperSays('###STOP###'));
    expect(await runLiveTrial(shop, config, task(), shopper())).toBe(false);
    expect(script.pending).toBe(0);
  });

  it("computes tau2's pass^k: C(successes, k) / C(n, k), averaged over tasks", () => {
    expect(passHatK([4, 2, 0], 4, 1)).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(passHatK([4, 2, 0], 4, 2)).toBeCloseTo((1 + 1 / 6 + 0) / 3);
    expect(passHatK([4, 3], 4, 4)).toBeCloseTo(0.5);
  });
});
