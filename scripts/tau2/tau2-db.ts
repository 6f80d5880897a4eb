/**
 * Types of tau2-bench's retail db.json and task file, as published (see
 * tests/fixtures/tau2-retail/SOURCES.txt). Money is in dollars as JSON numbers, exactly as tau2 keeps it.
 */

export interface Tau2Address {
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zip: string;
}

export interface Tau2Variant {
  item_id: string;
  options: Record<string, string>;
  available: boolean;
  price: number;
}

export interface Tau2Product {
  name: string;
  product_id: string;
  variants: Record<string, Tau2Variant>;
}

/** tau2 tells payment methods apart by `source`; only a gift card carries a balance. */
export type Tau2PaymentMethod =
  | { source: 'gift_card'; id: string; balance: number }
  | { source: 'credit_card'; id: string; brand: string; last_four: string }
  | { source: 'paypal'; id: string };

export interface Tau2User {
  user_id: string;
  name: { first_name: string; last_name: string };
  address: Tau2Address;
  email: string;
  payment_methods: Record<string, Tau2PaymentMethod>;
  orders: string[];
}

export interface Tau2OrderItem {
  name: string;
  product_id: string;
  item_id: string;
  price: number;
  options: Record<string, string>;
}

export interface Tau2Payment {
  transaction_type: 'payment' | 'refund';
  amount: number;
  payment_method_id: string;
}

export type Tau2OrderStatus =
  | 'pending'
  | 'pending (item modified)'
  | 'processed'
  | 'delivered'
  | 'cancelled'
  | 'return requested'
  | 'exchange requested';

export interface Tau2Order {
  order_id: string;
  user_id: string;
  address: Tau2Address;
  items: Tau2OrderItem[];
  status: Tau2OrderStatus;
  fulfillments: { tracking_id: string[]; item_ids: string[] }[];
  payment_history: Tau2Payment[];
  // Set by the write tools; absent in the published db.json.
  cancel_reason?: 'no longer needed' | 'ordered by mistake';
  return_items?: string[];
  return_payment_method_id?: string;
  exchange_items?: string[];
  exchange_new_items?: string[];
  exchange_payment_method_id?: string;
  exchange_price_difference?: number;
}

export interface Tau2Db {
  products: Record<string, Tau2Product>;
  users: Record<string, Tau2User>;
  orders: Record<string, Tau2Order>;
}

/** One tool call, as in a task's `evaluation_criteria.actions`. */
export interface Tau2Action {
  name: string;
  arguments: Record<string, unknown>;
  action_id?: string;
}

export interface Tau2Task {
  id: string;
  /** What the simulated user wants and knows (the live evaluation plays it). */
  user_scenario?: { instructions?: string | Record<string, string | null> | null };
  evaluation_criteria: { actions: Tau2Action[] | null };
}
