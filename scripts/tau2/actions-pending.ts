import { type z } from 'zod';
import { type cancelArgs, type orderAddressArgs, type paymentArgs, type SwapArgs } from './action-args.js';
import { pyRound2 } from './money.js';
import type { Tau2Db, Tau2Payment, Tau2PaymentMethod, Tau2Variant } from './tau2-db.js';
import {
  assertItemsInOrder,
  getOrder,
  getPaymentMethod,
  getVariant,
  isPendingLoose,
  Tau2ActionError,
} from './tau2-lookup.js';

/** Which variant's price and options a modified item takes; see `lastVariantQuirk` in reference-actions.ts. */
export interface ModifyItemsOptions {
  lastVariantQuirk?: boolean;
}

const CANCEL_REASONS = new Set(['no longer needed', 'ordered by mistake']);

/** Gift card money moves at once (policy: "immediately if it is gift card"); other sources only in the history. */
function creditGiftCard(method: Tau2PaymentMethod, amount: number): void {
  if (method.source === 'gift_card') method.balance = pyRound2(method.balance + amount);
}

export function cancelPendingOrder(db: Tau2Db, args: z.infer<typeof cancelArgs>): void {
  const order = getOrder(db, args.order_id);
  if (order.status !== 'pending') throw new Tau2ActionError('Non-pending order cannot be cancelled');
  if (!CANCEL_REASONS.has(args.reason)) throw new Tau2ActionError('Invalid reason');
  // Resolve every method before writing, so a failing call leaves the db untouched.
  const methods = order.payment_history.map((p) => getPaymentMethod(db, order.user_id, p.payment_method_id));
  const refunds: Tau2Payment[] = order.payment_history.map((p, i) => {
    creditGiftCard(methods[i], p.amount);
    return { transaction_type: 'refund', amount: p.amount, payment_method_id: p.payment_method_id };
  });
  order.status = 'cancelled';
  order.cancel_reason = args.reason as 'no longer needed' | 'ordered by mistake';
  order.payment_history.push(...refunds);
}

export function modifyPendingOrderAddress(db: Tau2Db, args: z.infer<typeof orderAddressArgs>): void {
  const order = getOrder(db, args.order_id);
  if (!isPendingLoose(order)) throw new Tau2ActionError('Non-pending order cannot be modified');
  const { address1, address2, city, state, country, zip } = args;
  order.address = { address1, address2, city, state, country, zip };
}

export function modifyPendingOrderPayment(db: Tau2Db, args: z.infer<typeof paymentArgs>): void {
  const order = getOrder(db, args.order_id);
  if (!isPendingLoose(order)) throw new Tau2ActionError('Non-pending order cannot be modified');
  const method = getPaymentMethod(db, order.user_id, args.payment_method_id);
  const [original] = order.payment_history;
  if (order.payment_history.length !== 1 || original.transaction_type !== 'payment') {
    throw new Tau2ActionError('There should be exactly one payment for a pending order');
  }
  if (original.payment_method_id === args.payment_method_id) {
    throw new Tau2ActionError('The new payment method should be different from the current one');
  }
  const amount = original.amount;
  if (method.source === 'gift_card' && method.balance < amount) {
    throw new Tau2ActionError('Insufficient gift card balance to pay for the order');
  }
  const oldMethod = getPaymentMethod(db, order.user_id, original.payment_method_id);
  // tau2 appends the new payment first, then the refund of the original one.
  order.payment_history.push(
    { transaction_type: 'payment', amount, payment_method_id: args.payment_method_id },
    { transaction_type: 'refund', amount, payment_method_id: original.payment_method_id },
  );
  creditGiftCard(method, -amount);
  creditGiftCard(oldMethod, amount);
}

export function modifyPendingOrderItems(db: Tau2Db, args: SwapArgs, options: ModifyItemsOptions = {}): void {
  const order = getOrder(db, args.order_id);
  // Strict here, unlike address and payment: items can be modified once only.
  if (order.status !== 'pending') throw new Tau2ActionError('Non-pending order cannot be modified');
  assertItemsInOrder(order, args.item_ids, (id) => `${id} not found`);
  if (args.item_ids.length !== args.new_item_ids.length) {
    throw new Tau2ActionError('The number of items to be exchanged should match');
  }
  const variants: Tau2Variant[] = [];
  let diff = 0;
  args.item_ids.forEach((itemId, i) => {
    const newItemId = args.new_item_ids[i];
    if (itemId === newItemId) throw new Tau2ActionError('The new item id should be different from the old item id');
    const item = order.items.find((it) => it.item_id === itemId);
    if (!item) throw new Tau2ActionError(`Item ${itemId} not found`);
    const variant = getVariant(db, item.product_id, newItemId);
    if (!variant.available) throw new Tau2ActionError(`New item ${newItemId} not found or available`);
    variants.push(variant);
    diff += variant.price - item.price;
  });
  const method = getPaymentMethod(db, order.user_id, args.payment_method_id);
  if (method.source === 'gift_card' && method.balance < diff) {
    throw new Tau2ActionError('Insufficient gift card balance to pay for the new item');
  }
  // tau2 does not round this difference (the exchange tool does); a zero difference is a refund of 0.
  const type = diff > 0 ? 'payment' : 'refund';
  order.payment_history.push({
    transaction_type: type,
    amount: Math.abs(diff),
    payment_method_id: args.payment_method_id,
  });
  creditGiftCard(method, -diff);
  args.item_ids.forEach((itemId, i) => {
    // Looked up again after earlier swaps, so duplicates take successive items, as in tau2.
    const item = order.items.find((it) => it.item_id === itemId);
    if (!item) throw new Tau2ActionError(`Item ${itemId} not found`);
    const variant = options.lastVariantQuirk ? variants[variants.length - 1] : variants[i];
    item.item_id = args.new_item_ids[i];
    item.price = variant.price;
    item.options = { ...variant.options };
  });
  order.status = 'pending (item modified)';
}
