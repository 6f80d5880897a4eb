import type { CartStore } from '../carts/cart-store.js';
import type { CartView } from '../carts/types.js';
import type { ConversationLanguage } from '../conversations/conversation-language.js';
import type { Conversation, ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import type { ConversationEvent } from '../conversations/event-types.js';
import { toCartPayload } from '../conversations/product-cards.js';
import { storeShopperMessage } from '../conversations/shopper-messages.js';
import type { Database } from '../db/database.js';
import { AuthError, NotFoundError } from '../errors.js';
import type { SessionClaims } from '../identity/session-tokens.js';
import type { ShopperSessions } from '../identity/shopper-sessions.js';
import type { Logger } from '../logger.js';
import type { ConfirmationReader } from '../agent/confirmation-reply.js';
import { decisionReply } from '../agent/order-change-reply.js';
import { detectLanguage, type Language } from '../shared/language.js';
import type { Decided, OrderActions, OrderApprovalGate, PendingActionView } from '../orders/pending-actions.js';
import type { TurnRunner } from './turn-runner.js';

export interface ChatServiceDeps {
  db: Database;
  conversations: ConversationStore;
  events: EventLog;
  sessions: ShopperSessions;
  carts: CartStore;
  runner: TurnRunner;
  /** The conversation's language, which each message the shopper writes may change. */
  languages?: ConversationLanguage;
  logger: Logger;
  currency: string;
  /** Order changes the assistant prepared, which only the shopper's confirmation runs. */
  orderActions?: OrderActions;
  /** Holds a confirmed change that refunds too much for a person in the console. */
  orderApprovals?: OrderApprovalGate;
  /** Reads a plain yes or no, which answers the one change waiting instead of a model turn. */
  confirmation?: ConfirmationReader;
  /** Asks the other instances to stop a conversation's turn (set when several instances share Redis). */
  stopElsewhere?: (conversationId: string) => void;
  /** Called with each stored shopper message; handoff rules may queue the conversation. */
  onShopperMessage?: (conversation: Conversation, text: string, from: { clientIp: string }) => Promise<void>;
}

/**
 * Conversations as the shopper's channels see them: messages stored before the model is called,
 * one turn at a time per conversation (later messages wait in a persisted queue), a stop button,
 * retries of failed answers, and the shopper's own cart changes. Every call is made for a verified
 * session and reaches only that session's conversations and cart.
 */
export function createChatService(deps: ChatServiceDeps) {
  const { conversations, events, runner } = deps;

  async function ownConversation(claims: SessionClaims, conversationId: string): Promise<Conversation> {
    const conv = await conversations.get(conversationId);
    // Another session's conversation does not exist, as far as this caller can tell.
    if (!conv || conv.sessionId !== claims.sid) {
      throw new NotFoundError('conversation:not_found', 'Conversation not found.');
    }
    return conv;
  }

  async function cartIdOf(claims: SessionClaims): Promise<string> {
    const session = await deps.sessions.get(claims.sid);
    if (!session || session.revoked) {
      throw new AuthError('auth:bad_session', 'This session has ended: start a new one with POST /api/sessions.');
    }
    await deps.carts.ensure(session.cartId, { currency: deps.currency, customerId: session.customerId });
    return session.cartId;
  }

  /** The conversation's language as things stand (English without the language module). */
  const languageOf = async (conv: Conversation): Promise<Language> => (await deps.languages?.current(conv)) ?? 'en';

  /**
   * The shopper's plain yes or no (in the language the message tells, else the conversation's),
   * when exactly one change waits for it.
   */
  async function answerToWaiting(conv: Conversation, text: string) {
    if (!deps.confirmation || !deps.orderActions) return null;
    const said = deps.confirmation(text, detectLanguage(text) ?? (await languageOf(conv)));
    if (!said) return null;
    const waiting = await deps.orderActions.waiting(conv.id);
    return waiting.length === 1
      ? ({ actionId: waiting[0].id, decision: said === 'yes' ? 'confirm' : 'cancel' } as const)
      : null;
  }

  /**
   * Tells the conversation what the decision did: the card's new state, and the outcome as a reply
   * in the conversation's language.
   */
  async function announce(conv: Conversation, decided: Decided, language: Language): Promise<void> {
    if (!decided.changed) return;
    const { action } = decided;
    await events.append(conv.id, { type: 'action.updated', action });
    const text = decisionReply(action, language);
    if (!text) return;
    const id = await conversations.append(conv.id, { role: 'assistant', content: text, epoch: conv.epoch });
    await events.append(conv.id, {
      type: 'message.completed',
      messageId: `x_${id}`,
      role: 'assistant',
      text,
      products: [],
      quickReplies: [],
    });
  }

  async function decide(
    conv: Conversation,
    actionId: string,
    decision: 'confirm' | 'cancel',
    sessionId: string,
    language: Language,
  ) {
    const actions = deps.orderActions;
    if (!actions) throw new NotFoundError('action:not_found', 'There is no such change waiting for you.');
    const decided =
      decision === 'confirm'
        ? await actions.confirm(conv.id, actionId, { kind: 'shopper', id: sessionId }, deps.orderApprovals)
        : await actions.cancel(conv.id, actionId);
    await announce(conv, decided, language);
    return decided.action;
  }

  return {
    ownConversation,

    /** The shopper confirms or cancels a change the assistant prepared (the card's buttons). */
    async decideAction(
      claims: SessionClaims,
      conversationId: string,
      actionId: string,
      decision: 'confirm' | 'cancel',
    ): Promise<PendingActionView> {
      const conv = await ownConversation(claims, conversationId);
      return decide(conv, actionId, decision, claims.sid, await languageOf(conv));
    },

    /** Stores a shopper message (once, whatever the resends) and queues the assistant's turn. */
    async send(
      claims: SessionClaims,
      input: { conversationId: string; clientMessageId: string; text: string },
      from: { clientIp: string },
    ) {
      let conv = await ownConversation(claims, input.conversationId);
      if (conv.status === 'closed' && (await conversations.reopen(conv.id))) {
        await events.append(conv.id, {
          type: 'status.changed',
          status: 'bot',
          text: 'The assistant is back.',
          notice: { kind: 'resumed' },
        });
        conv = (await conversations.get(conv.id))!;
      }
      const assistantAnswers = conv.status === 'bot';
      // With other instances (stopElsewhere), the turn in progress may run on one of them.
      const wasBusy =
        runner.isRunning(conv.id) || (Boolean(deps.stopElsewhere) && (await runner.runsAnywhere(conv.id)));
      // "yes" to the one change waiting is the shopper's confirmation, decided here, not by the model;
      // while the assistant is still answering, a "yes" may answer that reply instead, so it waits its turn.
      const answer = assistantAnswers && !wasBusy ? await answerToWaiting(conv, input.text) : null;
      const stored = await storeShopperMessage(deps, conv, {
        ...input,
        sessionId: claims.sid,
        assistantAnswers: assistantAnswers && !answer,
      });
      if (stored.created) {
        // Before the turn is queued: the model (or the decision's reply) answers in the language this message moved to.
        const language = (await deps.languages?.afterMessage(conv, input.text)) ?? 'en';
        await deps.onShopperMessage?.(conv, input.text, from);
        if (answer) await decide(conv, answer.actionId, answer.decision, claims.sid, language);
        else runner.pump(conv.id);
      }
      return {
        messageId: `u_${stored.id}`,
        seq: stored.seq,
        queued: stored.created && assistantAnswers && wasBusy,
        userMessageId: stored.id,
      };
    },

    waitForTurn: runner.waitForTurn,

    /**
     * Stops the conversation's running turn: here, or, when another instance runs it, by asking
     * every instance (`stopElsewhere`); false when no turn runs anywhere.
     */
    async stop(claims: SessionClaims, conversationId: string): Promise<boolean> {
      await ownConversation(claims, conversationId);
      if (runner.stop(conversationId)) return true;
      if (!deps.stopElsewhere || !(await runner.runsAnywhere(conversationId))) return false;
      deps.stopElsewhere(conversationId);
      return true;
    },

    /** Another instance asks: stop this conversation's turn if it runs here. */
    stopHere: (conversationId: string): boolean => runner.stop(conversationId),

    /** Runs a failed answer again; answers that completed cannot be re-run. */
    async retry(claims: SessionClaims, conversationId: string, messageId: string): Promise<boolean> {
      await ownConversation(claims, conversationId);
      const m = /^a_(\d+)_/.exec(messageId);
      if (!m || !(await deps.runner.requeue(conversationId, Number(m[1])))) {
        throw new NotFoundError('message:not_found', 'There is no failed answer to retry.');
      }
      runner.pump(conversationId);
      return true;
    },

    /** The cart of this session. */
    async cart(claims: SessionClaims): Promise<CartView> {
      return deps.carts.view(await cartIdOf(claims));
    },

    /** A cart change made by the shopper directly (a card's button), with no model round trip. */
    async changeCart(claims: SessionClaims, change: (cartId: string) => Promise<CartView>): Promise<CartView> {
      const cart = await change(await cartIdOf(claims));
      const conv = await conversations.latestForSession(claims.sid);
      if (conv) await events.append(conv.id, { type: 'cart.updated', cart: toCartPayload(cart), actor: 'shopper' });
      return cart;
    },

    /**
     * The shop platform's cart as the shopper's page reports it: our copy follows, and the
     * conversation hears of it when something changed. Returns the session's cart id too.
     */
    async syncPlatformCart(
      claims: SessionClaims,
      sync: (cartId: string) => Promise<{ cart: CartView; changed: boolean }>,
    ): Promise<{ cartId: string; cart: CartView }> {
      const cartId = await cartIdOf(claims);
      const { cart, changed } = await sync(cartId);
      const conv = changed ? await conversations.latestForSession(claims.sid) : null;
      if (conv) await events.append(conv.id, { type: 'cart.updated', cart: toCartPayload(cart), actor: 'shopper' });
      return { cartId, cart };
    },

    after: (conversationId: string, afterSeq: number): Promise<ConversationEvent[]> =>
      events.after(conversationId, afterSeq),
    lastSeq: (conversationId: string): Promise<number> => events.lastSeq(conversationId),
    recover: () => runner.recover(),
    close: () => runner.close(),
  };
}

export type ChatService = ReturnType<typeof createChatService>;
