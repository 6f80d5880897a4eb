import type { ChatMessage } from './model.js';

/**
 * Keeps a conversation within a token budget: the leading system messages and the newest turns
 * stay; the oldest whole turns go (a turn is a user message and everything up to the next user
 * message), so a tool call is never separated from its result.
 */

export interface HistoryBudget {
  maxTokens: number;
}

/** Per-message overhead of the chat format (role, separators). */
const MESSAGE_OVERHEAD = 4;
/** Room kept for the trimmed-history note. */
const NOTE_RESERVE = 90;
const NOTE_QUESTIONS = 3;
const NOTE_QUESTION_CHARS = 80;

/** A rough token count (chars / 4), good enough to budget with. */
export function estimateTokens(message: ChatMessage): number {
  let chars = message.content?.length ?? 0;
  if (message.role === 'assistant') {
    for (const call of message.toolCalls ?? []) chars += call.name.length + call.arguments.length + call.id.length;
  }
  if (message.role === 'tool') chars += message.name.length + message.toolCallId.length;
  return MESSAGE_OVERHEAD + Math.ceil(chars / 4);
}

export function estimateHistoryTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + estimateTokens(m), 0);
}

/**
 * Returns `messages` unchanged when they fit; otherwise drops the oldest turns and puts a short
 * system note where they were, quoting the last few questions dropped. The newest turn is always
 * kept, even when it alone is over budget.
 */
export function fitHistory(messages: readonly ChatMessage[], budget: HistoryBudget): ChatMessage[] {
  const repaired = repairToolPairs(messages);
  if (estimateHistoryTokens(repaired) <= budget.maxTokens) return repaired;

  const headLength = repaired.findIndex((m) => m.role !== 'system');
  const head = headLength === -1 ? repaired : repaired.slice(0, headLength);
  const turns = splitTurns(headLength === -1 ? [] : repaired.slice(headLength));

  let room = budget.maxTokens - estimateHistoryTokens(head) - NOTE_RESERVE;
  let keepFrom = turns.length;
  while (keepFrom > 0) {
    const cost = estimateHistoryTokens(turns[keepFrom - 1]);
    if (cost > room && keepFrom < turns.length) break;
    room -= cost;
    keepFrom -= 1;
  }
  if (keepFrom === 0) return repaired;

  const dropped = turns.slice(0, keepFrom);
  return [...head, trimNote(dropped), ...turns.slice(keepFrom).flat()];
}

function splitTurns(body: readonly ChatMessage[]): ChatMessage[][] {
  const turns: ChatMessage[][] = [];
  for (const message of body) {
    if (message.role === 'user' || turns.length === 0) turns.push([message]);
    else turns[turns.length - 1].push(message);
  }
  return turns;
}

function trimNote(dropped: ChatMessage[][]): ChatMessage {
  const questions = dropped
    .flat()
    .filter((m) => m.role === 'user')
    .slice(-NOTE_QUESTIONS)
    .map((m) => `"${clip(m.content.replace(/\s+/g, ' ').trim(), NOTE_QUESTION_CHARS)}"`);
  const asked = questions.length > 0 ? ` Before that the shopper asked: ${questions.join('; ')}.` : '';
  const n = dropped.length;
  return { role: 'system', content: `Earlier conversation trimmed: ${n} ${n === 1 ? 'turn' : 'turns'}.${asked}` };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Drops tool messages that answer no earlier assistant tool call, and tool calls that no tool
 * message answers (an API rejects both). An assistant message left with neither text nor calls goes.
 */
export function repairToolPairs(messages: readonly ChatMessage[]): ChatMessage[] {
  const answered = new Set<string>();
  const called = new Set<string>();
  for (const m of messages) {
    if (m.role === 'assistant') for (const c of m.toolCalls ?? []) called.add(c.id);
    if (m.role === 'tool' && called.has(m.toolCallId)) answered.add(m.toolCallId);
  }
  const out: ChatMessage[] = [];
  for (const m of messages) {
    if (m.role === 'tool') {
      if (answered.has(m.toolCallId)) out.push(m);
    } else if (m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0) {
      const calls = m.toolCalls.filter((c) => answered.has(c.id));
      if (calls.length === m.toolCalls.length) out.push(m);
      else if (calls.length > 0) out.push({ ...m, toolCalls: calls });
      else if (m.content) out.push({ role: 'assistant', content: m.content });
    } else {
      out.push(m);
    }
  }
  return out;
}
