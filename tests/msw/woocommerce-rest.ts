import { http, HttpResponse } from 'msw';

/**
 * A fake WooCommerce shop behind the REST API v3 (`/wp-json/wc/v3/…`), in its wire format: lists
 * paged with `per_page` and `page`, `X-WP-Total` and `X-WP-TotalPages` headers, basic auth with
 * the consumer key and secret, WordPress error bodies.
 */

export const WOO_URL = 'https://woo-shop.test';
export const WOO_KEY = 'ck_test_key';
export const WOO_SECRET = 'cs_test_secret';

export interface FakeWooShop {
  products: Record<string, unknown>[];
  /** Variations by product id. */
  variations: Record<number, Record<string, unknown>[]>;
  customers: Record<string, unknown>[];
  orders: Record<string, unknown>[];
  /** Paths requested, with their page. */
  calls: string[];
}

export function createFakeWooShop(init: Partial<FakeWooShop> = {}): FakeWooShop {
  return { products: [], variations: {}, customers: [], orders: [], calls: [], ...init };
}

const wpError = (status: number, code: string, message: string) =>
  HttpResponse.json({ code, message, data: { status } }, { status });

function paged(request: Request, items: unknown[]) {
  const url = new URL(request.url);
  const perPage = Number(url.searchParams.get('per_page') ?? 10);
  const pageNo = Number(url.searchParams.get('page') ?? 1);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  return HttpResponse.json(items.slice((pageNo - 1) * perPage, pageNo * perPage), {
    headers: { 'X-WP-Total': String(items.length), 'X-WP-TotalPages': String(totalPages) },
  });
}

const authorized = (request: Request) =>
  request.headers.get('authorization') === `Basic ${Buffer.from(`${WOO_KEY}:${WOO_SECRET}`).toString('base64')}`;

/** The msw handlers of the fake shop. */
export function wooHandlers(shop: FakeWooShop) {
  const list = (path: string, items: () => unknown[]) =>
    http.get(`${WOO_URL}/wp-json/wc/v3${path}`, ({ request }) => {
      shop.calls.push(`${new URL(request.url).pathname}?page=${new URL(request.url).searchParams.get('page')}`);
      if (!authorized(request))
        return wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
      return paged(request, items());
    });
  return [
    list('/products', () => shop.products),
    list('/customers', () => shop.customers),
    list('/orders', () => shop.orders),
    http.get(`${WOO_URL}/wp-json/wc/v3/products/:id/variations`, ({ request, params }) => {
      shop.calls.push(new URL(request.url).pathname);
      if (!authorized(request))
        return wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
      return paged(request, shop.variations[Number(params.id)] ?? []);
    }),
  ];
}
