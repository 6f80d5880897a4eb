import { toCents } from './money.js';
import type { Tau2Address, Tau2Db, Tau2Order, Tau2User } from './tau2-db.js';

/**
 * What Issue 11 compares between the reference and Concierge: the parts of tau2's db that its write
 * tools change. Field names are tau2's; money is in integer cents (`*_cents`) so both sides compare
 * without float noise; a field a tool has not set is `null`, never missing.
 * Left out on purpose: products (no tool changes them), names, emails, fulfillments, item options.
 */
export interface Tau2State {
  users: Record<string, Tau2UserState>;
  orders: Record<string, Tau2OrderState>;
}

export interface Tau2UserState {
  address: Tau2Address;
  /** Keyed by payment method id; `balance_cents` is null except for gift cards. */
  payment_methods: Record<string, { source: string; balance_cents: number | null }>;
}

export interface Tau2OrderState {
  user_id: string;
  status: string;
  address: Tau2Address;
  /** One entry per unit, sorted by item_id then price: Concierge keeps lines with quantities, not positions. */
  items: { item_id: string; price_cents: number }[];
  /** In the order the transactions happened. */
  payment_history: { transaction_type: string; amount_cents: number; payment_method_id: string }[];
  cancel_reason: string | null;
  return_items: string[] | null;
  return_payment_method_id: string | null;
  exchange_items: string[] | null;
  exchange_new_items: string[] | null;
  exchange_payment_method_id: string | null;
  exchange_price_difference_cents: number | null;
}

const address = (a: Tau2Address): Tau2Address => ({
  address1: a.address1,
  address2: a.address2,
  city: a.city,
  state: a.state,
  country: a.country,
  zip: a.zip,
});

/** Canonical item order for both sides of the comparison. */
export function sortItems(items: Tau2OrderState['items']): Tau2OrderState['items'] {
  // Plain code-unit order, not localeCompare: the result must not depend on the machine's locale.
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort((a, b) => byId(a.item_id, b.item_id) || a.price_cents - b.price_cents);
}

function userState(user: Tau2User): Tau2UserState {
  const methods = Object.entries(user.payment_methods).map(([id, m]) => {
    const balance = m.source === 'gift_card' ? toCents(m.balance) : null;
    return [id, { source: m.source, balance_cents: balance }] as const;
  });
  return { address: address(user.address), payment_methods: Object.fromEntries(methods) };
}

function orderState(order: Tau2Order): Tau2OrderState {
  const difference = order.exchange_price_difference;
  return {
    user_id: order.user_id,
    status: order.status,
    address: address(order.address),
    items: sortItems(order.items.map((i) => ({ item_id: i.item_id, price_cents: toCents(i.price) }))),
    payment_history: order.payment_history.map((p) => ({
      transaction_type: p.transaction_type,
      amount_cents: toCents(p.amount),
      payment_method_id: p.payment_method_id,
    })),
    cancel_reason: order.cancel_reason ?? null,
    return_items: order.return_items ? [...order.return_items] : null,
    return_payment_method_id: order.return_payment_method_id ?? null,
    exchange_items: order.exchange_items ? [...order.exchange_items] : null,
    exchange_new_items: order.exchange_new_items ? [...order.exchange_new_items] : null,
    exchange_payment_method_id: order.exchange_payment_method_id ?? null,
    exchange_price_difference_cents: difference === undefined ? null : toCents(difference),
  };
}

/** The comparison state of a raw tau2 db (all users and orders). */
export function toTau2State(db: Tau2Db): Tau2State {
  const map = <T, U>(record: Record<string, T>, f: (v: T) => U) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
  return { users: map(db.users, userState), orders: map(db.orders, orderState) };
}
