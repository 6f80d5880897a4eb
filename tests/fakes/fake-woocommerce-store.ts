import { serveFake, type FakeAssets, type FakeRequest, type FakeResponse } from './fake-http.js';
import { WooError, wooCartJson, type FakeWooProduct, type WooCurrency } from './fake-woo-cart.js';
import { addItem, removeItem, updateItem } from './fake-woo-operations.js';
import { wooShopPage } from './fake-woo-page.js';
import { createWooSessions, SESSION_COOKIE, type WooSession } from './fake-woo-session.js';

export type { FakeWooProduct } from './fake-woo-cart.js';
export { SESSION_COOKIE };

export interface FakeWooOptions {
  products: FakeWooProduct[];
  currency?: WooCurrency;
  /** HTML put at the end of the page's `<head>` (the test's `<script>` tag). */
  extraHead?: string;
  assets?: FakeAssets;
}

export interface FakeWooCart {
  session: string;
  items: { id: number; key: string; quantity: number }[];
  /** What the PHP snippet would copy into the order's `_concierge_conversation` meta. */
  conversation: string | null;
}

export interface FakeWooStore {
  url: string;
  /** Every session that has items or a conversation. */
  carts(): FakeWooCart[];
  /** `METHOD path?query` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

const STORE_ROUTE = /^\/wc\/store\/v1\/(cart(?:\/(add-item|update-item|remove-item))?)$/;
const NO_ROUTE = { code: 'rest_no_route', message: 'No route was found matching the URL and request method.' };

/**
 * A WooCommerce shop as the Store API (v1) documentation describes it: the cart routes with their
 * response shapes and errors, `Nonce` and `Cart-Token` headers (a write needs one of them), one
 * cart per session cookie or cart token, a shop page with WooCommerce's globals and a mini-cart,
 * and the classic theme's AJAX add to cart.
 */
export async function startFakeWooStore(opts: FakeWooOptions): Promise<FakeWooStore> {
  const products = new Map(opts.products.map((p) => [p.id, p]));
  const currency = opts.currency ?? { code: 'EUR', symbol: '€', minorUnit: 2 };
  const sessions = createWooSessions();
  const requests: string[] = [];
  let origin = '';

  /** A Store API route; throws WooError for what WooCommerce refuses. */
  function storeApi(req: FakeRequest, route: string): FakeResponse {
    const match = STORE_ROUTE.exec(route);
    const write = req.method === 'POST' && match?.[2] !== undefined;
    if (!match || !(write || (req.method === 'GET' && !match[2])))
      return { status: 404, body: { ...NO_ROUTE, data: { status: 404 } } };
    const resolved = sessions.resolve(req);
    let session: WooSession | null = resolved.session;
    let started = false;
    try {
      if (write) sessions.checkNonce(req, resolved);
      if (write && !session) [session, started] = [sessions.create(), true];
      if (session && match[2] === 'add-item') addItem(session.lines, products, req.body);
      if (session && match[2] === 'update-item') updateItem(session.lines, products, req.body);
      if (session && match[2] === 'remove-item') session.lines = removeItem(session.lines, req.body);
      const body = wooCartJson(session?.lines ?? [], products, currency);
      const headers = sessions.responseHeaders(session, started && resolved.via !== 'token');
      return { status: match[2] === 'add-item' ? 201 : 200, body, headers };
    } catch (e) {
      if (!(e instanceof WooError)) throw e;
      return { status: e.status, body: e.body, headers: sessions.responseHeaders(resolved.session, false) };
    }
  }

  /** Classic themes' `POST /?wc-ajax=add_to_cart` (form fields), answering with cart fragments. */
  function classicAdd(req: FakeRequest): FakeResponse {
    let { session } = sessions.resolve(req);
    const started = !session;
    session ??= sessions.create();
    const form = (req.body ?? {}) as Record<string, unknown>;
    try {
      addItem(session.lines, products, { id: form.product_id, quantity: form.quantity ?? '1' });
    } catch (e) {
      if (!(e instanceof WooError)) throw e;
      return { status: 200, body: { error: true, product_url: '' } };
    }
    const count = session.lines.reduce((n, l) => n + l.quantity, 0);
    const fragments = { 'span.wc-block-mini-cart__badge': `<span class="wc-block-mini-cart__badge">${count}</span>` };
    const cookie = `${SESSION_COOKIE}=${session.id}; Path=/; SameSite=Lax`;
    return {
      status: 200,
      body: { fragments, cart_hash: session.id },
      headers: started ? { 'Set-Cookie': cookie } : {},
    };
  }

  function route(req: FakeRequest): FakeResponse {
    const asset = opts.assets?.[req.url.pathname];
    if (asset) return { status: 200, body: asset.body, contentType: asset.contentType };
    if (req.method === 'POST' && req.url.searchParams.get('wc-ajax') === 'add_to_cart') return classicAdd(req);
    const restRoute = req.url.searchParams.get('rest_route');
    if (restRoute !== null) return storeApi(req, restRoute);
    if (req.url.pathname.startsWith('/wp-json/')) return storeApi(req, req.url.pathname.slice('/wp-json'.length));
    if (req.method === 'GET' && (req.url.pathname === '/' || req.url.pathname === '/shop/')) {
      const { session } = sessions.resolve(req);
      const itemsCount = (session?.lines ?? []).reduce((n, l) => n + l.quantity, 0);
      const page = { origin, nonce: sessions.nonceFor(session), itemsCount, extraHead: opts.extraHead ?? '' };
      return { status: 200, body: wooShopPage({ ...page, products: opts.products }) };
    }
    return { status: 404, body: '<h1>Page not found</h1>' };
  }

  const server = await serveFake((req) => {
    requests.push(`${req.method} ${req.url.pathname}${req.url.search}`);
    const { session } = sessions.resolve(req);
    const conversation = req.cookies.concierge_conversation;
    if (session && conversation) session.conversation = conversation;
    return route(req);
  });
  origin = server.url;
  return {
    url: server.url,
    carts: () =>
      [...sessions.sessions.values()]
        .filter((s) => s.lines.length || s.conversation)
        .map((s) => ({ session: s.id, items: s.lines.map((l) => ({ ...l })), conversation: s.conversation })),
    requests,
    close: server.close,
  };
}
