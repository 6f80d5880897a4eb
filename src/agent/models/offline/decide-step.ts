import type { ChatMessage, ToolSpec, UnansweredReason } from '../../model.js';
import { composeReply, policyUnanswered } from './compose-reply.js';
import { createDialogueState } from './dialogue-state.js';
import { readHistory, type Memory } from './history.js';
import type { PlanContext } from './plan-args.js';
import { planMessage } from './plan.js';
import { ORDER_CHANGE_INTENTS, ORDER_LOOKUPS } from './plan-order.js';
import type { Plan, PlannedCall } from './plan-types.js';
import type { OptionReader } from './product-options.js';
import type { Say } from './replies.js';
import type { UnderstandingEngine } from './understand.js';
import type { Understanding } from './understanding.js';

/** Tool steps per user turn: at most an order, then its product, looked up before the change. */
const MAX_STEPS = 3;

export type Step =
  | { intent: Plan['intent'] | 'reply'; calls: PlannedCall[]; text?: undefined }
  | { intent: Plan['intent'] | 'reply'; text: string; calls?: undefined; unanswered?: UnansweredReason };

export interface Brain extends Omit<PlanContext, 'state'> {
  engine: UnderstandingEngine;
  options: OptionReader;
}

const sameCall = (a: PlannedCall, name: string, args: Record<string, unknown>) =>
  a.name === name && JSON.stringify(a.args) === JSON.stringify(args);

/** Only tools the request offers may be called; otherwise say so instead of calling a missing tool. */
function restrictTo(plan: Plan, tools: ToolSpec[], say: Say): Plan {
  if (!plan.calls) return plan;
  const offered = new Set(tools.map((t) => t.name));
  if (plan.calls.every((c) => offered.has(c.name))) return plan;
  const text = offered.has('request_human') ? say('chat.cannotNowOfferPerson') : say('chat.cannotNow');
  return { intent: plan.intent, text };
}

/**
 * One model step, decided from the transcript alone (the model keeps no state): plan for a new
 * user message, or reply to the tool results of this turn. After a cart lookup made only to
 * resolve "remove the kite", the plan is made again with the cart now known.
 */
export function decideStep(
  messages: ChatMessage[],
  tools: ToolSpec[],
  brain: Brain,
  typed?: string,
): Step & { understanding: Understanding | null } {
  const memory: Memory = readHistory(messages, brain.say.language, typed);
  if (memory.userIndex < 0) return { intent: 'greeting', text: brain.say('chat.greeting'), understanding: null };
  const u = brain.engine.understand(memory.userText, brain.index);
  const state = createDialogueState(memory, brain.engine.lexicon, brain.index, brain.options);
  const ctx = { index: brain.index, say: brain.say, state };
  const plan = restrictTo(planMessage(u, memory, ctx), tools, brain.say);
  if (messages.at(-1)?.role === 'user') return { ...plan, understanding: u };

  // A cart lookup, or a product lookup made only to check a cart change, then the plan again.
  // An order change may first look up the orders, the order, or the product of its line.
  // Products compared are looked up together, then compared.
  const compared = memory.lastStep.length > 1 && plan.intent === 'product_info';
  const lookups =
    plan.intent === 'cart_update' || plan.intent === 'policy' || compared
      ? ['get_cart', 'get_product']
      : ORDER_CHANGE_INTENTS.has(plan.intent)
        ? ORDER_LOOKUPS
        : ['get_cart'];
  const prefetched =
    memory.lastStep.length > 0 && memory.lastStep.every((e) => lookups.includes(e.name)) && plan.intent !== 'cart_show';
  if (prefetched && memory.turnSteps < MAX_STEPS) {
    const repeats = plan.calls?.every((c) => memory.turnEvents.some((e) => sameCall(c, e.name, e.args)));
    if (plan.text !== undefined || !repeats) return { ...plan, understanding: u };
  }
  const text = composeReply(brain.say, memory.lastStep, memory, u, state);
  const unanswered = policyUnanswered(memory.lastStep, memory, u, state) ? ('no_policy_match' as const) : undefined;
  return { intent: 'reply', text, unanswered, understanding: u };
}
