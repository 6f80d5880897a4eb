import type { CartPayload, PlatformCartCommand } from '../../src/chat/protocol.js';
import type { ConciergeApi, ConciergeEvents } from './concierge-api.js';
import {
  type Command,
  type Customer,
  type DemoOrder,
  type FrameToParent,
  type ParentToFrame,
  isOurMessage,
} from './frame-messages.js';
import { mountLauncher } from './launcher.js';
import { linkPlatformCart } from './platform-link.js';
import { detectPlatform } from './platforms/detect-platform.js';
import type { PlatformCart, PlatformName } from './platforms/platform-cart.js';
import type {} from './platforms/platform-carts.js';
import { readConfig } from './read-config.js';

/** The shop platform's own cart on this page, from the adapters' bundle (loaded only on such a page). */
function loadPlatformCart(platform: PlatformName, serverBase: string): Promise<PlatformCart> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${serverBase}/widget/platform-cart.js`;
    script.async = true;
    script.onload = () => {
      const carts = window.ConciergePlatformCarts;
      if (carts) resolve(carts.create(platform));
      else reject(new Error('the platform cart script did not load'));
    };
    script.onerror = () => reject(new Error('the platform cart script did not load'));
    document.head.append(script);
  });
}

/**
 * widget.js: reads its own tag, injects the launcher and the chat iframe, relays between the
 * page and the iframe by postMessage (explicit target origin, sender checked) and exposes
 * `window.Concierge`.
 */
function start(script: HTMLScriptElement | null) {
  if (window.Concierge) return;
  const config = readConfig(script, location.href, document.documentElement.lang);
  const hash = new URLSearchParams({ origin: config.shopOrigin });
  if (config.title) hash.set('title', config.title);
  if (config.language) hash.set('lang', config.language);
  const frameSrc = `${config.serverBase}/widget/chat.html#${hash.toString()}`;
  let open = false;
  let helloed = false;
  let nextId = 1;
  const queue: ParentToFrame[] = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const latest: Partial<ConciergeEvents> = {};
  const listeners: { [K in keyof ConciergeEvents]: Set<(v: ConciergeEvents[K]) => void> } = {
    ready: new Set(),
    cart: new Set(),
    status: new Set(),
  };

  const platform = detectPlatform(config.platform);
  const platformLink = platform
    ? loadPlatformCart(platform, config.serverBase).then(
        (cart) => linkPlatformCart(cart, post),
        (err: Error) => {
          console.warn(`Concierge: ${err.message}; the shop's own cart is not linked.`);
          return null;
        },
      )
    : null;

  const launcher = mountLauncher({
    frameSrc,
    title: config.title,
    accent: config.accent,
    language: config.language,
    onToggle: () => setOpen(!open),
  });

  function post(msg: ParentToFrame) {
    if (!helloed) queue.push(msg);
    else launcher.frame.contentWindow?.postMessage(msg, config.serverOrigin);
  }

  function setOpen(next: boolean) {
    if (next === open) return;
    open = next;
    launcher.setOpen(open);
    post({ type: 'concierge:visibility', open });
    if (open) {
      void platformLink?.then((link) => link?.opened());
      launcher.setUnread(0);
      launcher.frame.focus();
    } else launcher.button.focus();
  }

  /** Applies the server's command to the platform's cart; without a linked cart, says so. */
  async function answerPlatformCommand(id: number, command: PlatformCartCommand) {
    const link = await platformLink;
    if (link) return link.command(id, command);
    const error = { code: 'platform:network' as const, message: "This page's cart is not linked to the chat." };
    post({ type: 'concierge:platform-result', id, answer: { ok: false, error } });
  }

  function emit<K extends keyof ConciergeEvents>(event: K, value: ConciergeEvents[K]) {
    latest[event] = value;
    for (const fn of listeners[event]) fn(value);
  }

  function command<T>(cmd: Command): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post({ type: 'concierge:command', id, command: cmd });
    });
  }

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== config.serverOrigin || event.source !== launcher.frame.contentWindow) return;
    if (!isOurMessage<FrameToParent>(event.data)) return;
    const msg = event.data;
    switch (msg.type) {
      case 'concierge:hello':
        helloed = true;
        launcher.frame.contentWindow?.postMessage(
          { type: 'concierge:init', identity: config.identity, open, platform } satisfies ParentToFrame,
          config.serverOrigin,
        );
        for (const m of queue.splice(0)) post(m);
        break;
      case 'concierge:ready':
        emit('ready', { conversationId: msg.conversationId, customer: msg.customer });
        break;
      case 'concierge:cart':
        emit('cart', msg.cart);
        break;
      case 'concierge:status':
        emit('status', msg.status);
        break;
      case 'concierge:unread':
        launcher.setUnread(open ? 0 : msg.count, String(msg.text ?? ''));
        break;
      case 'concierge:language':
        launcher.setLanguage(msg);
        break;
      case 'concierge:close':
        setOpen(false);
        break;
      case 'concierge:platform-active':
        if (typeof msg.conversationId === 'string')
          void platformLink?.then((link) => link?.activate(msg.conversationId));
        break;
      case 'concierge:platform-command':
        if (typeof msg.id === 'number' && msg.command) void answerPlatformCommand(msg.id, msg.command);
        break;
      case 'concierge:result': {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (!p) break;
        if (msg.ok) p.resolve(msg.data);
        else p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
        break;
      }
    }
  });

  const api: ConciergeApi = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    send(text) {
      setOpen(true);
      return command<void>({ name: 'send', text: String(text) });
    },
    addToCart: (sku, quantity = 1) =>
      command<CartPayload>({ name: 'addToCart', sku: String(sku), quantity: Number(quantity) }),
    setQuantity: (sku, quantity) =>
      command<CartPayload>({ name: 'setQuantity', sku: String(sku), quantity: Number(quantity) }),
    signIn: (customerId, customerHash) =>
      customerId
        ? command<Customer>({
            name: 'signIn',
            customerId: String(customerId),
            customerHash: String(customerHash ?? ''),
          })
        : api.signOut(),
    signOut: () => command<Customer>({ name: 'signOut' }),
    checkout: () => command<DemoOrder>({ name: 'checkout' }),
    on(event, fn) {
      const set = listeners[event] as Set<typeof fn>;
      set.add(fn);
      if (latest[event] !== undefined) fn(latest[event]!);
      return () => set.delete(fn);
    },
  };
  window.Concierge = api;
  window.dispatchEvent(new Event('concierge:load'));
}

const script = document.currentScript as HTMLScriptElement | null;
if (document.body) start(script);
else document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
