import type { ProductSummary } from '../catalog/types.js';
import type { Logger } from '../logger.js';
import type { AnyTool, ToolContext } from '../tools/define-tool.js';
import { toToolSpecs } from '../tools/tool-adapter.js';
import type { AgentEvent, AgentTurnMessage } from './agent-events.js';
import { executeToolCalls, type ToolOutcome } from './execute-tool-calls.js';
import { extractProducts as defaultExtractProducts, type ExtractProducts } from './extract-products.js';
import { ModelError } from './model-error.js';
import type { ChatMessage, ChatModel, TokenUsage, ToolCall, UnansweredReason } from './model.js';
import type { Language } from '../shared/language.js';

export type { AgentEvent, AgentTurnMessage } from './agent-events.js';

export interface RunAgentOptions {
  model: ChatModel;
  tools: readonly AnyTool[];
  /** The history to answer, system prompt first and the shopper's new message last. */
  messages: readonly ChatMessage[];
  ctx: ToolContext;
  /** Model calls allowed this turn (>= 1). */
  maxSteps: number;
  signal?: AbortSignal;
  /** The conversation's language, given to the model with every step. */
  language?: Language;
  extractProducts?: ExtractProducts;
  /** Where model and tool failures are logged with their cause; defaults to console. */
  logger?: Pick<Logger, 'error'>;
}

const HANDOFF_TOOL = 'request_human';
export const STEP_LIMIT_TEXT =
  "I couldn't finish that in one go. Could you narrow it down a little, or ask me to continue?";
export const MODEL_UNAVAILABLE_TEXT =
  "Sorry, I can't answer right now: the assistant is temporarily unavailable. Please try again in a moment.";
export const ABORTED_TEXT = 'Stopped.';
export const EMPTY_REPLY_TEXT = "Sorry, I don't have an answer to that. Could you put it another way?";

/**
 * Passes a stream through, adding up only the time spent waiting for its next item (not the time
 * the consumer takes with each one): the model's share of a turn.
 */
async function* timed<T>(source: AsyncIterable<T>, add: (ms: number) => void): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const t = performance.now();
      const next = await it.next().finally(() => add(performance.now() - t));
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early (an abort, or the consumer left): let the stream release what it holds.
    if (!finished) await it.return?.();
  }
}

/**
 * One shopper turn: calls the model, runs the tools it asks for (in parallel), feeds the results
 * back, and repeats until the model answers in text or `maxSteps` model calls were made.
 * Never throws for model or tool failures; the last event is always `done` or `error`.
 */
export async function* runAgent(opts: RunAgentOptions): AsyncGenerator<AgentEvent> {
  const { model, ctx } = opts;
  const signal = opts.signal ?? ctx.signal;
  const logger = opts.logger ?? console;
  const extract = opts.extractProducts ?? defaultExtractProducts;
  const maxSteps = Math.max(1, Math.floor(opts.maxSteps));
  const specs = toToolSpecs(opts.tools);
  const toolsByName = new Map(opts.tools.map((t) => [t.name, t] as const));

  const started = performance.now();
  const history: ChatMessage[] = [...opts.messages];
  const newMessages: ChatMessage[] = [];
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const allCalls: ToolCall[] = [];
  const shownHandles = new Set<string>();
  let content = '';
  let firstTokenMs: number | null = null;
  let modelMs = 0;
  let steps = 0;
  let unanswered: UnansweredReason | undefined;

  /** A new paragraph after earlier text starts with a blank line, so the streamed text equals `content`. */
  const appendText = (text: string, newParagraph: boolean): string => {
    const piece = newParagraph && content !== '' ? `\n\n${text}` : text;
    content += piece;
    firstTokenMs ??= performance.now() - started;
    return piece;
  };
  const done = (stepLimitReached: boolean): AgentEvent => {
    const message: AgentTurnMessage = {
      content,
      toolCalls: allCalls,
      usage,
      timings: { firstTokenMs, totalMs: performance.now() - started, modelMs },
      steps,
      model: model.id,
      stepLimitReached,
      ...(unanswered ? { unanswered } : {}),
    };
    return { type: 'done', message, newMessages };
  };
  const aborted = (): AgentEvent => ({
    type: 'error',
    error: { code: 'agent:aborted', message: ABORTED_TEXT },
    retryable: false,
    newMessages,
    modelMs,
  });

  for (;;) {
    if (signal?.aborted) return yield aborted();
    steps += 1;
    let stepText = '';
    const calls: ToolCall[] = [];
    try {
      const stream = model.stream({ messages: history, tools: specs, signal, language: opts.language });
      for await (const chunk of timed(stream, (ms) => (modelMs += ms))) {
        if (chunk.type === 'text_delta' && chunk.text) {
          yield { type: 'text_delta', text: appendText(chunk.text, stepText === '') };
          stepText += chunk.text;
        } else if (chunk.type === 'tool_call') {
          calls.push(chunk.call);
        } else if (chunk.type === 'unanswered') {
          unanswered = chunk.reason;
        } else if (chunk.type === 'usage') {
          usage.promptTokens += chunk.usage.promptTokens;
          usage.completionTokens += chunk.usage.completionTokens;
        }
      }
    } catch (err) {
      // The failed step's tool calls never ran and are dropped; text the shopper already saw is kept.
      if (stepText) newMessages.push({ role: 'assistant', content: stepText });
      if (signal?.aborted) return yield aborted();
      logger.error('model call failed', { err, model: model.id, step: steps });
      const retryable = err instanceof ModelError ? err.retryable : false;
      return yield {
        type: 'error',
        error: { code: 'model:unavailable', message: MODEL_UNAVAILABLE_TEXT },
        retryable,
        newMessages,
        modelMs,
      };
    }

    if (calls.length === 0) {
      if (content === '') {
        // The model said nothing at all (e.g. a content filter): never leave the shopper with an empty reply.
        stepText = EMPTY_REPLY_TEXT;
        yield { type: 'text_delta', text: appendText(EMPTY_REPLY_TEXT, true) };
      }
      newMessages.push({ role: 'assistant', content: stepText });
      return yield done(false);
    }
    if (steps >= maxSteps) {
      // No model call is left to read tool results, so this step's calls are not run.
      const note = appendText(STEP_LIMIT_TEXT, true);
      yield { type: 'text_delta', text: note };
      newMessages.push({
        role: 'assistant',
        content: stepText ? `${stepText}\n\n${STEP_LIMIT_TEXT}` : STEP_LIMIT_TEXT,
      });
      return yield done(true);
    }

    allCalls.push(...calls);
    for (const call of calls) yield { type: 'tool_call', call };
    const outcomes = await executeToolCalls(calls, { tools: toolsByName, ctx, logger, signal });
    const stepMessages: ChatMessage[] = [
      { role: 'assistant', content: stepText || null, toolCalls: calls },
      ...outcomes.map((o): ChatMessage => ({
        role: 'tool',
        toolCallId: o.call.id,
        name: o.call.name,
        content: o.content,
      })),
    ];
    history.push(...stepMessages);
    newMessages.push(...stepMessages);

    for (const outcome of outcomes) {
      yield {
        type: 'tool_result',
        callId: outcome.call.id,
        name: outcome.call.name,
        result: outcome.result,
        isError: outcome.isError,
      };
      const products = newProducts(extract(outcome.result, outcome.call.name), shownHandles);
      if (products.length > 0) yield { type: 'products', products };
      const handoff = handoffOf(outcome);
      if (handoff) yield handoff;
    }
  }
}

function newProducts(products: ProductSummary[], shown: Set<string>): ProductSummary[] {
  const fresh: ProductSummary[] = [];
  for (const p of products) {
    if (shown.has(p.handle)) continue;
    shown.add(p.handle);
    fresh.push(p);
  }
  return fresh;
}

function handoffOf(outcome: ToolOutcome): AgentEvent | null {
  if (outcome.call.name !== HANDOFF_TOOL || outcome.isError) return null;
  const fromResult = (outcome.result ?? {}) as { requested?: unknown; reason?: unknown; urgency?: unknown };
  // A refused request (too many handoffs from this client) asked nobody.
  if (fromResult.requested === false) return null;
  let fromArgs: { reason?: unknown; urgency?: unknown } = {};
  try {
    fromArgs = JSON.parse(outcome.call.arguments || '{}');
  } catch {
    // Arguments were valid for the tool to run, so this cannot fail; keep the defaults anyway.
  }
  const reason = [fromResult.reason, fromArgs.reason].find((r) => typeof r === 'string') as string | undefined;
  const urgency = [fromResult.urgency, fromArgs.urgency].find((u) => u === 'low' || u === 'normal' || u === 'high') as
    'low' | 'normal' | 'high' | undefined;
  return { type: 'handoff', reason: reason ?? 'The shopper asked for a person.', urgency: urgency ?? 'normal' };
}
