import type { CartStore } from '../carts/cart-store.js';
import type { ProductFinder } from '../catalog/find-products.js';
import type { CatalogSearch } from '../catalog/search.js';
import type { ProductLookup } from '../catalog/product-lookup.js';
import type { ProductTranslations } from '../catalog/product-translations.js';
import type { Gender } from '../catalog/types.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import type { OrderActions } from '../orders/pending-actions.js';
import type { PolicySearch } from '../policies/policy-search.js';

export interface HumanRequests {
  /**
   * Queues the conversation for a person. Throws `limits:rate_limited` (a RateLimitError) when this
   * client has asked for too many new handoffs.
   */
  request(
    conversationId: string,
    req: { reason: string; urgency: 'low' | 'normal' | 'high'; source: 'shopper' | 'assistant' | 'rule' },
    from: { clientIp: string | null },
  ): Promise<{ queuePosition: number }>;
}

/** Holds assistant cart changes above thresholds for a person to approve. */
export interface ApprovalGate {
  reasonToHold(quantity: number, unitPriceMinor: number): string | null;
  hold(
    req: {
      conversationId: string;
      cartId: string;
      tool: string;
      sku: string;
      quantity: number;
      title: string;
      unitPriceMinor: number;
      currency: string;
    },
    reason: string,
  ): Promise<{ id: number }>;
}

/** The shop's merchandising data (`catalog/merchandising.json`), as the tools use it. */
export interface Merchandising {
  /** Search phrases for what goes with a product in these categories; none when the shop names none. */
  complementsOf(categories: string[]): string[];
  /** The product tags a gender filter accepts. */
  tagsForGender(gender: Gender): string[];
}

/** Everything the tools need, passed in explicitly. */
export interface ToolDeps {
  search: CatalogSearch;
  finder: ProductFinder;
  products: ProductLookup;
  carts: CartStore;
  customers: CustomerReader;
  policies: PolicySearch;
  humans: HumanRequests;
  approvals?: ApprovalGate;
  /** Order changes after the sale, confirmed by the shopper; without it the tools are not offered. */
  orderActions?: OrderActions;
  merchandising: Merchandising;
  currency: string;
  /** Products shown in the shopper's language; without it, as the catalog has them. */
  translations?: ProductTranslations;
}
