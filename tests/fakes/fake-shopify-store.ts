import { randomBytes } from 'node:crypto';
import { serveFake, type FakeAssets, type FakeRequest, type FakeResponse } from './fake-http.js';
import {
  CartError,
  cartJson,
  catalogOf,
  lineItemJson,
  type FakeShopifyCart,
  type FakeShopifyProduct,
} from './fake-shopify-cart.js';
import { addItems, changeLine, updateCart } from './fake-shopify-operations.js';
import { renderSection, themePage, type BubbleLayout } from './fake-shopify-theme.js';

export type { FakeShopifyProduct, FakeShopifyVariant } from './fake-shopify-cart.js';

export interface FakeShopifyOptions {
  products: FakeShopifyProduct[];
  shop?: string;
  currency?: string;
  /** `window.Shopify.routes.root`; the store answers under it and at `/` as Shopify does. */
  root?: string;
  /** HTML put at the end of the page's `<head>` (the test's `<script>` tag). */
  extraHead?: string;
  /** Where the theme keeps its cart bubble; `wrapped` (a section of its own) unless `dawn`. */
  bubbleLayout?: BubbleLayout;
  assets?: FakeAssets;
}

export interface FakeShopifyStore {
  url: string;
  /** Every cart, as `/cart.js` shows it. */
  carts(): ReturnType<typeof cartJson>[];
  /** The cart of this token (the `cart` cookie, and `token` in `/cart.js`). */
  cart(token: string): ReturnType<typeof cartJson> | undefined;
  /** `METHOD path?query` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A Shopify storefront as its AJAX Cart API documentation describes it: one cart per browser
 * (the `cart` cookie), `/cart.js`, `/cart/add.js`, `/cart/change.js`, `/cart/update.js`,
 * `/cart/clear.js`, the Section Rendering API, and a theme page.
 */
export async function startFakeShopifyStore(opts: FakeShopifyOptions): Promise<FakeShopifyStore> {
  const catalog = catalogOf(opts.products);
  const currency = opts.currency ?? 'EUR';
  const root = opts.root ?? '/';
  const layout = opts.bubbleLayout ?? 'wrapped';
  const carts = new Map<string, FakeShopifyCart>();
  const requests: string[] = [];

  function cartFor(req: FakeRequest): { cart: FakeShopifyCart; setCookie?: string } {
    const existing = carts.get(req.cookies.cart ?? '');
    if (existing) return { cart: existing };
    const cart: FakeShopifyCart = {
      token: `c1-${randomBytes(16).toString('hex')}`,
      note: null,
      attributes: {},
      lines: [],
    };
    carts.set(cart.token, cart);
    return { cart, setCookie: `cart=${cart.token}; Path=/; SameSite=Lax` };
  }

  function route(req: FakeRequest, cart: FakeShopifyCart): FakeResponse {
    const path = req.url.pathname.startsWith(root) ? `/${req.url.pathname.slice(root.length)}` : req.url.pathname;
    const post = req.method === 'POST';
    const whole = () => ({ status: 200, body: cartJson(cart, catalog, currency) });
    const asset = opts.assets?.[req.url.pathname];
    if (asset) return { status: 200, body: asset.body, contentType: asset.contentType };
    const sections = req.url.searchParams.get('sections');
    if (req.method === 'GET' && sections !== null) {
      const ids = sections.split(',').slice(0, 5);
      return { status: 200, body: Object.fromEntries(ids.map((id) => [id, renderSection(id, cart, catalog, layout)])) };
    }
    if (req.method === 'GET' && (path === '/' || path.startsWith('/products/'))) {
      const handle = path.startsWith('/products/') ? path.slice('/products/'.length) : null;
      const products = handle ? opts.products.filter((p) => p.handle === handle) : opts.products;
      if (!products.length) return { status: 404, body: '<h1>Not found</h1>' };
      const page = { ...opts, shop: opts.shop ?? 'fake-shop.myshopify.com', root, currency, products, cart, catalog };
      return { status: 200, body: themePage({ ...page, extraHead: opts.extraHead ?? '', layout }) };
    }
    if (path === '/cart.js' && req.method === 'GET') return whole();
    if (/^\/cart\/add(\.js)?$/.test(path) && post) {
      const added = addItems(cart, catalog, req.body);
      const body = req.body as { items?: unknown } | null;
      // A single `{id, quantity}` answers with its line; `{items}` with `{items: [...]}`.
      const lines = added.map((l) => lineItemJson(l, catalog));
      return { status: 200, body: Array.isArray(body?.items) ? { items: lines } : lines[0] };
    }
    const change = post ? /^\/cart\/(change|update|clear)(\.js)?$/.exec(path)?.[1] : undefined;
    if (change === 'change') changeLine(cart, catalog, req.body);
    else if (change === 'update') updateCart(cart, catalog, req.body);
    else if (change === 'clear') cart.lines = [];
    if (change) return whole();
    return { status: 404, body: { status: 404, message: 'Not Found', description: 'Not Found' } };
  }

  const server = await serveFake((req) => {
    requests.push(`${req.method} ${req.url.pathname}${req.url.search}`);
    const { cart, setCookie } = cartFor(req);
    const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined;
    try {
      return { ...route(req, cart), headers };
    } catch (e) {
      if (e instanceof CartError) return { status: e.status, body: e.body, headers };
      throw e;
    }
  });
  return {
    url: server.url,
    carts: () => [...carts.values()].map((c) => cartJson(c, catalog, currency)),
    cart: (token) => {
      const cart = carts.get(token);
      return cart && cartJson(cart, catalog, currency);
    },
    requests,
    close: server.close,
  };
}
