import type { Tau2Db, Tau2Order, Tau2PaymentMethod, Tau2User, Tau2Variant } from './tau2-db.js';

/** A tool call tau2 would reject (its tools raise ValueError); the message follows tau2's wording. */
export class Tau2ActionError extends Error {
  override name = 'Tau2ActionError';
}

export function getOrder(db: Tau2Db, orderId: string): Tau2Order {
  const order = db.orders[orderId];
  if (!order) throw new Tau2ActionError('Order not found');
  return order;
}

export function getUser(db: Tau2Db, userId: string): Tau2User {
  const user = db.users[userId];
  if (!user) throw new Tau2ActionError('User not found');
  return user;
}

export function getProduct(db: Tau2Db, productId: string) {
  const product = db.products[productId];
  if (!product) throw new Tau2ActionError('Product not found');
  return product;
}

/** A variant of the given product: a new item of another product type is rejected here. */
export function getVariant(db: Tau2Db, productId: string, itemId: string): Tau2Variant {
  const variant = getProduct(db, productId).variants[itemId];
  if (!variant) throw new Tau2ActionError('Variant not found');
  return variant;
}

export function getItem(db: Tau2Db, itemId: string): Tau2Variant {
  for (const product of Object.values(db.products)) {
    const variant = product.variants[itemId];
    if (variant) return variant;
  }
  throw new Tau2ActionError('Item not found');
}

export function getPaymentMethod(db: Tau2Db, userId: string, paymentMethodId: string): Tau2PaymentMethod {
  const method = getUser(db, userId).payment_methods[paymentMethodId];
  if (!method) throw new Tau2ActionError('Payment method not found');
  return method;
}

/** tau2 checks each listed id against the order's items, counting duplicates. */
export function assertItemsInOrder(order: Tau2Order, itemIds: string[], message: (id: string) => string): void {
  const inOrder = order.items.map((i) => i.item_id);
  const count = (list: string[], id: string) => list.filter((x) => x === id).length;
  for (const id of itemIds) {
    if (count(itemIds, id) > count(inOrder, id)) throw new Tau2ActionError(message(id));
  }
}

/** tau2's loose check: 'pending (item modified)' still counts for address and payment changes. */
export const isPendingLoose = (order: Tau2Order): boolean => order.status.includes('pending');
