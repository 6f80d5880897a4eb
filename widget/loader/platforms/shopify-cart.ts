import { asRecord, asString, asText, readJson } from './coerce.js';
import { PlatformCartError, type PlatformCart } from './platform-cart.js';
import { readShopifyCart, withoutKeys } from './shopify-snapshot.js';
import { refreshShopifyTheme } from './shopify-theme.js';
import { watchCartRequests } from './watch-cart-requests.js';

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
  const checkoutUrl = `${root}checkout`;
  async function call(path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetchFn(root + path, {
        method: body === undefined ? 'GET' : 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
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

  const cart: PlatformCart = {
    platform: 'shopify',
    async read() {
      return withoutKeys(await readWithKeys());
    },
    async add(variantId, quantity) {
      await call('cart/add.js', { items: [{ id: idValue(variantId), quantity }] });
      return cart.read();
    },
    async setQuantity(variantId, quantity) {
      const lines = (await readWithKeys()).lines.filter((l) => l.variantId === variantId);
      if (!lines.length) return quantity > 0 ? cart.add(variantId, quantity) : cart.read();
      // The first line takes the quantity; other lines of the same variant (other properties) go.
      for (const [i, line] of lines.entries()) {
        await call('cart/change.js', { id: line.key, quantity: i === 0 ? quantity : 0 });
      }
      return cart.read();
    },
    async tagConversation(conversationId) {
      await call('cart/update.js', { attributes: { [CONVERSATION_ATTRIBUTE]: conversationId } });
    },
    async refreshTheme() {
      // Themes' `cart:updated` listeners read the cart from the event; give them the current one.
      await refreshShopifyTheme(fetchFn, root, await call('cart.js'));
    },
    watch(onChange) {
      return watchCartRequests((url) => CART_CHANGE.test(url.pathname), onChange, THEME_CART_EVENTS);
    },
  };
  return cart;
}
