import { asRecord, asString, asText, readJson, sameOriginUrl } from './coerce.js';
import { PlatformCartError } from './platform-cart.js';
import { ownRequest } from './watch-cart-requests.js';
import { decodeEntities } from './woocommerce-snapshot.js';

type WooGlobals = Window & {
  wcBlocksMiddlewareConfig?: unknown;
  wcSettings?: unknown;
  wpApiSettings?: unknown;
};

/** Store API error codes for an item that cannot be bought (now, or in that amount). */
const UNAVAILABLE = new Set([
  'woocommerce_rest_product_out_of_stock',
  'woocommerce_rest_product_partially_out_of_stock',
  'woocommerce_rest_product_not_purchasable',
  'woocommerce_rest_cart_invalid_product',
  'woocommerce_rest_invalid_product',
]);
const NONCE_ERRORS = new Set(['woocommerce_rest_missing_nonce', 'woocommerce_rest_invalid_nonce']);

/** The nonce the page was rendered with (WooCommerce Blocks' middleware settings, or `wcSettings`). */
function pageNonce(): string | null {
  const g = window as WooGlobals;
  return (
    asString(asRecord(g.wcBlocksMiddlewareConfig)?.storeApiNonce) ?? asString(asRecord(g.wcSettings)?.storeApiNonce)
  );
}

/**
 * Hands a new nonce to the page's own Store API clients. WooCommerce binds the nonce to the session,
 * so when our first add starts the session, the nonce the theme was rendered with goes stale; its
 * blocks read `wcBlocksMiddlewareConfig.storeApiNonce`, as their own middleware keeps it.
 */
function sharePageNonce(nonce: string): void {
  const config = asRecord((window as WooGlobals).wcBlocksMiddlewareConfig);
  if (config && typeof config.storeApiNonce === 'string') config.storeApiNonce = nonce;
}

/** The REST root (`/wp-json/`, or `/?rest_route=/` without pretty permalinks) from WordPress's settings. */
export function restRoot(): string {
  const root = sameOriginUrl(asRecord((window as WooGlobals).wpApiSettings)?.root, '/wp-json/');
  return root.endsWith('/') ? root : `${root}/`;
}

export interface StoreApi {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
}

/**
 * Requests to the Store API (`wc/store/v1`) with the headers its writes require. The `Nonce`
 * header keeps the cart in the shop's cookie session, where the theme sees it; a `Cart-Token` is
 * sent only when no nonce is known: it selects the session it was issued for, which for a guest
 * without a session yet is a new one, not the cookie's. Both are taken from every response, since
 * WooCommerce issues a new nonce when the session starts.
 */
export function createStoreApi(fetchFn: typeof fetch, base: string): StoreApi {
  let nonce: string | null = null;
  let cartToken: string | null = null;

  function headers(write: boolean): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json' };
    if (!write) return h;
    h['Content-Type'] = 'application/json';
    const current = nonce ?? pageNonce();
    if (current) h.Nonce = current;
    else if (cartToken) h['Cart-Token'] = cartToken;
    return h;
  }

  async function send(path: string, body: unknown, retried: boolean): Promise<unknown> {
    const write = body !== undefined;
    if (write && !nonce && !pageNonce() && !cartToken) await send('cart', undefined, false);
    let res: Response;
    try {
      const init: RequestInit = { method: write ? 'POST' : 'GET', credentials: 'same-origin', headers: headers(write) };
      if (write) init.body = JSON.stringify(body);
      res = await fetchFn(base + path, ownRequest(init));
    } catch (e) {
      throw new PlatformCartError('network', `The shop's cart did not answer: ${String(e)}`);
    }
    const issued = res.headers.get('Nonce');
    if (issued && issued !== nonce) sharePageNonce(issued);
    nonce = issued ?? nonce;
    cartToken = res.headers.get('Cart-Token') ?? cartToken;
    const json = await readJson(res);
    if (res.ok) return json;
    const error = asRecord(json);
    const code = asString(error?.code) ?? '';
    // A nonce goes stale when the page's own first add starts the session: fetch the new one, once.
    if (write && !retried && NONCE_ERRORS.has(code)) {
      nonce = null;
      await send('cart', undefined, false);
      return send(path, body, true);
    }
    const message = decodeEntities(asText(error?.message) ?? '') || `The cart refused the change (${res.status})`;
    throw new PlatformCartError(UNAVAILABLE.has(code) ? 'unavailable' : 'rejected', message, res.status);
  }

  return {
    get: (path) => send(path, undefined, false),
    post: (path, body) => send(path, body, false),
  };
}
