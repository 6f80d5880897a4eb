import { createActions } from './actions.js';
import { connectAgent, sessionStore, type AgentClient, type AgentSession } from './api.js';
import { createComposer } from './composer.js';
import { buildLayout } from './layout.js';
import { showLogin } from './login.js';
import { createApprovalsPanel } from './render-approvals.js';
import { createCartPanel } from './render-cart.js';
import { createConversationHeader } from './render-conversation.js';
import { createCustomerPanel } from './render-customer.js';
import { createPacketPanel } from './render-packet.js';
import { createQueuePanel } from './render-queue.js';
import { createTranscript } from './render-transcript.js';
import { ConsoleState, type Change } from './state.js';
import { createSync } from './sync.js';
import { language, setLanguage, t } from '../i18n/live.js';
import { detectLanguage, languageOfTag } from '../../src/shared/language.js';

const CONNECTION_TEXT = {
  connecting: 'console.connecting',
  online: 'console.online',
  offline: 'console.reconnecting',
} as const;

function startConsole(app: HTMLElement, session: AgentSession): void {
  let client: AgentClient | null = null;
  const ui = buildLayout(session.agent.name, () => end());
  const state = new ConsoleState(session.agent, render);
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  const toast = (message: string) => {
    ui.toast.textContent = message;
    ui.toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (ui.toast.hidden = true), 8_000);
  };
  const sync = createSync({ state, client: () => client, onError: toast });
  const actions = createActions({ state, client: () => client, refresh: () => sync.reopen() });
  const queue = createQueuePanel(ui.queue, {
    state,
    open: (id) => void sync.open(id),
    reload: () => void sync.refreshQueue(),
  });
  const header = createConversationHeader(ui.header, { state, actions });
  const packet = createPacketPanel(ui.packet);
  const transcript = createTranscript(ui.scroller, ui.typing, {
    // A shopper's message in another language than the agent's (its own, else the conversation's).
    translatable: (e) => {
      const view = state.view;
      const written = detectLanguage(e.text) ?? view?.language;
      return !!view?.translation && !!written && written !== language();
    },
    translate: (key) => void actions.translateMessage(key),
  });
  const composer = createComposer(ui.composer, { state, actions });
  const approvals = createApprovalsPanel(ui.approvals, { actions });
  const customer = createCustomerPanel(ui.customer, { actions });
  const cart = createCartPanel(ui.cart, { actions });
  const ticker = setInterval(() => queue.tick(), 5_000);

  function render(changes: Set<Change>): void {
    const view = state.view;
    if (changes.has('open')) {
      ui.empty.hidden = !!view;
      ui.conversation.hidden = !view;
      ui.side.hidden = !view;
      header.reset();
      transcript.clear();
      composer.reset();
      approvals.reset();
      customer.reset();
      cart.reset();
      history.replaceState(null, '', view ? `#${encodeURIComponent(view.id)}` : location.pathname);
    }
    const all = changes.has('open');
    if (all || changes.has('queue')) {
      queue.render();
      const waiting = state.counts.waiting;
      document.title = waiting > 0 ? t('console.titleWaiting', { count: waiting }) : t('console.title');
    }
    if (all || changes.has('connection')) {
      ui.connection.textContent = t(CONNECTION_TEXT[state.connection]);
      ui.connection.className = `conn ${state.connection}`;
      ui.banner.hidden = state.connection !== 'offline';
      ui.banner.textContent = t('console.connectionLost');
    }
    if (!view) return;
    if (all || changes.has('details')) {
      packet.render(view.packet);
      customer.render({
        customer: view.customer,
        loaded: view.loaded,
        conversationId: view.id,
        orderActions: view.orderActions,
        cancelReasons: view.cancelReasons,
      });
    }
    if (all || changes.has('details') || changes.has('header') || changes.has('connection')) {
      header.render(view);
      composer.render();
    }
    if (all || changes.has('transcript')) transcript.render(view.entries());
    if (all || changes.has('typing')) transcript.typing(view.shopperTyping, view.agentTyping);
    if (all || changes.has('cart')) cart.render(view.cart);
    if (all || changes.has('approvals')) approvals.render([...view.approvals.values()]);
  }

  function end(notice?: string) {
    clearInterval(ticker);
    actions.stopTyping();
    client?.close();
    client = null;
    sessionStore.clear();
    history.replaceState(null, '', location.pathname);
    showLogin(app, (s) => begin(app, s), notice);
  }

  app.replaceChildren(ui.root);
  document.title = t('console.title');
  render(new Set(['open', 'queue', 'connection']));
  const fromHash = decodeURIComponent(location.hash.slice(1));
  if (fromHash) void sync.open(fromHash);
  client = connectAgent(session.token, {
    connected: sync.connected,
    disconnected: sync.disconnected,
    refused: () => end(t('console.sessionEnded')),
    event: sync.event,
  });
}

function begin(app: HTMLElement, session: AgentSession): void {
  sessionStore.save(session);
  startConsole(app, session);
}

// The console speaks its agent's language: the browser's, when Concierge speaks it.
setLanguage(languageOfTag(navigator.language) ?? 'en');
const app = document.getElementById('app')!;
const saved = sessionStore.load();
if (saved) startConsole(app, saved);
else showLogin(app, (s) => begin(app, s));
