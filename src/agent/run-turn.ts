import type { AgentEvent } from './agent-events.js';
import { fitHistory } from './history-budget.js';
import type { ChatModel, UnansweredReason } from './model.js';
import type { PromptStore, Prompts } from './prompts/load-prompts.js';
import { runAgent } from './run-agent.js';
import type { SpendGuard } from './spend-guard.js';
import type { ProductSummary } from '../catalog/types.js';
import type { Logger } from '../logger.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import type { AnyTool } from '../tools/define-tool.js';
import type { ProductLookup } from '../catalog/product-lookup.js';
import type { Conversation, ConversationStore } from '../conversations/conversation-store.js';
import { toModelHistory } from './model-history.js';
import { groundReply } from './ground-reply.js';
import { knownPrices } from './known-prices.js';
import { quickReplies } from './quick-replies.js';
import { chooseLanguage, LANGUAGE_NAMES } from '../shared/choose-language.js';
import { detectLanguage, type Language } from '../shared/language.js';

export interface AssistantReply {
  messageId: number;
  text: string;
  products: ProductSummary[];
  quickReplies: string[];
  meta: ReplyMeta;
}

export interface ReplyMeta {
  model: string;
  /** A hash of the prompt texts that answered. */
  promptVersion: string;
  /** The version id of each prompt that answered (`{ persona: 'persona.v3' }`). */
  promptVersions: Record<string, string>;
  /** The id of the reply's message in the conversation's event log, when it has one. */
  replyId?: string;
  tools: string[];
  usage: { promptTokens: number; completionTokens: number };
  /** modelMs: waiting for the model; the rest of totalMs is Concierge's own (tools, database, grounding). */
  timings: { firstTokenMs: number | null; totalMs: number; modelMs: number };
  products: string[];
  priceMismatch: boolean;
  /** Set when a spend cap was reached and the offline model answered instead of the configured one. */
  budgetFallback?: 'conversation' | 'day';
}

export type TurnEvent =
  | Exclude<AgentEvent, { type: 'done' } | { type: 'error' }>
  | { type: 'completed'; userMessageId: number; reply: AssistantReply }
  | {
      type: 'failed';
      userMessageId: number;
      error: { code: string; message: string };
      retryable: boolean;
      reply: AssistantReply | null;
    };

export interface TurnDeps {
  model: ChatModel;
  tools: AnyTool[];
  prompts: PromptStore;
  conversations: ConversationStore;
  customers: CustomerReader;
  products: ProductLookup;
  /** `language` is SHOP_LANGUAGE, the catalog's (English when absent). */
  shop: { name: string; currency: string; language?: Language };
  maxSteps: number;
  historyTokenBudget: number;
  logger?: Pick<Logger, 'error'>;
  now?: () => Date;
  /** Spend caps: which model answers this turn, and where its tokens are counted. */
  spend?: SpendGuard;
  /** The prompts of the conversation's experiment variant, when one applies (else the published ones answer). */
  experimentPrompts?: (conv: Conversation) => Promise<Prompts | null>;
  /** Told how each turn and tool call went (metrics); never changes the turn. */
  observer?: TurnObserver;
  /** Keeps the questions the assistant could not answer (knowledge gaps); never fails the turn. */
  unanswered?: UnansweredRecorder;
}

/** A question the assistant could not answer, as the studio's knowledge gaps list it. */
export interface UnansweredQuestion {
  conversationId: string;
  question: string;
  reason: UnansweredReason;
  /** The version id of each prompt that answered. */
  promptVersions: Record<string, string>;
}

export interface UnansweredRecorder {
  record(q: UnansweredQuestion): Promise<void>;
}

/** How a turn went, for metrics: its outcome, its time split into the model's and Concierge's own. */
export interface TurnObservation {
  outcome: 'completed' | 'failed';
  model: string;
  totalMs: number;
  modelMs: number;
  firstTokenMs: number | null;
  usage: { promptTokens: number; completionTokens: number };
}

export interface TurnObserver {
  turnEnded(o: TurnObservation): void;
  toolCalled(name: string, outcome: 'ok' | 'error'): void;
}

/**
 * One shopper turn end to end: stores the shopper's message before the model is called, runs the
 * agent over the stored history, grounds the reply's products in fresh data, and stores the
 * reply with what produced it (model, prompt version, tools, usage, timings).
 */
export async function* runTurn(
  deps: TurnDeps,
  turn: {
    conversation: Conversation;
    /**
     * Who sent the message: the customer the turn may act for (checked by the caller against the
     * live session) and their address. Without it, the conversation's customer.
     */
    sender?: { customerId: string | null; clientIp: string | null };
    text: string;
    signal?: AbortSignal;
    userMessageId?: number;
    /** The reply's message id in the event log (`message.completed`), recorded with the reply. */
    replyId?: string;
    /** False when the turn's output was discarded (a human took over): nothing of it is stored. */
    shouldPersist?: () => boolean;
  },
): AsyncGenerator<TurnEvent> {
  const { conversation: conv } = turn;
  const started = performance.now();
  const userMessageId =
    turn.userMessageId ??
    (await deps.conversations.append(conv.id, { role: 'user', content: turn.text, epoch: conv.epoch }));
  const prompt = (await deps.experimentPrompts?.(conv)) ?? (await deps.prompts.latest());
  const customerId = turn.sender ? turn.sender.customerId : conv.customerId;
  const profile = customerId ? await deps.customers.profile(customerId) : null;
  const { model, fallback } = deps.spend ? await deps.spend.choose(conv.id) : { model: deps.model, fallback: null };
  const shopLanguage = deps.shop.language ?? 'en';
  const language = chooseLanguage({
    message: detectLanguage(turn.text),
    conversation: conv.language,
    customer: profile?.language,
    page: conv.pageLanguage,
    shop: shopLanguage,
  });
  const system = prompt.render({
    shop_name: deps.shop.name,
    customer_first_name: profile?.firstName ?? null,
    today: (deps.now?.() ?? new Date()).toISOString().slice(0, 10),
    currency: deps.shop.currency,
    language_name: LANGUAGE_NAMES[language].english,
    catalog_language_name: LANGUAGE_NAMES[shopLanguage].english,
  });
  const stored = await deps.conversations.messages(conv.id);
  const history = fitHistory([{ role: 'system', content: system }, ...toModelHistory(stored)], {
    maxTokens: deps.historyTokenBudget,
  });

  const shown = new Map<string, ProductSummary>();
  const results: unknown[] = [];
  let noPolicy = false;
  const ctx = {
    conversationId: conv.id,
    customerId,
    cartId: conv.cartId,
    clientIp: turn.sender?.clientIp ?? null,
    actor: 'assistant' as const,
    signal: turn.signal,
    analytics: { promptVersion: prompt.version },
    language,
  };
  for await (const ev of runAgent({
    model,
    tools: deps.tools,
    messages: history,
    ctx,
    maxSteps: deps.maxSteps,
    signal: turn.signal,
    language,
    logger: deps.logger,
  })) {
    if (ev.type === 'products') ev.products.forEach((p) => shown.set(p.handle, p));
    if (ev.type === 'tool_result') {
      results.push(ev.result);
      if (ev.name === 'search_policies' && !ev.isError && foundNothing(ev.result)) noPolicy = true;
      deps.observer?.toolCalled(ev.name, ev.isError ? 'error' : 'ok');
    }
    if (ev.type !== 'done' && ev.type !== 'error') {
      yield ev;
      continue;
    }
    const text = ev.type === 'done' ? ev.message.content : ev.error.message;
    const grounded = await groundReply(deps, {
      text,
      shown: [...shown.values()].slice(0, 6),
      otherKnownPrices: knownPrices(results),
    });
    const calls =
      ev.type === 'done'
        ? ev.message.toolCalls
        : ev.newMessages.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []) : []));
    const meta: ReplyMeta = {
      model: model.id,
      ...(fallback ? { budgetFallback: fallback } : {}),
      promptVersion: prompt.version,
      promptVersions: prompt.versions,
      ...(turn.replyId ? { replyId: turn.replyId } : {}),
      tools: calls.map((c) => c.name),
      usage: ev.type === 'done' ? ev.message.usage : { promptTokens: 0, completionTokens: 0 },
      timings: ev.type === 'done' ? ev.message.timings : { firstTokenMs: null, totalMs: 0, modelMs: 0 },
      products: grounded.products.map((p) => p.handle),
      priceMismatch: grounded.priceMismatch,
    };
    // The exchange (assistant tool calls and their results) is stored whole; the final text carries the meta.
    const exchange = ev.newMessages.filter((m) => m.role === 'tool' || (m.role === 'assistant' && m.toolCalls?.length));
    if (deps.spend && ev.type === 'done') await deps.spend.record(conv.id, model, ev.message.usage);
    const persist = turn.shouldPersist?.() ?? true;
    const ids = !persist
      ? [0]
      : await deps.conversations.appendAll(conv.id, [
          ...exchange.map((m) =>
            m.role === 'tool'
              ? {
                  role: 'tool' as const,
                  content: m.content,
                  toolCallId: m.toolCallId,
                  toolName: m.name,
                  epoch: conv.epoch,
                }
              : {
                  role: 'assistant' as const,
                  content: m.role === 'assistant' ? m.content : null,
                  toolCalls: m.role === 'assistant' ? m.toolCalls : null,
                  epoch: conv.epoch,
                },
          ),
          { role: 'assistant', content: grounded.text, epoch: conv.epoch, meta: { ...meta } },
        ]);
    const reply: AssistantReply = {
      messageId: ids[ids.length - 1],
      text: grounded.text,
      products: grounded.products,
      quickReplies: quickReplies(calls, {
        productCount: grounded.products.length,
        signedIn: customerId !== null,
        language,
      }),
      meta,
    };
    deps.observer?.turnEnded({
      outcome: ev.type === 'done' ? 'completed' : 'failed',
      model: model.id,
      totalMs: performance.now() - started,
      modelMs: ev.type === 'done' ? meta.timings.modelMs : (ev.modelMs ?? 0),
      firstTokenMs: meta.timings.firstTokenMs,
      usage: meta.usage,
    });
    const reason = ev.type === 'done' ? (ev.message.unanswered ?? (noPolicy ? 'no_policy_match' : null)) : null;
    if (reason && persist) {
      await recordUnanswered(deps, {
        conversationId: conv.id,
        question: turn.text,
        reason,
        promptVersions: meta.promptVersions,
      });
    }
    if (ev.type === 'done') yield { type: 'completed', userMessageId, reply };
    else yield { type: 'failed', userMessageId, error: ev.error, retryable: ev.retryable, reply };
  }
}

/** A policy search that returned no section at all: no model can answer from it. */
const foundNothing = (result: unknown) =>
  Array.isArray((result as { chunks?: unknown } | null)?.chunks) &&
  (result as { chunks: unknown[] }).chunks.length === 0;

/** One insert; a failure is logged and the turn goes on. */
async function recordUnanswered(deps: TurnDeps, q: UnansweredQuestion): Promise<void> {
  if (!deps.unanswered) return;
  try {
    await deps.unanswered.record(q);
  } catch (err) {
    deps.logger?.error('could not record an unanswered question', { conversationId: q.conversationId, err });
  }
}
