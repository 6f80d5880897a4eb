import { PlatformError, realSleep, retryAfterMs, type Sleep } from '../platform-errors.js';

export interface WooSettings {
  url: string;
  key: string;
  secret: string;
}

export interface WooClient {
  /** One page of a collection (`/products?per_page=100&page=N`) and the page count from `X-WP-TotalPages`. */
  page<T>(path: string, page: number): Promise<{ items: T[]; totalPages: number }>;
  /** Every item of a collection, page by page. */
  all<T>(path: string, onPage?: (done: number, total: number) => void): Promise<T[]>;
}

const PER_PAGE = 100;
const MAX_ATTEMPTS = 4;

function refusal(status: number, s: WooSettings): PlatformError {
  if (status === 401)
    return new PlatformError(
      'platform:unauthorized',
      'WooCommerce refused the REST key (401): check WOO_KEY and WOO_SECRET.',
    );
  if (status === 403)
    return new PlatformError(
      'platform:forbidden',
      'WooCommerce refused the call (403): the REST key needs Read permission.',
    );
  if (status === 404)
    return new PlatformError(
      'platform:not_found',
      `No WooCommerce REST API at ${s.url}/wp-json/wc/v3 (404): check WOO_URL and that pretty permalinks are on.`,
    );
  return new PlatformError('platform:http_error', `WooCommerce answered HTTP ${status}.`);
}

/** A client of the WooCommerce REST API v3 with basic auth (consumer key and secret; use HTTPS). */
export function createWooClient(settings: WooSettings, deps: { fetch?: typeof fetch; sleep?: Sleep } = {}): WooClient {
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? realSleep;
  const auth = `Basic ${Buffer.from(`${settings.key}:${settings.secret}`).toString('base64')}`;

  async function get(path: string, page: number): Promise<Response> {
    const url = new URL(`${settings.url}/wp-json/wc/v3${path}`);
    url.searchParams.set('per_page', String(PER_PAGE));
    url.searchParams.set('page', String(page));
    for (let n = 1; ; n++) {
      let res: Response;
      try {
        res = await doFetch(url, { headers: { authorization: auth, accept: 'application/json' } });
      } catch (err) {
        throw new PlatformError('platform:unreachable', `Could not reach ${settings.url}: check WOO_URL.`, {
          cause: err,
        });
      }
      if (res.ok) return res;
      if ((res.status !== 429 && res.status < 500) || n >= MAX_ATTEMPTS) throw refusal(res.status, settings);
      await sleep(retryAfterMs(res.headers.get('retry-after'), 1_000));
    }
  }

  const client: WooClient = {
    async page<T>(path: string, page: number) {
      const res = await get(path, page);
      const items = (await res.json()) as T[];
      if (!Array.isArray(items))
        throw new PlatformError(
          'platform:bad_answer',
          `WooCommerce answered ${path} with something other than a list.`,
        );
      return { items, totalPages: Number(res.headers.get('x-wp-totalpages')) || 1 };
    },
    async all<T>(path: string, onPage?: (done: number, total: number) => void) {
      const items: T[] = [];
      for (let page = 1, total = 1; page <= total; page++) {
        const r = await client.page<T>(path, page);
        items.push(...r.items);
        total = r.totalPages;
        onPage?.(page, total);
      }
      return items;
    },
  };
  return client;
}
