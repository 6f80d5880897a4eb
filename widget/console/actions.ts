import type { OrderActionView, orderPreparePayload } from '../../src/handoff/agent-protocol.js';
import type { z } from 'zod';
import { ConsoleError, type AgentClient } from './api.js';
import type { ConsoleState } from './state.js';
import { language as consoleLanguage, t } from '../i18n/live.js';
import { errorText } from './error-text.js';
import { isLanguage } from '../../src/shared/language.js';

const TYPING_IDLE_MS = 2_500;

export type OrderChangeInput = z.input<typeof orderPreparePayload>['change'];

/**
 * What the agent can do to the conversation on screen. Each returns when the server acked and
 * throws a ConsoleError otherwise: the server's (e.g. "already taken by Sam"), worded for the agent by `errorText`.
 */
export function createActions(deps: {
  state: ConsoleState;
  client: () => AgentClient | null;
  /** Fetches the conversation on screen again (its customer's orders after a change). */
  refresh?: () => Promise<void>;
}) {
  const { state } = deps;
  let typingIn: string | null = null;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const client = (): AgentClient => {
    const c = deps.client();
    if (!c) throw new ConsoleError('network:offline', t('console.error.offline'));
    return c;
  };
  const openView = () => {
    const v = state.view;
    if (!v) throw new ConsoleError('console:no_conversation', t('console.error.noConversation'));
    return v;
  };

  function stopTyping() {
    clearTimeout(typingTimer);
    if (typingIn) deps.client()?.notify('typing:set', { conversationId: typingIn, isTyping: false });
    typingIn = null;
  }

  return {
    async claim() {
      const v = openView();
      const r = await client().request('conversation:claim', { conversationId: v.id });
      v.setStatus(r.status, state.agent.email, state.agent.name);
    },
    async release() {
      const v = openView();
      const r = await client().request('conversation:release', { conversationId: v.id });
      v.setStatus(r.status, null, null);
    },
    async close(resolution: string) {
      const v = openView();
      const r = await client().request('conversation:close', { conversationId: v.id, resolution });
      v.setStatus(r.status, null, null);
    },
    async reply(text: string) {
      const v = openView();
      stopTyping();
      await client().request('message:send', { conversationId: v.id, text });
      // The message itself arrives as a conversation event with its seq.
    },
    async note(text: string) {
      const v = openView();
      v.addNote(await client().request('note:add', { conversationId: v.id, text }));
    },
    async setQuantity(sku: string, quantity: number) {
      const v = openView();
      v.setCart(await client().request('cart:set', { conversationId: v.id, sku, quantity }));
    },
    async decide(approvalId: number, decision: 'approve' | 'reject', opts: { quantity?: number; note?: string } = {}) {
      const v = openView();
      v.setApproval(
        await client().request('approval:decide', {
          approvalId,
          decision,
          ...(opts.quantity !== undefined ? { quantity: opts.quantity } : {}),
          ...(opts.note !== undefined ? { note: opts.note } : {}),
        }),
      );
    },
    /** Checks an order change for the conversation's customer and returns what it would do; nothing changes. */
    async prepareOrder(change: OrderChangeInput): Promise<OrderActionView> {
      const v = openView();
      const action = await client().request('order:prepare', { conversationId: v.id, change });
      v.setOrderAction(action);
      return action;
    },
    /** Runs a change this console prepared; the customer's orders are fetched again. */
    async executeOrder(actionId: string): Promise<OrderActionView> {
      const v = openView();
      const action = await client().request('order:execute', { conversationId: v.id, actionId });
      v.setOrderAction(action);
      await deps.refresh?.();
      return action;
    },
    /** Translates a message of the conversation into the console's language; shown under the message. */
    async translateMessage(key: string) {
      const v = openView();
      const text = v.messageText(key);
      if (!text) return;
      v.setTranslation(key, { status: 'loading', text: '' });
      try {
        const r = await client().request('text:translate', { conversationId: v.id, text, to: consoleLanguage() });
        v.setTranslation(key, { status: 'done', text: r.text });
      } catch (err) {
        v.setTranslation(key, { status: 'failed', text: errorText(err, 'console.error.failed') });
      }
    },
    /** A draft in the shopper's language, for the agent to check before sending. */
    async translateDraft(text: string): Promise<string> {
      const v = openView();
      if (!isLanguage(v.language)) throw new ConsoleError('console:no_language', t('console.error.noLanguage'));
      const r = await client().request('text:translate', { conversationId: v.id, text, to: v.language });
      return r.text;
    },
    /** Call on each keystroke in the reply box: sends "typing" once, and "stopped" after a pause. */
    typing() {
      const v = state.view;
      // Only the agent who has the conversation shows as typing to the shopper.
      if (!v || v.status !== 'human' || !state.isMine(v)) return;
      if (typingIn !== v.id) {
        stopTyping();
        deps.client()?.notify('typing:set', { conversationId: v.id, isTyping: true });
        typingIn = v.id;
      }
      clearTimeout(typingTimer);
      typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
    },
    stopTyping,
  };
}

export type Actions = ReturnType<typeof createActions>;
