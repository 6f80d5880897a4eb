import type { Command } from '../loader/frame-messages.js';
import type { PlatformName } from '../loader/platforms/platform-cart.js';
import { createChatClient, type Identity } from './chat-client.js';
import { createChatView } from './chat-view.js';
import { ConversationState, type StateListener } from './conversation-state.js';
import { createFrameBridge, parentOriginFrom } from './frame-bridge.js';
import { ChatError } from './session.js';
import { languageOfTag } from '../../src/shared/language.js';
import { dir, setLanguage, t } from '../i18n/live.js';

/** The chat app inside the iframe (or on its own at /widget/chat.html). */
const params = new URLSearchParams(location.hash.slice(1));
// The shop's own title (data-title), or the catalog's words for an assistant in the chat's language.
const title = params.get('title')?.slice(0, 60) || null;
const pageLanguage = languageOfTag(params.get('lang'));
setLanguage(pageLanguage ?? 'en');
const accent = params.get('accent');
if (accent && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(accent))
  document.documentElement.style.setProperty('--accent', accent);
const apiBase = new URL('../', location.href).href;

let started = false;
let pagePlatform: PlatformName | null = null;
let markReady: () => void = () => {};
const ready = new Promise<void>((r) => (markReady = r));

const bridge = createFrameBridge(parentOriginFrom(location.hash), {
  init(identity, open, pageOrigin, platform) {
    pagePlatform = platform;
    view.allowLinksTo(pageOrigin);
    view.setVisible(open);
    start(identity);
  },
  visibility: (open) => view.setVisible(open),
  command: run,
  platformCart: (cart) =>
    void client.syncPlatformCart(cart).catch((err: Error) => console.warn(`Concierge: cart sync (${err.message})`)),
});

const view = createChatView(document.getElementById('app')!, {
  title,
  embedded: bridge.embedded,
  base: apiBase,
  // The assistant may link to this server; the shop's page is added when it answers the handshake.
  linkOrigins: [location.origin],
  actions: {
    send: (text) => void client.send(text).catch((err: Error) => console.warn(`Concierge: ${err.message}`)),
    stop: () => void client.stop().catch(() => {}),
    retry: (id) => client.retry(id),
    decideAction: (id, decision) => client.decideAction(id, decision),
    addToCart: (sku) => client.cart('cart:add', sku, 1),
    rate: (rating, comment) => client.rate(rating, comment),
    typing: (b) => client.typing(b),
    close: () => bridge.post({ type: 'concierge:close' }),
    unread: (count) => bridge.post({ type: 'concierge:unread', count, text: t('launcher.unread', { count }) }),
    conversationId: () => state.conversationId,
  },
});

const listener: StateListener = {
  ...view.listener,
  cart(c) {
    view.listener.cart(c);
    bridge.post({ type: 'concierge:cart', cart: c });
  },
  language(l) {
    view.listener.language(l);
    bridge.post({
      type: 'concierge:language',
      language: l,
      dir: dir(),
      open: t('launcher.open'),
      title: title ?? t('chat.title'),
    });
  },
  status(s, live) {
    view.listener.status(s, live);
    bridge.post({ type: 'concierge:status', status: s });
  },
};
const state = new ConversationState(listener);

const client = createChatClient({
  apiBase,
  pageLanguage,
  serverOrigin: location.origin,
  state,
  hooks: {
    connection: (s) => view.setConnection(s),
    ready(session) {
      view.setCustomer(session.customer);
      bridge.post({ type: 'concierge:ready', conversationId: session.conversationId, customer: session.customer });
      markReady();
    },
    joined(data) {
      // The server drives this page's platform cart: the page tags, reports and watches it (again after a reconnect).
      if (pagePlatform && data.cartPlatform === pagePlatform)
        bridge.post({ type: 'concierge:platform-active', conversationId: data.conversationId });
    },
    platformCommand: (command) => bridge.platformCommand(command),
  },
});

function start(identity: Identity) {
  if (started) return;
  started = true;
  void client.start(identity);
}

/** Commands from the shop's page, run once the chat has joined its conversation. */
async function run(c: Command): Promise<unknown> {
  await ready;
  const quantity = (q: unknown, min: number) =>
    Number.isInteger(q) && (q as number) >= min && (q as number) <= 20 ? (q as number) : null;
  switch (c.name) {
    case 'send':
      return client.send(String(c.text ?? ''));
    case 'addToCart':
    case 'setQuantity': {
      const q = quantity(c.quantity, c.name === 'addToCart' ? 1 : 0);
      if (q === null) throw new ChatError('cart:bad_quantity', 'Quantity must be a whole number from 1 to 20.');
      return client.cart(c.name === 'addToCart' ? 'cart:add' : 'cart:set', String(c.sku), q);
    }
    case 'signIn':
      return client.signIn(String(c.customerId), String(c.customerHash));
    case 'signOut':
      return client.signOut();
    case 'checkout':
      return client.checkout();
    default:
      throw new ChatError('command:unknown', 'Unknown command.');
  }
}

view.setConnection('connecting');
if (bridge.embedded) {
  bridge.hello();
  // A page that never answers (wrong data-shop-origin) still gets a working chat, as a guest.
  setTimeout(() => start(null), 4_000);
} else start(null);
