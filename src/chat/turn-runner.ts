import { randomUUID } from 'node:crypto';
import { runTurn, type TurnDeps } from '../agent/run-turn.js';
import { createAssistantStream } from '../conversations/assistant-stream.js';
import type { Conversation, ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import type { PendingActionPayload } from '../conversations/event-types.js';
import { toCartPayload, toProductCard } from '../conversations/product-cards.js';
import type { PendingTurn, TurnQueue } from '../conversations/turn-queue.js';
import type { ShopperSessions } from '../identity/shopper-sessions.js';
import type { Logger } from '../logger.js';
import type { CartChangeResult } from '../tools/results.js';

export interface TurnRunnerDeps {
  conversations: ConversationStore;
  events: EventLog;
  queue: TurnQueue;
  sessions: ShopperSessions;
  turn: TurnDeps;
  logger: Logger;
  /** How long a pump that hit an error waits before trying the queue again. */
  retryDelayMs?: number;
}

/**
 * How a turn ended. `not_started`: it failed before anything reached the shopper, so it goes back to
 * the queue; `unfinished`: its message could not be ended (the database is down), so it stays
 * `running` for recovery to end as interrupted.
 */
type Outcome = 'done' | 'failed' | 'skipped' | 'interrupted' | 'not_started' | 'unfinished';

/** An order tool's result that prepared a change for the shopper to confirm. */
function isPendingActionResult(r: unknown): r is { pendingAction: PendingActionPayload } {
  const p = (r as { pendingAction?: { id?: unknown } } | null)?.pendingAction;
  return typeof p?.id === 'string';
}

const CART_TOOLS = new Set(['add_to_cart', 'update_cart_item', 'remove_from_cart']);
export const UNAVAILABLE =
  "Sorry, I can't answer right now. You can try again in a moment, or ask to talk to a person.";
const INTERRUPTED = '(This answer was interrupted. Press Retry to get a complete one.)';

/**
 * Runs the assistant's turns: one at a time per conversation, from the persisted queue, with a
 * stop button and every outcome written to the event log. Nothing here may reject unhandled: a
 * failing database or model is logged, the turn ends as failed-and-retryable, and a pump that
 * could not read the queue tries again shortly.
 */
export function createTurnRunner(deps: TurnRunnerDeps) {
  const { conversations, events, queue, logger } = deps;
  const retryDelayMs = deps.retryDelayMs ?? 2_000;
  const running = new Map<string, AbortController>();
  const pumps = new Map<string, Promise<void>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const again = new Set<string>();
  const turnDone = new Map<number, Array<() => void>>();
  // While shutting down, turns in flight are left as they are: the next start recovers them.
  let closing = false;

  function settle(userMessageId: number) {
    for (const resolve of turnDone.get(userMessageId) ?? []) resolve();
    turnDone.delete(userMessageId);
  }

  /** The customer this turn may act for: the sender's, while their session is live and matches the conversation. */
  async function senderCustomer(turn: PendingTurn, conversationCustomer: string | null) {
    if (!turn.sessionId) return { customerId: conversationCustomer, clientIp: null };
    const session = await deps.sessions.get(turn.sessionId);
    const live = session && !session.revoked && session.customerId === conversationCustomer;
    return { customerId: live ? conversationCustomer : null, clientIp: session?.ip ?? null };
  }

  async function runOne(conversationId: string, turn: PendingTurn): Promise<Outcome> {
    let conv: Conversation | null;
    let sender: Awaited<ReturnType<typeof senderCustomer>>;
    try {
      conv = await conversations.get(conversationId);
      // Only a conversation the assistant owns gets an answer: never talk over a person, or while one is awaited.
      if (!conv || conv.status !== 'bot') return 'skipped';
      sender = await senderCustomer(turn, conv.customerId);
    } catch (err) {
      logger.error('a turn could not start; it waits in the queue', { conversationId, err });
      return 'not_started';
    }
    const controller = new AbortController();
    running.set(conversationId, controller);
    const stream = createAssistantStream({
      events,
      conversationId,
      messageId: `a_${turn.userMessageId}_${randomUUID().slice(0, 8)}`,
      epoch: conv.epoch,
      onDiscard: () => controller.abort(),
      onError: (err) => logger.error('could not store an assistant event', { conversationId, err }),
    });
    try {
      await stream.start();
      if (stream.writeFailed) return 'not_started';
      if (stream.discarded) return 'skipped';
      const turnEvents = runTurn(deps.turn, {
        conversation: conv,
        sender,
        text: turn.text,
        userMessageId: turn.userMessageId,
        signal: controller.signal,
        shouldPersist: () => !stream.discarded,
      });
      let pendingAction: PendingActionPayload | null = null;
      for await (const ev of turnEvents) {
        if (ev.type === 'text_delta') stream.delta(ev.text);
        else if (ev.type === 'tool_result' && isPendingActionResult(ev.result)) pendingAction = ev.result.pendingAction;
        else if (ev.type === 'tool_result' && CART_TOOLS.has(ev.name)) {
          const r = ev.result as CartChangeResult;
          if (r && r.ok) {
            await events.append(conversationId, {
              type: 'cart.updated',
              cart: toCartPayload(r.cart),
              actor: 'assistant',
            });
          }
        } else if (ev.type === 'handoff') {
          // The handoff started a new epoch (and told the shopper); this turn may still finish its reply.
          const now = await conversations.get(conversationId);
          if (now) stream.setEpoch(now.epoch);
        } else if (ev.type === 'completed' || ev.type === 'failed') {
          if (closing) return 'interrupted';
          await stream.settle();
          // A failed write aborts the turn too; that is a failure, not the shopper's Stop.
          const stopped = ev.type === 'failed' && ev.error.code === 'agent:aborted' && !stream.writeFailed;
          const failed = (ev.type === 'failed' && !stopped) || stream.writeFailed;
          const text = stopped ? stream.streamedText || 'Stopped.' : failed ? UNAVAILABLE : ev.reply!.text;
          const delivered = await stream.complete({
            text,
            products: failed || stopped ? [] : ev.reply!.products.map(toProductCard),
            quickReplies: failed ? ['Try again', 'Talk to a person'] : (ev.reply?.quickReplies ?? []),
            ...(pendingAction && !failed && !stopped ? { pendingAction } : {}),
            ...(failed
              ? { failed: true, retryable: stream.writeFailed || (ev.type === 'failed' && ev.retryable) }
              : {}),
          });
          if (!delivered) return stream.discarded ? 'skipped' : 'unfinished';
          return failed ? 'failed' : 'done';
        }
      }
      return stream.discarded ? 'skipped' : 'failed';
    } catch (err) {
      if (closing) return 'interrupted';
      logger.error('turn failed', { conversationId, err });
      const ended = await stream
        .complete({
          text: UNAVAILABLE,
          products: [],
          quickReplies: ['Talk to a person'],
          failed: true,
          retryable: true,
        })
        .catch((e: unknown) => {
          logger.error('could not end a failed turn', { conversationId, err: e });
          return false;
        });
      return ended || stream.discarded ? 'failed' : stream.started ? 'unfinished' : 'not_started';
    } finally {
      running.delete(conversationId);
    }
  }

  async function drain(conversationId: string): Promise<void> {
    for (let next = await queue.next(conversationId); next; next = await queue.next(conversationId)) {
      const outcome = await runOne(conversationId, next);
      if (outcome === 'interrupted' || closing) return;
      if (outcome === 'not_started') {
        // Nothing reached the shopper: the turn waits again, and the pump tries later.
        await queue.release(next.userMessageId);
        throw new Error('the turn could not start');
      }
      if (outcome === 'unfinished') {
        logger.error('a reply could not be ended; recovery will end it as interrupted', { conversationId });
        settle(next.userMessageId);
        continue;
      }
      try {
        await queue.finish(next.userMessageId, outcome);
      } finally {
        settle(next.userMessageId);
      }
    }
  }

  /** Works through a conversation's waiting turns, one at a time; never rejects. */
  function pump(conversationId: string): Promise<void> {
    const existing = pumps.get(conversationId);
    if (existing) {
      // The running pump may already have found the queue empty: go round once more when it ends.
      again.add(conversationId);
      return existing;
    }
    again.delete(conversationId);
    const p = drain(conversationId)
      .catch((err: unknown) => {
        logger.error('turn queue failed; trying again shortly', { conversationId, err });
        if (closing) return;
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          if (!closing) void pump(conversationId);
        }, retryDelayMs);
        timer.unref();
        retryTimers.add(timer);
      })
      .finally(() => {
        pumps.delete(conversationId);
        if (again.delete(conversationId) && !closing) void pump(conversationId);
      });
    pumps.set(conversationId, p);
    return p;
  }

  return {
    pump(conversationId: string): void {
      if (!closing) void pump(conversationId);
    },
    isRunning: (conversationId: string) => running.has(conversationId),
    requeue: (conversationId: string, userMessageId: number) => queue.requeue(conversationId, userMessageId),
    /** Aborts the running turn of a conversation; false when none runs here. */
    stop(conversationId: string): boolean {
      const c = running.get(conversationId);
      c?.abort();
      return Boolean(c);
    },

    /** Resolves when the assistant has finished (or skipped) the turn of this shopper message, or at the timeout. */
    waitForTurn(userMessageId: number, timeoutMs: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        const list = turnDone.get(userMessageId) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve();
        });
        turnDone.set(userMessageId, list);
        queue
          .stateOf(userMessageId)
          .then((state) => {
            if (state !== 'pending' && state !== 'running') settle(userMessageId);
          })
          // The timeout still ends the wait; the caller reads whatever the log holds by then.
          .catch((err: unknown) => logger.error('could not read a turn state', { userMessageId, err }));
      });
    },

    /** Ends turns a stopped process left half done (failed, retryable), and resumes waiting ones. */
    async recover(): Promise<void> {
      for (const t of await queue.interrupted()) {
        const evs = await events.after(t.conversationId, 0);
        for (const s of evs) {
          if (s.type !== 'message.started' || !s.messageId.startsWith(`a_${t.userMessageId}_`)) continue;
          if (evs.some((e) => e.type === 'message.completed' && e.messageId === s.messageId)) continue;
          const partial = evs
            .flatMap((e) => (e.type === 'message.delta' && e.messageId === s.messageId ? [e.text] : []))
            .join('');
          await events.append(t.conversationId, {
            type: 'message.completed',
            messageId: s.messageId,
            role: 'assistant',
            text: partial ? `${partial}\n\n${INTERRUPTED}` : INTERRUPTED,
            products: [],
            quickReplies: [],
            failed: true,
            retryable: true,
          });
        }
        await queue.finish(t.userMessageId, 'failed');
      }
      for (const id of await queue.conversationsWithPending()) void pump(id);
    },

    /** Stops accepting turns and waits for running ones to end. */
    async close(): Promise<void> {
      closing = true;
      for (const t of retryTimers) clearTimeout(t);
      for (const c of running.values()) c.abort();
      await Promise.allSettled([...pumps.values()]);
    },
  };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;
