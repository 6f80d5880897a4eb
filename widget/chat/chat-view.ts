import type { CartPayload } from '../../src/chat/protocol.js';
import type { Customer, StatusInfo } from '../loader/frame-messages.js';
import { createChatHeader } from './chat-header.js';
import { dir, number, setLanguage, t, type MessageKey } from '../i18n/live.js';
import type { Language } from '../../src/shared/language.js';
import { createComposer, icon } from './composer.js';
import type { ChatMessage, MessageChange, StateListener, Typing } from './conversation-state.js';
import { createCsat } from './csat.js';
import { h } from './dom.js';
import { MessageView } from './message-view.js';

export interface ViewActions {
  send(text: string): void;
  stop(): void;
  retry(messageId: string): Promise<unknown>;
  decideAction(actionId: string, decision: 'confirm' | 'cancel'): Promise<unknown>;
  addToCart(sku: string): Promise<CartPayload>;
  rate(rating: number, comment?: string): Promise<unknown>;
  typing(isTyping: boolean): void;
  close(): void;
  unread(count: number): void;
  conversationId(): string | null;
}

const STARTERS: MessageKey[] = ['chat.starter.1', 'chat.starter.2', 'chat.starter.3'];
const CART_ICON =
  'M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM5.2 4H2V2h4.8l.9 2H21l-3.2 8.4a2 2 0 0 1-1.9 1.3H8.6l-1 1.8V16h12v2H4.9l2.4-4.4L5.2 4z';

/** The chat panel: header, connection banner, messages, quick replies, rating prompt and composer. */
export function createChatView(
  root: HTMLElement,
  opts: { title: string | null; embedded: boolean; base: string; linkOrigins: readonly string[]; actions: ViewActions },
) {
  const { actions } = opts;
  const linkOrigins = [...opts.linkOrigins];
  const views = new Map<string, MessageView>();
  const streaming = new Set<string>();
  let status: StatusInfo = { status: 'bot', agentName: null, queuePosition: null };
  let customer: Customer = null;
  let visible = !opts.embedded;
  let unread = 0;
  let stick = true;
  let lastMessage: ChatMessage | null = null;
  const messagesByOrder: ChatMessage[] = [];
  /** An http(s) URL on an origin we may link to (this server, the shop's page), else null. */
  const linkable = (url: string): string | null => {
    try {
      const u = new URL(url);
      return /^https?:$/.test(u.protocol) && linkOrigins.includes(u.origin) ? u.href : null;
    } catch {
      return null;
    }
  };

  const cartCount = h('span', { class: 'count' }, '0');
  const cartBadge = h('div', { class: 'cart-badge', role: 'status' }, icon(CART_ICON), cartCount);
  // On a Shopify or WooCommerce shop the cart is the platform's: the shopper pays at its checkout.
  const checkout = h('a', { class: 'checkout', target: '_top', hidden: true });
  const close = opts.embedded
    ? h(
        'button',
        { type: 'button', class: 'icon-btn close', onClick: () => actions.close() },
        icon('M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z'),
      )
    : null;
  const banner = h('div', { class: 'banner', role: 'status', hidden: true });
  const list = h('ol', { class: 'messages', 'aria-live': 'polite' });
  const hello = h('p', { class: 'hello' });
  const aiNote = h('p', { class: 'ai-note' });
  const intro = h('p');
  const welcome = h('div', { class: 'welcome' }, hello, aiNote, intro);
  const typing = h('div', { class: 'typing', hidden: true, role: 'status' });
  const chips = h('div', { class: 'chips', role: 'group' });
  const csat = createCsat((r, c) => actions.rate(r, c));
  const composer = createComposer({
    send: (t) => send(t),
    stop: () => actions.stop(),
    typing: (b) => actions.typing(b),
  });
  const scroll = h('div', { class: 'scroll' }, welcome, list, typing, chips, csat.el);
  const header = createChatHeader({ title: opts.title, end: [checkout, cartBadge, close] });
  const panel = h('div', { class: 'panel' }, header.el, banner, scroll, composer.el);
  root.replaceChildren(panel);
  scroll.addEventListener('scroll', () => (stick = scroll.scrollHeight - scroll.scrollTop - scroll.clientHeight < 80));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && opts.embedded) actions.close();
  });

  let cart: CartPayload | null = null;
  let typingWho: Typing = null;
  let connection: 'connecting' | 'online' | 'offline' = 'connecting';

  /** Every word of the chat's own, in the page's current language, and its direction. */
  function relabel() {
    panel.dir = dir();
    header.relabel();
    composer.relabel();
    csat.relabel();
    checkout.textContent = t('chat.checkout');
    close?.setAttribute('aria-label', t('chat.close'));
    list.setAttribute('aria-label', t('chat.conversation'));
    chips.setAttribute('aria-label', t('chat.suggestions'));
    hello.textContent = t('chat.welcome.hello');
    aiNote.textContent = t('chat.aiNotice');
    intro.textContent = t('chat.welcome.body');
    if (cart) listener.cart(cart);
    else {
      cartCount.textContent = number(0);
      cartBadge.setAttribute('aria-label', t('chat.cart.label', { count: 0 }));
    }
    listener.typing(typingWho);
    api.setConnection(connection);
    for (const v of views.values()) v.refresh();
    afterChange();
  }

  function send(text: string) {
    stick = true;
    actions.send(text);
  }

  function afterChange() {
    welcome.hidden = views.size > 0;
    composer.setStreaming(streaming.size > 0);
    list.setAttribute('aria-busy', String(streaming.size > 0));
    const last = lastMessage;
    const replies =
      views.size === 0
        ? STARTERS.map((k) => t(k))
        : last?.role === 'assistant' && !last.streaming
          ? last.quickReplies
          : [];
    chips.replaceChildren(
      ...replies.map((r) => h('button', { type: 'button', class: 'chip', dir: 'auto', onClick: () => send(r) }, r)),
    );
    if (stick) requestAnimationFrame(() => (scroll.scrollTop = scroll.scrollHeight));
  }

  function showStatus() {
    header.show(status, customer);
    csat.show(status.status === 'closed', actions.conversationId() ?? '');
  }

  const listener: StateListener = {
    reset() {
      views.clear();
      streaming.clear();
      messagesByOrder.length = 0;
      lastMessage = null;
      list.replaceChildren();
      typing.hidden = true;
      afterChange();
    },
    message(m: ChatMessage, change: MessageChange, live: boolean) {
      const view = views.get(m.key);
      if (view) view.update(m);
      else {
        const v = new MessageView(m, {
          retry: actions.retry,
          decideAction: actions.decideAction,
          addToCart: actions.addToCart,
          base: opts.base,
          linkOrigins,
        });
        views.set(m.key, v);
        messagesByOrder.push(m);
        list.append(v.el);
      }
      lastMessage = messagesByOrder[messagesByOrder.length - 1] ?? null;
      if (m.streaming) streaming.add(m.key);
      else streaming.delete(m.key);
      const arrived = (m.role === 'agent' && change === 'added') || (m.role === 'assistant' && change === 'completed');
      if (live && arrived && !visible) actions.unread(++unread);
      afterChange();
    },
    status(s: StatusInfo) {
      status = s;
      showStatus();
      afterChange();
    },
    cart(c: CartPayload) {
      cart = c;
      cartCount.textContent = number(c.itemCount);
      cartBadge.setAttribute('aria-label', t('chat.cart.label', { count: c.itemCount }));
      cartBadge.classList.toggle('empty', c.itemCount === 0);
      const url = c.itemCount > 0 && c.checkoutUrl ? linkable(c.checkoutUrl) : null;
      checkout.hidden = !url;
      if (url) checkout.href = url;
      else checkout.removeAttribute('href');
    },
    typing(who: Typing) {
      typingWho = who;
      typing.hidden = !who;
      typing.replaceChildren(
        ...(who ? [h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), typingText(who)] : []),
      );
      afterChange();
    },
    language(language: Language) {
      setLanguage(language);
      relabel();
    },
  };

  const api = {
    listener,
    setConnection(state: 'connecting' | 'online' | 'offline') {
      connection = state;
      banner.hidden = state === 'online';
      banner.textContent = state === 'connecting' ? t('chat.connecting') : t('chat.reconnecting');
      panel.classList.toggle('offline', state !== 'online');
    },
    setCustomer(c: Customer) {
      customer = c;
      showStatus();
    },
    setVisible(open: boolean) {
      visible = open;
      if (open) {
        unread = 0;
        actions.unread(0);
        composer.focus();
        stick = true;
        afterChange();
      }
    },
    focusComposer: () => composer.focus(),
    /** Lets the assistant's links to `origin` be clickable: the shop's page, once it has answered the handshake. */
    allowLinksTo(origin: string) {
      if (linkOrigins.includes(origin)) return;
      linkOrigins.push(origin);
      for (const v of views.values()) v.refresh();
    },
  };
  relabel();
  return api;
}

function typingText(who: NonNullable<Typing>): string {
  if (who.role !== 'agent') return t('chat.typing.assistant');
  return t('chat.typing.agent', { name: who.name ?? t('chat.typing.someone') });
}
