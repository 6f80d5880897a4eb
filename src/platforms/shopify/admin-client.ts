import { PlatformError, realSleep, retryAfterMs, type Sleep } from '../platform-errors.js';

export interface ShopifyAdminSettings {
  storeDomain: string;
  adminToken: string;
  apiVersion: string;
}

export interface ShopifyAdmin {
  /** Runs one GraphQL query and returns its `data`; throttling and transient failures are retried a few times. */
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: {
    cost?: {
      requestedQueryCost?: number;
      throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
    };
  };
}

const MAX_ATTEMPTS = 5;
const MAX_WAIT_MS = 10_000;

/** How long until the bucket holds what the throttled query asked for (Shopify's leaky bucket). */
function throttleWaitMs(body: GraphqlResponse<unknown>): number {
  const cost = body.extensions?.cost;
  const status = cost?.throttleStatus;
  if (!status || status.restoreRate <= 0) return 1_000;
  const missing = Math.max(0, (cost?.requestedQueryCost ?? status.maximumAvailable / 2) - status.currentlyAvailable);
  return Math.min(MAX_WAIT_MS, Math.max(50, Math.ceil((missing / status.restoreRate) * 1000)));
}

function refusal(status: number, s: ShopifyAdminSettings): PlatformError {
  if (status === 401)
    return new PlatformError(
      'platform:unauthorized',
      `Shopify refused the access token (401): check SHOPIFY_ADMIN_TOKEN for ${s.storeDomain}.`,
    );
  if (status === 403)
    return new PlatformError(
      'platform:forbidden',
      'Shopify refused the call (403): the app lacks a scope (read_products, read_inventory, read_content or read_legal_policies).',
    );
  if (status === 404)
    return new PlatformError(
      'platform:not_found',
      `No Shopify Admin API at ${s.storeDomain} (404): check SHOPIFY_STORE_DOMAIN (the *.myshopify.com name) and SHOPIFY_API_VERSION (${s.apiVersion}).`,
    );
  return new PlatformError('platform:http_error', `Shopify answered HTTP ${status}.`);
}

/** A client of Shopify's Admin GraphQL API (`POST /admin/api/<version>/graphql.json`). */
export function createShopifyAdmin(
  settings: ShopifyAdminSettings,
  deps: { fetch?: typeof fetch; sleep?: Sleep } = {},
): ShopifyAdmin {
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? realSleep;
  const url = `https://${settings.storeDomain}/admin/api/${settings.apiVersion}/graphql.json`;

  async function attempt<T>(query: string, variables: Record<string, unknown>) {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-access-token': settings.adminToken },
        body: JSON.stringify({ query, variables }),
      });
    } catch (err) {
      const message = `Could not reach ${settings.storeDomain}: check SHOPIFY_STORE_DOMAIN.`;
      throw new PlatformError('platform:unreachable', message, { cause: err });
    }
    if (res.status === 429 || res.status >= 500)
      return { retryMs: retryAfterMs(res.headers.get('retry-after'), 1_000), status: res.status };
    if (!res.ok) throw refusal(res.status, settings);
    const body = (await res.json()) as GraphqlResponse<T>;
    if (body.errors?.some((e) => e.extensions?.code === 'THROTTLED'))
      return { retryMs: throttleWaitMs(body), status: 0 };
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      const code = first?.extensions?.code === 'ACCESS_DENIED' ? 'platform:forbidden' : 'platform:graphql_error';
      throw new PlatformError(code, `Shopify GraphQL error: ${first?.message ?? 'no data in the answer'}`);
    }
    return { data: body.data };
  }

  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}) {
      for (let n = 1; ; n++) {
        const r = await attempt<T>(query, variables);
        if ('data' in r) return r.data as T;
        if (n >= MAX_ATTEMPTS) {
          const why = r.status ? `HTTP ${r.status}` : 'throttled';
          throw new PlatformError('platform:unavailable', `Shopify kept refusing (${why}) after ${n} attempts.`);
        }
        await sleep(r.retryMs);
      }
    },
  };
}
