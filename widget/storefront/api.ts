import { t } from '../i18n/live.js';

type Money = { amount: number; currency: string; formatted: string };

/** One result of GET /api/products/search. */
export interface StoreProduct {
  handle: string;
  title: string;
  vendor: string;
  category: string;
  description: string;
  price: Money;
  inStock: boolean;
  image: string | null;
  optionNames: string[];
  variants: {
    sku: string;
    options: Record<string, string>;
    price: Money;
    compareAtPrice?: Money | null;
    inStock: boolean;
    image?: string | null;
  }[];
}

export interface DemoCustomer {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  customerHash: string;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
  if (!res.ok || body === null) {
    // A refusal keeps its code, for the page to word it; no answer at all is said in the page's language.
    const error = body?.error;
    throw Object.assign(new Error(error?.message ?? t('store.noAnswer', { status: String(res.status) })), {
      code: error?.code,
    });
  }
  return body;
}

export async function searchProducts(
  q: { q: string; category?: string; limit?: number },
  signal?: AbortSignal,
): Promise<StoreProduct[]> {
  const params = new URLSearchParams({ q: q.q, limit: String(q.limit ?? 24) });
  if (q.category) params.set('category', q.category);
  return (await getJson<{ results: StoreProduct[] }>(`/api/products/search?${params}`, signal)).results;
}

/** A cart an outside agent built (GET /api/agent-carts/:id), as far as the storefront needs it. */
export interface AgentCart {
  id: string;
  lines: { product_variant_id: string; quantity: number; title: string }[];
}

export async function agentCart(id: string): Promise<AgentCart> {
  return (await getJson<{ cart: AgentCart }>(`/api/agent-carts/${encodeURIComponent(id)}`)).cart;
}

/** The demo's "sign in as" list; empty when the server has it switched off. */
export async function demoCustomers(): Promise<DemoCustomer[]> {
  try {
    return await getJson<DemoCustomer[]>('/api/demo/customers');
  } catch {
    return [];
  }
}
