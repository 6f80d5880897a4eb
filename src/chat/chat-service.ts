import { randomUUID } from 'node:crypto';
import type { CartStore } from '../carts/cart-store.js';
import type { CartView } from '../carts/types.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { CartChangeResult } from '../tools/results.js';
import { createAssistantStream } from '../conversations/assistant-stream.js';
import type { Conversation, ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import { toCartPayload, toProductCard } from '../conversations/product-cards.js';
import type { ConversationEvent } from './protocol.js';
import { runTurn, type TurnDeps } from '../agent/run-turn.js';
import type { SessionClaims } from '../identity/session-tokens.js';
import type { TurnQueue } from '../conversations/turn-queue.js';

export interface ChatServiceDeps {
  db: Database;
  conversations: ConversationStore;
  events: EventLog;
  queue: TurnQueue;
  carts: CartStore;
  turn: TurnDeps;
  logger: Logger;
  /** Called with each stored shopper message; handoff rules may queue the conversation. */
  onShopperMessage?: (conversation: Conversation, text: string) => Promise<void>;
}

const CART_TOOLS = new Set(['add_to_cart', 'update_cart_item', 'remove_from_cart']);
const UNAVAILABLE = "Sorry, I can't answer right now. You can try again in a moment, or ask to talk to a person.";
const INTERRUPTED = '(This answer was interrupted. Press Retry to get a complete one.)';

/**
 * Conversations as the shopper's channels see them: messages stored before the model is
 * called, one turn at a time per conversation (later messages wait in a persisted queue), a
 * stop button, retries, and every outcome written to the sequence-numbered event log.
 */
export function createChatService(deps: ChatServiceDeps) {
  const { conversations, events, queue, logger } = deps;
  const running = new Map<string, AbortController>();
  const pumps = new Map<string, Promise<void>>();
  const turnDone = new Map<number, Array<() => void>>();
  // While shutting down, turns in flight are left as they are: the next start recovers them.
  let closing = false;

  async function ownConversation(claims: SessionClaims, conversationId: string): Promise<Conversation> {
    const conv = await conversations.get(conversationId);
    // Another session's conversation does not exist, as far as this caller can tell.
    if (!conv || conv.sessionId !== claims.sid)
      throw new NotFoundError('conversation:not_found', 'Conversation not found.');
    return conv;
  }

  function settle(userMessageId: number) {
    for (const resolve of turnDone.get(userMessageId) ?? []) resolve();
    turnDone.delete(userMessageId);
  }

  async function runOne(
    conversationId: string,
    userMessageId: number,
    text: string,
    attempt: string,
  ): Promise<'done' | 'failed' | 'skipped' | 'interrupted'> {
    const conv = await conversations.get(conversationId);
    // Only a conversation the assistant owns gets an answer: never talk over a person, or while one is awaited.
    if (!conv || conv.status !== 'bot') return 'skipped';
    const controller = new AbortController();
    running.set(conversationId, controller);
    const stream = createAssistantStream({
      events,
      conversationId,
      messageId: `a_${userMessageId}_${attempt}`,
      epoch: conv.epoch,
      onDiscard: () => controller.abort(),
      onError: (err) => logger.error('could not store an assistant event', { conversationId, err }),
    });
    try {
      await stream.start();
      for await (const ev of runTurn(deps.turn, {
        conversation: conv,
        text,
        userMessageId,
        signal: controller.signal,
        shouldPersist: () => !stream.discarded,
      })) {
        if (ev.type === 'text_delta') stream.delta(ev.text);
        else if (ev.type === 'tool_result' && CART_TOOLS.has(ev.name)) {
          const r = ev.result as CartChangeResult;
          if (r && r.ok)
            await events.append(conversationId, {
              type: 'cart.updated',
              cart: toCartPayload(r.cart),
              actor: 'assistant',
            });
        } else if (ev.type === 'handoff') {
          // The handoff started a new epoch (and told the shopper); this turn may still finish its reply.
          const now = await conversations.get(conversationId);
          if (now) stream.setEpoch(now.epoch);
        } else if (ev.type === 'completed' || ev.type === 'failed') {
          if (closing) return 'interrupted';
          const failed = ev.type === 'failed' && ev.error.code !== 'agent:aborted';
          const stopped = ev.type === 'failed' && ev.error.code === 'agent:aborted';
          const text = stopped ? stream.streamedText || 'Stopped.' : failed ? UNAVAILABLE : ev.reply!.text;
          const delivered = await stream.complete({
            text,
            products: failed || stopped ? [] : ev.reply!.products.map(toProductCard),
            quickReplies: failed ? ['Try again', 'Talk to a person'] : (ev.reply?.quickReplies ?? []),
            ...(failed ? { failed: true, retryable: ev.type === 'failed' && ev.retryable } : {}),
          });
          if (!delivered) return 'skipped';
          return failed ? 'failed' : 'done';
        }
      }
      return stream.discarded ? 'skipped' : 'failed';
    } catch (err) {
      if (closing) return 'interrupted';
      logger.error('turn failed', { conversationId, err });
      await stream.complete({
        text: UNAVAILABLE,
        products: [],
        quickReplies: ['Talk to a person'],
        failed: true,
        retryable: true,
      });
      return 'failed';
    } finally {
      running.delete(conversationId);
    }
  }

  /** Works through a conversation's waiting turns, one at a time. */
  function pump(conversationId: string): Promise<void> {
    const existing = pumps.get(conversationId);
    if (existing) return existing;
    const p = (async () => {
      for (let next = await queue.next(conversationId); next; next = await queue.next(conversationId)) {
        const outcome = await runOne(conversationId, next.userMessageId, next.text, randomUUID().slice(0, 8)).catch(
          (err: unknown) => {
            logger.error('turn crashed', { conversationId, err });
            return 'failed' as const;
          },
        );
        if (outcome === 'interrupted' || closing) break;
        await queue.finish(next.userMessageId, outcome);
        settle(next.userMessageId);
      }
    })().finally(() => pumps.delete(conversationId));
    pumps.set(conversationId, p);
    return p;
  }

  return {
    ownConversation,

    /** Stores a shopper message (once, whatever the retries) and queues the assistant's turn. */
    async send(claims: SessionClaims, input: { conversationId: string; clientMessageId: string; text: string }) {
      let conv = await ownConversation(claims, input.conversationId);
      const dup = await deps.db.query<{ id: number; seq: number | null }>(
        `SELECT m.id, (SELECT e.seq FROM conversation_events e WHERE e.conversation_id = m.conversation_id AND e.type = 'message.created'
                        AND e.body->>'messageId' = 'u_' || m.id) AS seq
         FROM messages m WHERE m.conversation_id = $1 AND m.client_message_id = $2`,
        [conv.id, input.clientMessageId],
      );
      if (dup.rows[0])
        return {
          messageId: `u_${dup.rows[0].id}`,
          seq: dup.rows[0].seq ?? 0,
          queued: false,
          userMessageId: dup.rows[0].id,
        };
      if (conv.status === 'closed') {
        await deps.db.query(
          `UPDATE conversations SET status = 'bot', assigned_agent = NULL, epoch = epoch + 1 WHERE id = $1 AND status = 'closed'`,
          [conv.id],
        );
        await events.append(conv.id, { type: 'status.changed', status: 'bot', text: 'The assistant is back.' });
        conv = (await conversations.get(conv.id))!;
      }
      const botAnswers = conv.status === 'bot';
      const { id, event } = await deps.db.transaction(async (tx) => {
        const m = await tx.query<{ id: number }>(
          `INSERT INTO messages (conversation_id, role, content, epoch, client_message_id, turn_state) VALUES ($1, 'user', $2, $3, $4, $5) RETURNING id`,
          [conv.id, input.text, conv.epoch, input.clientMessageId, botAnswers ? 'pending' : 'skipped'],
        );
        const e = await events.append(
          conv.id,
          {
            type: 'message.created',
            messageId: `u_${m.rows[0].id}`,
            role: 'user',
            text: input.text,
            clientMessageId: input.clientMessageId,
          },
          tx,
        );
        return { id: m.rows[0].id, event: e };
      });
      events.publish([event]);
      const wasBusy = running.has(conv.id);
      await deps.onShopperMessage?.(conv, input.text);
      if (!closing) void pump(conv.id);
      return { messageId: `u_${id}`, seq: event.seq, queued: botAnswers && wasBusy, userMessageId: id };
    },

    /** Resolves when the assistant has finished (or skipped) the turn of this shopper message. */
    waitForTurn(userMessageId: number, timeoutMs: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        const list = turnDone.get(userMessageId) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve();
        });
        turnDone.set(userMessageId, list);
        void deps.db
          .query<{ turn_state: string | null }>('SELECT turn_state FROM messages WHERE id = $1', [userMessageId])
          .then((r) => !['pending', 'running'].includes(r.rows[0]?.turn_state ?? '') && settle(userMessageId));
      });
    },

    async stop(claims: SessionClaims, conversationId: string): Promise<boolean> {
      await ownConversation(claims, conversationId);
      const c = running.get(conversationId);
      c?.abort();
      return Boolean(c);
    },

    async retry(claims: SessionClaims, conversationId: string, messageId: string): Promise<boolean> {
      await ownConversation(claims, conversationId);
      const m = /^a_(\d+)_/.exec(messageId);
      if (!m || !(await queue.requeue(conversationId, Number(m[1]))))
        throw new NotFoundError('message:not_found', 'There is no failed answer to retry.');
      void pump(conversationId);
      return true;
    },

    /** A cart change made by the shopper directly (a card's button), with no model round trip. */
    async changeCart(claims: SessionClaims, change: (cartId: string) => Promise<CartView>) {
      const conv = await conversations.latestForSession(claims.sid);
      const cartId = conv?.cartId ?? `cart_${claims.sid}`;
      const cart = await change(cartId);
      if (conv) await events.append(conv.id, { type: 'cart.updated', cart: toCartPayload(cart), actor: 'shopper' });
      return cart;
    },

    after: (conversationId: string, afterSeq: number): Promise<ConversationEvent[]> =>
      events.after(conversationId, afterSeq),
    lastSeq: (conversationId: string): Promise<number> => events.lastSeq(conversationId),

    /** Ends turns a stopped process left half done (failed, retryable), and resumes waiting ones. */
    async recover(): Promise<void> {
      for (const t of await queue.interrupted()) {
        const evs = await events.after(t.conversationId, 0);
        const started = evs.filter(
          (e) => e.type === 'message.started' && e.messageId.startsWith(`a_${t.userMessageId}_`),
        );
        for (const s of started) {
          if (s.type !== 'message.started') continue;
          if (evs.some((e) => e.type === 'message.completed' && e.messageId === s.messageId)) continue;
          const partial = evs
            .filter((e) => e.type === 'message.delta' && e.messageId === s.messageId)
            .map((e) => (e.type === 'message.delta' ? e.text : ''))
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
      for (const c of running.values()) c.abort();
      await Promise.allSettled([...pumps.values()]);
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
