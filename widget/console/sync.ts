import type { AgentServerEvent } from '../../src/handoff/agent-protocol.js';
import type { AgentClient } from './api.js';
import { errorText } from './error-text.js';
import { t } from '../i18n/live.js';
import type { ConversationView } from './conversation-view.js';
import type { ConsoleState } from './state.js';

const TYPING_EXPIRES_MS = 8_000;

/**
 * Keeps the state in step with the server. On every (re)connect it asks for the queue and
 * re-opens the conversation on screen from the last seq it applied, so nothing said while
 * the connection was down is missed and the queue is never stale. A gap in live events is
 * filled the same way.
 */
export function createSync(deps: {
  state: ConsoleState;
  client: () => AgentClient | null;
  onError: (message: string) => void;
}) {
  const { state } = deps;
  let opening: { view: ConversationView; done: Promise<void> } | null = null;
  let openAgain = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const report = (err: unknown) => deps.onError(errorText(err, 'console.error.failed'));

  /** Opens (or re-opens) the conversation on screen from its last applied seq; one request at a time. */
  function reopen(): Promise<void> {
    const client = deps.client();
    const view = state.view;
    if (!client || !view || !client.connected) return Promise.resolve();
    if (opening?.view === view) {
      openAgain = true;
      return opening.done;
    }
    openAgain = false;
    const current = { view, done: Promise.resolve() };
    current.done = (async () => {
      try {
        do {
          openAgain = false;
          const detail = await client.request('conversation:open', { conversationId: view.id, afterSeq: view.lastSeq });
          if (state.view !== view) return; // the agent moved on meanwhile
          view.applyDetail(detail);
        } while ((openAgain || view.hasGap) && state.view === view && client.connected);
      } catch (err) {
        // A dropped connection is no news: the reconnect re-opens from the same seq.
        if (state.view === view && client.connected) report(err);
      } finally {
        if (opening === current) opening = null;
      }
    })();
    opening = current;
    return current.done;
  }

  async function refreshQueue() {
    const client = deps.client();
    if (!client) return;
    try {
      state.setQueue(await client.request('queue:list', state.queueView()));
    } catch (err) {
      report(err);
    }
  }

  return {
    reopen,
    refreshQueue,

    connected(): void {
      state.setConnection('online');
      void refreshQueue();
      void reopen();
    },

    disconnected(): void {
      state.setConnection('offline');
      // Typing seen before the drop may never be switched off: forget it.
      state.view?.setShopperTyping(false);
      state.view?.setAgentTyping(null);
    },

    open(conversationId: string): Promise<void> {
      if (state.view?.id !== conversationId) state.openConversation(conversationId);
      return reopen();
    },

    event(e: AgentServerEvent): void {
      const view = state.view;
      switch (e.type) {
        case 'queue': {
          const { type: _type, ...page } = e;
          state.setQueue(page);
          // The broadcast is the first page of everything; another view asks for its own.
          if (!state.matches(page)) void refreshQueue();
          return;
        }
        case 'conversation': {
          if (!view || e.event.conversationId !== view.id) {
            if (e.event.type === 'message.created' && e.event.role === 'user') state.markUnread(e.event.conversationId);
            return;
          }
          const applied = view.receive(e.event);
          // An order change ran or was held: the customer's orders and refunds are news.
          if (applied === 'gap' || (applied === 'applied' && e.event.type === 'action.updated')) void reopen();
          return;
        }
        case 'note':
          view?.addNote(e.note);
          return;
        case 'approval':
          view?.setApproval(e.approval);
          return;
        case 'typing': {
          if (!view || e.conversationId !== view.id) return;
          if (e.role === 'shopper') {
            view.setShopperTyping(e.isTyping);
            clearTimeout(typingTimer);
            // A shopper who closes the tab mid-sentence never sends "stopped typing".
            if (e.isTyping) typingTimer = setTimeout(() => view.setShopperTyping(false), TYPING_EXPIRES_MS);
          } else if (e.agentName !== state.agent.name) {
            view.setAgentTyping(e.isTyping ? (e.agentName ?? t('console.aColleague')) : null);
          }
          return;
        }
      }
    },
  };
}

export type Sync = ReturnType<typeof createSync>;
