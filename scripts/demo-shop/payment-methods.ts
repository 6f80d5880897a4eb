import type { CustomerRecord, OrderRecord, PaymentMethod } from '../../src/catalog/records.js';
import { createRng, type Rng } from './prng.js';

const HOUR_MS = 3_600_000;
const CARD_BRANDS = ['visa', 'mastercard', 'amex'] as const;
const digits = (r: Rng, count: number): string => Array.from({ length: count }, () => r.int(0, 9)).join('');

/** One to three saved ways to pay: a card or PayPal first, sometimes both, sometimes a gift card too. */
export const demoPaymentMethods = (r: Rng): PaymentMethod[] => {
  const card: PaymentMethod = {
    id: `credit_card_${digits(r, 7)}`,
    kind: 'credit_card',
    brand: r.pick(CARD_BRANDS),
    last4: digits(r, 4),
  };
  const paypal: PaymentMethod = { id: `paypal_${digits(r, 7)}`, kind: 'paypal' };
  const giftCard: PaymentMethod = {
    id: `gift_card_${digits(r, 7)}`,
    kind: 'gift_card',
    balanceMinor: r.int(2, 30) * 500,
  };
  const main = r.chance(0.7) ? [card, ...(r.chance(0.4) ? [paypal] : [])] : [paypal];
  return [...main, ...(r.chance(0.3) ? [giftCard] : [])];
};

/**
 * What an order was paid with (a card or PayPal the customer saved, from a hash of the order id),
 * and its refund when it was cancelled or returned.
 */
export const demoPayments = (order: OrderRecord, customer: CustomerRecord): NonNullable<OrderRecord['payments']> => {
  const r = createRng(`payments:${order.id}`);
  const payable = (customer.paymentMethods ?? []).filter((m) => m.kind !== 'gift_card');
  const method = r.pick(payable).id;
  const total = order.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, order.shippingMinor);
  const paid = { kind: 'payment' as const, amountMinor: total, paymentMethodId: method, at: order.placedAt };
  if (order.status === 'cancelled') {
    const at = new Date(Date.parse(order.placedAt) + 2 * HOUR_MS).toISOString();
    return [paid, { kind: 'refund', amountMinor: total, paymentMethodId: method, at }];
  }
  if (order.status === 'returned' && order.returnedAt)
    return [
      paid,
      { kind: 'refund', amountMinor: total - order.shippingMinor, paymentMethodId: method, at: order.returnedAt },
    ];
  return [paid];
};
