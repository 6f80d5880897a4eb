import type { PolicyHit } from '../policies/policy-hit.js';
import type { Money, ProductSummary, VariantSummary } from '../catalog/types.js';

/** The JSON each tool returns to the model. The offline model reads these same shapes. */

import type { CartView } from '../carts/types.js';
import type { PaymentMethodRef } from '../customers/customer-types.js';

export type { CartLine, CartView } from '../carts/types.js';

/** A cart change that could not be made: a clear reason and what to offer instead. */
export interface CartRefusal {
  ok: false;
  reason:
    | 'out_of_stock'
    | 'unknown_product'
    | 'unknown_variant'
    | 'needs_option'
    | 'quantity_limit'
    | 'not_in_cart'
    | 'pending_approval'
    | 'unreachable'
    | 'rejected';
  message: string;
  /** The product the refusal is about, when known. */
  productTitle?: string;
  /** Option names still to choose, with their available values. */
  missingOptions?: { name: string; values: string[] }[];
  alternatives?: VariantSummary[];
  alternativeProducts?: ProductSummary[];
}

export type CartChangeResult = { ok: true; message: string; cart: CartView; changedSku: string } | CartRefusal;

export interface SearchProductsResult {
  products: ProductSummary[];
  /** How well the shop matches the request: `weak` means only the closest alternatives were found. */
  match: 'strong' | 'weak' | 'none';
  askedType?: string;
  /** The shop plainly does not carry what was asked; `missing` are the words no product has. */
  noMatch?: boolean;
  missing?: string[];
  relaxed?: ('options' | 'price')[];
  /** Set when filters were relaxed or nothing matched. */
  note?: string;
}

export interface OrderView {
  id: string;
  status: string;
  placedAt: string;
  total: Money;
  shipping: Money;
  /** `handle`: the product the line's SKU belongs to, when the catalog still has it. */
  items: { sku: string; title: string; quantity: number; unitPrice: Money; handle?: string }[];
  tracking: { carrier: string; number: string; url: string | null } | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  /** The methods the order was paid with (no numbers but a card's last four digits). */
  paidWith: PaymentMethodRef[];
}

export type OrdersResult = { signInRequired: true; message: string } | { orders: OrderView[] };
export type OrderStatusResult =
  { signInRequired: true; message: string } | { order: OrderView | null; message?: string };

/** A policy section as search_policies returns it: the search's hit without its document slug. */
export type PolicyChunkView = Omit<PolicyHit, 'slug'>;

export interface SearchPoliciesResult {
  chunks: PolicyChunkView[];
}

export interface RecommendResult {
  products: ProductSummary[];
  basedOn: string[];
  signInRequired?: boolean;
}

export type HumanRequestResult =
  | { requested: true; reason: string; urgency: 'low' | 'normal' | 'high'; message: string }
  /** Too many new handoffs from this client: nobody was asked; the message says when to try again. */
  | { requested: false; refused: 'rate_limited'; retryAfterSeconds: number; message: string };
