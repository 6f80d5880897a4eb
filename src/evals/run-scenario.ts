import { randomUUID } from 'node:crypto';
import { runTurn, type TurnDeps, type TurnEvent } from '../agent/run-turn.js';
import type { CartStore } from '../carts/cart-store.js';
import type { ProductSummary } from '../catalog/types.js';
import type { Conversation, ConversationStore } from '../conversations/conversation-store.js';
import { AppError } from '../errors.js';
import { checkAssertion, type AssertionOutcome, type TurnObservation } from './assertions.js';
import type { Grader } from './rubric-grader.js';
import type { Scenario } from './suite-schema.js';

/** The parts of a built shop a scenario runs against (the app's core has them). */
export interface EvalShop {
  turn: TurnDeps;
  carts: Pick<CartStore, 'ensure' | 'add' | 'view'>;
  conversations: Pick<ConversationStore, 'create' | 'get' | 'append'>;
}

export interface TurnResult {
  user: string;
  reply: string;
  calls: TurnObservation['calls'];
  products: string[];
  failures: string[];
  notes: string[];
}

export interface ScenarioRun {
  passed: boolean;
  turns: TurnResult[];
  /** Set when the run stopped on an error rather than a failed assertion. */
  error: string | null;
  ms: number;
}

/** A call's arguments as the model wrote them; invalid JSON (which the loop reports to the model) counts as none. */
function parseArgs(raw: string): Record<string, unknown> {
  try {
    const args: unknown = JSON.parse(raw);
    return args && typeof args === 'object' ? (args as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What the turn's tools and reply were, from the turn's events. */
async function collect(events: AsyncIterable<TurnEvent>) {
  const calls: TurnObservation['calls'] = [];
  let reply = '';
  let products: ProductSummary[] = [];
  let failure: string | null = null;
  for await (const ev of events) {
    if (ev.type === 'tool_call') calls.push({ name: ev.call.name, args: parseArgs(ev.call.arguments) });
    if (ev.type === 'completed' || ev.type === 'failed') {
      reply = ev.reply?.text ?? (ev.type === 'failed' ? ev.error.message : '');
      products = ev.reply?.products ?? [];
    }
    if (ev.type === 'failed') failure = `the turn failed (${ev.error.code}): ${ev.error.message}`;
  }
  return { calls, reply, products, failure };
}

/** Plays one shopper message through the real turn (agent loop, tools, grounding) and records what it did. */
async function playTurn(
  shop: EvalShop,
  conversation: Conversation,
  text: string,
): Promise<TurnObservation & { failure: string | null }> {
  let answered: Awaited<ReturnType<typeof collect>> = { calls: [], reply: '', products: [], failure: null };
  if (conversation.status === 'bot') answered = await collect(runTurn(shop.turn, { conversation, text }));
  // As in the chat: once a person is asked for, the shopper's messages wait for them, unanswered.
  else await shop.conversations.append(conversation.id, { role: 'user', content: text, epoch: conversation.epoch });
  const cart = await shop.carts.view(conversation.cartId);
  const status = (await shop.conversations.get(conversation.id))?.status ?? conversation.status;
  return { ...answered, cart, status };
}

async function judge(
  scenario: Scenario,
  index: number,
  observed: TurnObservation,
  grader: Grader,
): Promise<AssertionOutcome[]> {
  const turn = scenario.turns[index];
  return Promise.all(
    turn.assert.map((a) =>
      a.type === 'llm-rubric'
        ? grader(a.value, { user: turn.user, reply: observed.reply })
        : Promise.resolve(checkAssertion(a, observed)),
    ),
  );
}

/** A new conversation with its own cart (filled from `vars.cart`), for the scenario's customer. */
async function startConversation(shop: EvalShop, scenario: Scenario, currency: string): Promise<Conversation> {
  const sessionId = `eval_${randomUUID()}`;
  const cartId = `cart_${sessionId}`;
  const customerId = scenario.vars.customer ?? null;
  await shop.carts.ensure(cartId, { currency, customerId });
  for (const line of scenario.vars.cart ?? []) {
    await shop.carts.add(cartId, line.sku, line.quantity, { kind: 'system' });
  }
  return shop.conversations.create({ sessionId, customerId, cartId, channel: 'eval' });
}

const describeError = (err: unknown) =>
  err instanceof AppError ? `${err.code}: ${err.message}` : `internal error: ${String(err)}`;

/** Runs a scenario's turns in order in a conversation of its own; every turn is checked even after a failure. */
export async function runScenario(shop: EvalShop, scenario: Scenario, grader: Grader): Promise<ScenarioRun> {
  const started = performance.now();
  const turns: TurnResult[] = [];
  try {
    let conversation = await startConversation(shop, scenario, shop.turn.shop.currency);
    for (const [i, turn] of scenario.turns.entries()) {
      const observed = await playTurn(shop, conversation, turn.user);
      const outcomes = await judge(scenario, i, observed, grader);
      turns.push({
        user: turn.user,
        reply: observed.reply,
        calls: observed.calls,
        products: observed.products.map((p) => p.handle),
        failures: [
          ...(observed.failure ? [observed.failure] : []),
          ...outcomes.flatMap((o) => (o.outcome === 'fail' ? [o.message] : [])),
        ],
        notes: outcomes.flatMap((o) => (o.outcome === 'skipped' ? [o.message] : [])),
      });
      // A handoff starts a new epoch: the next turn is stored under it.
      conversation = (await shop.conversations.get(conversation.id)) ?? conversation;
    }
  } catch (err) {
    return { passed: false, turns, error: describeError(err), ms: performance.now() - started };
  }
  const passed = turns.every((t) => t.failures.length === 0);
  return { passed, turns, error: null, ms: performance.now() - started };
}
