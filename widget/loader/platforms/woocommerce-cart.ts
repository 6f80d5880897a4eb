import { asRecord, sameOriginUrl } from './coerce.js';
import { PlatformCartError, type PlatformCart, type PlatformCartSnapshot } from './platform-cart.js';
import { checkConversationId, checkQuantity } from './checks.js';
import { createSerial } from './serial.js';
import { watchCartRequests, type CartRequestTest } from './watch-cart-requests.js';
import { readWooCart, withoutKeys, type WooSnapshot } from './woocommerce-snapshot.js';
import { createStoreApi, restRoot } from './woocommerce-store-api.js';

export interface WooCartOptions {
  /** Defaults to the page's `fetch`, captured now (before `watch()` wraps it). */
  fetch?: typeof fetch;
  /** The Store API's base, defaults to the REST root from `wpApiSettings` (else `/wp-json/`) + `wc/store/v1/`. */
  storeApiBase?: string;
  /** Defaults to the checkout URL in `wcSettings`, else `/checkout/`. */
  checkoutUrl?: string;
}

/**
 * The cookie that carries the conversation id. The Store API has no cart attributes, and its
 * `cart/extensions` route fails unless PHP code registers the namespace; a first-party cookie
 * needs nothing on the shop to be set. The PHP snippet in our docs copies it into the order's
 * `_concierge_conversation` meta when the order is created (classic and block checkout).
 */
export const CONVERSATION_COOKIE = 'concierge_conversation';
const COOKIE_DAYS = 30;

/** Absolute, like Shopify's: the snapshot travels to the chat iframe, on Concierge's origin. */
function pageCheckoutUrl(): string {
  const settings = asRecord((window as Window & { wcSettings?: unknown }).wcSettings);
  const checkoutPage = asRecord(asRecord(settings?.storePages)?.checkout);
  const fallback = new URL('/checkout/', location.origin).href;
  return sameOriginUrl(settings?.checkoutUrl ?? checkoutPage?.permalink, fallback);
}

/** Store API cart writes (any method but GET), and the classic theme's AJAX add and remove. */
const isWooCartChange: CartRequestTest = (url, method) => {
  const route = url.searchParams.get('rest_route') ?? url.pathname;
  if (method !== 'GET' && /\/wc\/store(\/v[0-9]+)?\/(cart|batch)(\/|$)/.test(route)) return true;
  // Not get_refreshed_fragments: refreshTheme() triggers that one, and noticing it would loop.
  return /^(add_to_cart|remove_from_cart)$/.test(url.searchParams.get('wc-ajax') ?? '');
};

/** The shop's WooCommerce cart through the Store API (v1), from its own pages. */
export function createWooCart(opts: WooCartOptions = {}): PlatformCart {
  const fetchFn = opts.fetch ?? window.fetch.bind(window);
  const api = createStoreApi(fetchFn, opts.storeApiBase ?? `${restRoot()}wc/store/v1/`);
  const checkoutUrl = opts.checkoutUrl ?? pageCheckoutUrl();
  // Every cart route answers with the whole cart.
  const snapshot = (body: unknown): WooSnapshot => readWooCart(body, checkoutUrl);

  const read = async () => withoutKeys(snapshot(await api.get('cart')));

  async function add(variantId: string, quantity: number): Promise<PlatformCartSnapshot> {
    const invalid = checkQuantity(quantity, 1);
    if (invalid) throw new PlatformCartError('rejected', invalid);
    // Store API ids are numbers (a product's, or a variation's); nothing else names a product.
    if (!/^[1-9][0-9]{0,15}$/.test(variantId)) throw new PlatformCartError('unavailable', `No product ${variantId}`);
    return withoutKeys(snapshot(await api.post('cart/add-item', { id: Number(variantId), quantity })));
  }

  async function setQuantity(variantId: string, quantity: number): Promise<PlatformCartSnapshot> {
    const invalid = checkQuantity(quantity, 0);
    if (invalid) throw new PlatformCartError('rejected', invalid);
    let current = snapshot(await api.get('cart'));
    const lines = current.lines.filter((l) => l.variantId === variantId);
    if (!lines.length) return quantity > 0 ? add(variantId, quantity) : withoutKeys(current);
    // The first line takes the quantity; other lines of the same product (other item data) go.
    for (const [i, line] of lines.entries()) {
      const keep = i === 0 ? quantity : 0;
      const body = keep > 0 ? { key: line.key, quantity: keep } : { key: line.key };
      current = snapshot(await api.post(keep > 0 ? 'cart/update-item' : 'cart/remove-item', body));
    }
    return withoutKeys(current);
  }

  function tagConversation(conversationId: string): void {
    const invalid = checkConversationId(conversationId);
    if (invalid) throw new PlatformCartError('rejected', invalid);
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    const maxAge = COOKIE_DAYS * 24 * 3600;
    document.cookie = `${CONVERSATION_COOKIE}=${conversationId}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure}`;
  }

  function refreshTheme(): void {
    // Blocks themes (the mini-cart block) refetch the cart on this event.
    document.body.dispatchEvent(new CustomEvent('wc-blocks_added_to_cart', { bubbles: true, cancelable: true }));
    // Classic themes refresh their cart fragments (count, mini-cart) on this jQuery event.
    const jq = (window as Window & { jQuery?: (el: unknown) => { trigger?: (name: string) => void } }).jQuery;
    if (typeof jq === 'function') jq(document.body)?.trigger?.('wc_fragment_refresh');
  }

  const serial = createSerial();
  const cart: PlatformCart = {
    platform: 'woocommerce',
    read: () => serial(read),
    add: (variantId, quantity) => serial(() => add(variantId, quantity)),
    setQuantity: (variantId, quantity) => serial(() => setQuantity(variantId, quantity)),
    tagConversation: async (conversationId) => tagConversation(conversationId),
    refreshTheme: async () => refreshTheme(),
    watch: (onChange) => watchCartRequests(isWooCartChange, onChange),
  };
  return cart;
}
