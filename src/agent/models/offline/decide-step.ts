import type { ChatMessage, ToolSpec } from '../../model.js';
import { composeReply } from './compose-reply.js';
import { readHistory, type Memory } from './history.js';
import { GREETING_REPLY } from './phrases.js';
import { planUserMessage, type PlanOptions } from './plan.js';
import type { Plan, PlannedCall } from './plan-types.js';

/** Tool steps per user turn; the offline model needs at most a cart lookup and then the change. */
const MAX_STEPS = 3;

export type Step =
  | { intent: Plan['intent'] | 'reply'; calls: PlannedCall[]; text?: undefined }
  | { intent: Plan['intent'] | 'reply'; text: string; calls?: undefined };

const sameCall = (a: PlannedCall, name: string, args: Record<string, unknown>) =>
  a.name === name && JSON.stringify(a.args) === JSON.stringify(args);

/** Only tools the request offers may be called; otherwise say so instead of calling a missing tool. */
function restrictTo(plan: Plan, tools: ToolSpec[]): Plan {
  if (!plan.calls) return plan;
  const offered = new Set(tools.map((t) => t.name));
  if (plan.calls.every((c) => offered.has(c.name))) return plan;
  const human = offered.has('request_human') ? ' Would you like me to connect you with a person?' : '';
  return { intent: plan.intent, text: `Sorry, I can't do that right now.${human}` };
}

/**
 * One model step, decided from the transcript alone (the model keeps no state): plan for a new
 * user message, or reply to the tool results of this turn. After a cart lookup made only to
 * resolve "remove the socks", the plan is made again with the cart now known.
 */
export function decideStep(messages: ChatMessage[], tools: ToolSpec[], opts: PlanOptions = {}): Step {
  const memory: Memory = readHistory(messages);
  if (memory.userIndex < 0) return { intent: 'greeting', text: GREETING_REPLY.en };
  const plan = restrictTo(planUserMessage(memory, opts), tools);
  if (messages.at(-1)?.role === 'user') return plan;

  const prefetched =
    memory.lastStep.length > 0 && memory.lastStep.every((e) => e.name === 'get_cart') && plan.intent !== 'cart_show';
  if (prefetched && memory.turnSteps < MAX_STEPS) {
    const repeats = plan.calls?.every((c) => memory.turnEvents.some((e) => sameCall(c, e.name, e.args)));
    if (plan.text !== undefined || !repeats) return plan;
  }
  return { intent: 'reply', text: composeReply(memory.lastStep, memory) };
}
