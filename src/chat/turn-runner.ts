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
import { holdLease, type HeldLease } from './turn-lease.js';
import { recoverExpiredTurns } from './turn-recovery.js';

export interface TurnRunnerDeps {
  conversations: ConversationStore;
  events: EventLog;
  queue: TurnQueue;
  sessions: ShopperSessions;
  turn: TurnDeps;
  logger: Logger;
  /** How long a pump that hit an error waits before trying the queue again. */
  retryDelayMs?: number;
  /** How often a running turn's lease is renewed; a third of the queue's lease by default. */
  heartbeatMs?: number;
  /** How often expired leases are recovered and waiting turns picked up (turns of stopped instances). */
  sweepMs?: number;
  /** How often a caller waiting for a turn reads its state (it may run on another instance). */
  waitPollMs?: number;
}

/**
 * How a turn ended. `not_started`: it failed before anything reached the shopper, so it goes back to
 * the queue; `unfinished`: its message could not be ended (the database is down), so it stays
 * `running` for recovery to end as interrupted once its lease expires; `interrupted`: this
 * instance is stopping or lost the turn's lease, and leaves the turn to whoever recovers it.
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

/**
 * Runs the assistant's turns: one at a time per conversation, from the persisted queue, with a
 * stop button and every outcome written to the event log. Nothing here may reject unhandled: a
 * failing database or model is logged, the turn ends as failed-and-retryable, and a pump that
 * could not read the queue tries again shortly.
 *
 * Several instances may share the queue: each turn is run under a lease renewed while it streams.
 * A turn whose lease is lost stops writing; a periodic sweep recovers expired leases.
 */
export function createTurnRunner(deps: TurnRunnerDeps) {
  const { conversations, events, queue, logger } = deps;
  const retryDelayMs = deps.retryDelayMs ?? 2_000;
  const heartbeatMs = deps.heartbeatMs ?? Math.max(1, Math.floor(queue.leaseMs / 3));
  const sweepMs = deps.sweepMs ?? queue.leaseMs;
  const waitPollMs = deps.waitPollMs ?? 500;
  let sweepTimer: NodeJS.Timeout | undefined;
  let sweeping = false;
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
    const lease = holdLease({
      renew: () => queue.renew(turn.userMessageId),
      everyMs: heartbeatMs,
      leaseMs: queue.leaseMs,
      onLost: () => {
        logger.warn('a turn lost its lease; it stops here and another instance recovers it', {
          conversationId,
          userMessageId: turn.userMessageId,
        });
        controller.abort();
      },
      onError: (err) => logger.error('could not renew a turn lease', { conversationId, err }),
    });
    try {
      return await runLeased(conversationId, turn, conv, sender, controller, lease);
    } finally {
      lease.stop();
      running.delete(conversationId);
    }
  }

  async function runLeased(
    conversationId: string,
    turn: PendingTurn,
    conv: Conversation,
    sender: Awaited<ReturnType<typeof senderCustomer>>,
    controller: AbortController,
    lease: HeldLease,
  ): Promise<Outcome> {
    const replyId = `a_${turn.userMessageId}_${randomUUID().slice(0, 8)}`;
    const stream = createAssistantStream({
      events,
      conversationId,
      messageId: replyId,
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
        replyId,
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
          if (closing || lease.lost) return 'interrupted';
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
      if (closing || lease.lost) return 'interrupted';
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
    }
  }

  /**
   * The next turn after one this pump ended. Most often none waits: one read says so, without the
   * claim's transaction and lock. A message stored after that read is not missed: its sender's
   * pump claims it, since the turn that ended here is no longer running.
   */
  const following = async (conversationId: string) =>
    (await queue.hasPending(conversationId)) ? queue.next(conversationId) : null;

  async function drain(conversationId: string): Promise<void> {
    for (let next = await queue.next(conversationId); next; next = await following(conversationId)) {
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

  async function sweep(): Promise<void> {
    if (sweeping || closing) return;
    sweeping = true;
    try {
      const recovered = await recoverExpiredTurns({ queue, events, logger });
      const waiting = await queue.conversationsWithPending();
      for (const id of new Set([...recovered, ...waiting])) if (!closing) void pump(id);
    } finally {
      sweeping = false;
    }
  }

  return {
    pump(conversationId: string): void {
      if (!closing) void pump(conversationId);
    },
    isRunning: (conversationId: string) => running.has(conversationId),
    requeue: (conversationId: string, userMessageId: number) => queue.requeue(conversationId, userMessageId),
    /** Whether a turn of the conversation runs on any instance (the database's turn state). */
    runsAnywhere: (conversationId: string) => queue.isRunning(conversationId),
    /** Aborts the running turn of a conversation; false when none runs here. */
    stop(conversationId: string): boolean {
      const c = running.get(conversationId);
      c?.abort();
      return Boolean(c);
    },

    /**
     * Resolves when the assistant has finished (or skipped) the turn of this shopper message, or at the timeout.
     * The turn may run on another instance: its state in the database is read every `waitPollMs` too.
     */
    waitForTurn(userMessageId: number, timeoutMs: number): Promise<void> {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        const list = turnDone.get(userMessageId) ?? [];
        list.push(done);
        turnDone.set(userMessageId, list);
        const look = () =>
          queue
            .stateOf(userMessageId)
            .then((state) => {
              if (state !== 'pending' && state !== 'running') settle(userMessageId);
            })
            // The timeout still ends the wait; the caller reads whatever the log holds by then.
            .catch((err: unknown) => logger.error('could not read a turn state', { userMessageId, err }));
        void look();
        const poll = setInterval(() => void look(), waitPollMs);
        poll.unref();
      });
    },

    /**
     * Recovers the turns of stopped instances (expired leases only: another live instance's turns
     * are left alone), resumes waiting turns, and keeps doing so every `sweepMs`.
     */
    async recover(): Promise<void> {
      await sweep();
      if (closing || sweepTimer) return;
      sweepTimer = setInterval(() => {
        sweep().catch((err: unknown) => logger.error('the turn sweep failed; it runs again shortly', { err }));
      }, sweepMs);
      sweepTimer.unref();
    },

    /** Stops accepting turns, waits for running ones to end, and lets their leases expire now. */
    async close(): Promise<void> {
      closing = true;
      clearInterval(sweepTimer);
      for (const t of retryTimers) clearTimeout(t);
      for (const c of running.values()) c.abort();
      await Promise.allSettled([...pumps.values()]);
      // The turns left running are recovered at once by the next instance, not after their lease.
      await queue.expireOwn().catch((err: unknown) => logger.error('could not end the turn leases', { err }));
    },
  };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;
