import { type z } from 'zod';
import { type returnArgs, type SwapArgs, type userAddressArgs } from './action-args.js';
import { pyRound2 } from './money.js';
import type { Tau2Db } from './tau2-db.js';
import { assertItemsInOrder, getOrder, getPaymentMethod, getUser, getVariant, Tau2ActionError } from './tau2-lookup.js';

// tau2 stores both id lists sorted (Python's sorted(); digit strings sort the same in JS).
const sorted = (ids: string[]) => [...ids].sort();

/**
 * Records the return request; no money moves yet, so payment_history and balances stay as they are.
 * The refund goes to the original payment method or any of the user's gift cards.
 */
export function returnDeliveredOrderItems(db: Tau2Db, args: z.infer<typeof returnArgs>): void {
  const order = getOrder(db, args.order_id);
  if (order.status !== 'delivered') throw new Tau2ActionError('Non-delivered order cannot be returned');
  const method = getPaymentMethod(db, order.user_id, args.payment_method_id);
  if (method.source !== 'gift_card' && args.payment_method_id !== order.payment_history[0]?.payment_method_id) {
    throw new Tau2ActionError('Payment method should be the original payment method');
  }
  assertItemsInOrder(order, args.item_ids, () => 'Some item not found');
  order.status = 'return requested';
  order.return_items = sorted(args.item_ids);
  order.return_payment_method_id = args.payment_method_id;
}

/** Records the exchange request and its price difference; like a return, nothing is charged yet. */
export function exchangeDeliveredOrderItems(db: Tau2Db, args: SwapArgs): void {
  const order = getOrder(db, args.order_id);
  if (order.status !== 'delivered') throw new Tau2ActionError('Non-delivered order cannot be exchanged');
  assertItemsInOrder(order, args.item_ids, (id) => `Number of ${id} not found.`);
  if (args.item_ids.length !== args.new_item_ids.length) {
    throw new Tau2ActionError('The number of items to be exchanged should match.');
  }
  let diff = 0;
  args.item_ids.forEach((itemId, i) => {
    const newItemId = args.new_item_ids[i];
    const item = order.items.find((it) => it.item_id === itemId);
    if (!item) throw new Tau2ActionError(`Item ${itemId} not found`);
    const variant = getVariant(db, item.product_id, newItemId);
    if (!variant.available) throw new Tau2ActionError(`New item ${newItemId} not found or available`);
    diff += variant.price - item.price;
  });
  diff = pyRound2(diff);
  const method = getPaymentMethod(db, order.user_id, args.payment_method_id);
  if (method.source === 'gift_card' && method.balance < diff) {
    throw new Tau2ActionError('Insufficient gift card balance to pay for the price difference');
  }
  order.status = 'exchange requested';
  order.exchange_items = sorted(args.item_ids);
  order.exchange_new_items = sorted(args.new_item_ids);
  order.exchange_payment_method_id = args.payment_method_id;
  order.exchange_price_difference = diff;
}

/** The user's default address only: existing orders keep theirs. */
export function modifyUserAddress(db: Tau2Db, args: z.infer<typeof userAddressArgs>): void {
  const user = getUser(db, args.user_id);
  const { address1, address2, city, state, country, zip } = args;
  user.address = { address1, address2, city, state, country, zip };
}
