import { asRecord, asString, asText, readJson } from './coerce.js';
import { PlatformCartError, type PlatformCart, type PlatformCartSnapshot } from './platform-cart.js';
import { checkConversationId, checkQuantity } from './checks.js';
import { createSerial } from './serial.js';
import { readShopifyCart, withoutKeys } from './shopify-snapshot.js';
import { refreshShopifyTheme } from './shopify-theme.js';
import { ownRequest, watchCartRequests } from './watch-cart-requests.js';

export interface ShopifyCartOptions {
  /** Defaults to the page's `fetch`, captured now (before `watch()` wraps it). */
  fetch?: typeof fetch;
  /** Defaults to `window.Shopify.routes.root`, the locale prefix (`/`, `/fr/`). */
  root?: string;
}

/** The attribute an order keeps from its cart; the leading underscore hides it from the shopper. */
export const CONVERSATION_ATTRIBUTE = '_concierge_conversation';

const CART_CHANGE = /\/cart\/(add|change|update|clear)(\.js)?\/?$/;
/**
 * Shopify's standard storefront event for cart lines: themes that change the cart through the
 * Storefront API (standard actions) dispatch it, and its `promise` settles when the change is done.
 */
const THEME_CART_EVENTS = ['shopify:cart:lines-update'];

/** The page's locale root, always with its trailing slash; `/` when the page says nothing usable. */
function pageRoot(): string {
  const shopify = asRecord((window as Window & { Shopify?: unknown }).Shopify);
  const root = asString(asRecord(shopify?.routes)?.root);
  return root && /^\/[a-z0-9/_-]*$/i.test(root) ? root.replace(/\/?$/, '/') : '/';
}

/** A numeric id goes as a number, as themes send it; anything else (a line key) as it is. */
const idValue = (id: string): number | string => (/^[0-9]{1,15}$/.test(id) ? Number(id) : id);

/** The shop's Shopify cart through the AJAX Cart API, from its own pages. */
export function createShopifyCart(opts: ShopifyCartOptions = {}): PlatformCart {
  const fetchFn = opts.fetch ?? window.fetch.bind(window);
  const root = opts.root ?? pageRoot();
  // Absolute: the snapshot travels to the chat iframe, which is on Concierge's origin.
  const checkoutUrl = new URL(`${root}checkout`, location.origin).href;
  async function call(path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      const write = body !== undefined;
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (write) headers['Content-Type'] = 'application/json';
      const init = { method: write ? 'POST' : 'GET', credentials: 'same-origin' as const, headers };
      res = await fetchFn(root + path, ownRequest(write ? { ...init, body: JSON.stringify(body) } : init));
    } catch (e) {
      throw new PlatformCartError('network', `The shop's cart did not answer: ${String(e)}`);
    }
    const json = await readJson(res);
    if (res.ok) return json;
    const error = asRecord(json);
    const message =
      asText(error?.description) ?? asText(error?.message) ?? `The cart refused the change (${res.status})`;
    // 422 is Shopify's answer for a sold-out variant or too few in stock; 404 for an unknown variant.
    const kind = res.status === 422 || res.status === 404 ? 'unavailable' : 'rejected';
    throw new PlatformCartError(kind, message, res.status);
  }

  const readWithKeys = async () => readShopifyCart(await call('cart.js'), checkoutUrl);
  const read = async () => withoutKeys(await readWithKeys());

  async function add(variantId: string, quantity: number): Promise<PlatformCartSnapshot> {
    const invalid = checkQuantity(quantity, 1);
    if (invalid) throw new PlatformCartError('rejected', invalid);
    await call('cart/add.js', { items: [{ id: idValue(variantId), quantity }] });
    return read();
  }

  async function setQuantity(variantId: string, quantity: number): Promise<PlatformCartSnapshot> {
    const invalid = checkQuantity(quantity, 0);
    if (invalid) throw new PlatformCartError('rejected', invalid);
    const lines = (await readWithKeys()).lines.filter((l) => l.variantId === variantId);
    if (!lines.length) return quantity > 0 ? add(variantId, quantity) : read();
    // The first line takes the quantity; other lines of the same variant (other properties) go.
    for (const [i, line] of lines.entries()) {
      await call('cart/change.js', { id: line.key, quantity: i === 0 ? quantity : 0 });
    }
    return read();
  }

  const serial = createSerial();
  const cart: PlatformCart = {
    platform: 'shopify',
    read: () => serial(read),
    add: (variantId, quantity) => serial(() => add(variantId, quantity)),
    setQuantity: (variantId, quantity) => serial(() => setQuantity(variantId, quantity)),
    tagConversation: (conversationId) =>
      serial(async () => {
        const invalid = checkConversationId(conversationId);
        if (invalid) throw new PlatformCartError('rejected', invalid);
        await call('cart/update.js', { attributes: { [CONVERSATION_ATTRIBUTE]: conversationId } });
      }),
    // Themes' `cart:updated` listeners read the cart from the event; give them the current one.
    refreshTheme: () => serial(async () => refreshShopifyTheme(fetchFn, root, await call('cart.js'))),
    watch: (onChange) => watchCartRequests((url) => CART_CHANGE.test(url.pathname), onChange, THEME_CART_EVENTS),
  };
  return cart;
}
