import type { CartPayload } from '../../src/chat/protocol.js';
import type { Customer, StatusInfo } from '../loader/frame-messages.js';
import { AI_NOTICE, createChatHeader } from './chat-header.js';
import { createComposer, icon } from './composer.js';
import type { ChatMessage, MessageChange, StateListener, Typing } from './conversation-state.js';
import { createCsat } from './csat.js';
import { h } from './dom.js';
import { MessageView } from './message-view.js';
import { textDirection } from './text-direction.js';

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

const STARTERS = ['Show me rain jackets', 'Help me pick running shoes', 'Where is my order?'];
const CART_ICON =
  'M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM5.2 4H2V2h4.8l.9 2H21l-3.2 8.4a2 2 0 0 1-1.9 1.3H8.6l-1 1.8V16h12v2H4.9l2.4-4.4L5.2 4z';

/** The chat panel: header, connection banner, messages, quick replies, rating prompt and composer. */
export function createChatView(
  root: HTMLElement,
  opts: { title: string; embedded: boolean; base: string; linkOrigins: readonly string[]; actions: ViewActions },
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
  const cartBadge = h(
    'div',
    { class: 'cart-badge', role: 'status', 'aria-label': 'Cart: 0 items' },
    icon(CART_ICON),
    cartCount,
  );
  // On a Shopify or WooCommerce shop the cart is the platform's: the shopper pays at its checkout.
  const checkout = h('a', { class: 'checkout', target: '_top', hidden: true }, 'Checkout');
  const close = opts.embedded
    ? h(
        'button',
        { type: 'button', class: 'icon-btn close', 'aria-label': 'Close chat', onClick: () => actions.close() },
        icon('M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z'),
      )
    : null;
  const banner = h('div', { class: 'banner', role: 'status', hidden: true });
  const list = h('ol', { class: 'messages', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  const welcome = h(
    'div',
    { class: 'welcome' },
    h('p', { class: 'hello' }, 'Hi there!'),
    h('p', { class: 'ai-note' }, AI_NOTICE),
    h('p', {}, 'I can find products, compare sizes and colours, check stock and orders, and add things to your cart.'),
  );
  const typing = h('div', { class: 'typing', hidden: true, role: 'status' });
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Suggested replies' });
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
      views.size === 0 ? STARTERS : last?.role === 'assistant' && !last.streaming ? last.quickReplies : [];
    chips.replaceChildren(
      ...replies.map((r) => h('button', { type: 'button', class: 'chip', onClick: () => send(r) }, r)),
    );
    const lastUser = [...messagesByOrder].reverse().find((m) => m.role === 'user');
    panel.dir = lastUser && textDirection(lastUser.text) === 'rtl' ? 'rtl' : 'ltr';
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
      cartCount.textContent = String(c.itemCount);
      cartBadge.setAttribute('aria-label', `Cart: ${c.itemCount} ${c.itemCount === 1 ? 'item' : 'items'}`);
      cartBadge.classList.toggle('empty', c.itemCount === 0);
      const url = c.itemCount > 0 && c.checkoutUrl ? linkable(c.checkoutUrl) : null;
      checkout.hidden = !url;
      if (url) checkout.href = url;
      else checkout.removeAttribute('href');
    },
    typing(t: Typing) {
      typing.hidden = !t;
      typing.replaceChildren(
        ...(t
          ? [
              h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
              `${t.role === 'agent' ? (t.name ?? 'A team member') : 'The AI assistant'} is typing…`,
            ]
          : []),
      );
      afterChange();
    },
  };

  return {
    listener,
    setConnection(state: 'connecting' | 'online' | 'offline') {
      banner.hidden = state === 'online';
      banner.textContent = state === 'connecting' ? 'Connecting…' : 'Reconnecting…';
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
}
