import type { CartStore } from '../carts/cart-store.js';
import type { CatalogSearch } from '../catalog/search.js';
import type { ProductSummary } from '../catalog/types.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import type { PolicySearch } from '../policies/policy-search.js';

/** Products by handle (all variants, fresh price and stock); only active ones exist for tools. */
export interface ProductLookup {
  byHandles(handles: string[]): Promise<ProductSummary[]>;
  bySku(sku: string): Promise<ProductSummary | null>;
}

export interface HumanRequests {
  request(conversationId: string, req: { reason: string; urgency: 'low' | 'normal' | 'high'; source: 'shopper' | 'assistant' | 'rule' }): Promise<{ queuePosition: number }>;
}

/** Holds assistant cart changes above thresholds for a person to approve. */
export interface ApprovalGate {
  reasonToHold(quantity: number, unitPriceMinor: number): string | null;
  hold(
    req: { conversationId: string; cartId: string; tool: string; sku: string; quantity: number; title: string; unitPriceMinor: number; currency: string },
    reason: string,
  ): Promise<{ id: number }>;
}

/** Everything the tools need, passed in explicitly. */
export interface ToolDeps {
  search: CatalogSearch;
  products: ProductLookup;
  carts: CartStore;
  customers: CustomerReader;
  policies: PolicySearch;
  humans: HumanRequests;
  approvals?: ApprovalGate;
  currency: string;
}
