import { z } from 'zod';
import { addressSchema, type Address, type PaymentMethod } from '../catalog/records.js';
import { ValidationError } from '../errors.js';

const orderId = z.string().trim().min(1).max(100);
const sku = z.string().trim().min(1).max(120);
const methodId = z.string().trim().min(1).max(100);
const skuChanges = z
  .array(z.strictObject({ sku, newSku: sku }))
  .min(1)
  .max(20);

/** The changes to an order (or the customer's address) a shopper can ask for, as the tools take them. */
export const orderChangeSchemas = {
  cancel_order: z.strictObject({ orderId, reason: z.string().trim().min(1).max(200) }),
  change_order_address: z.strictObject({ orderId, address: addressSchema }),
  change_order_items: z.strictObject({ orderId, changes: skuChanges, paymentMethodId: methodId.optional() }),
  change_order_payment: z.strictObject({ orderId, paymentMethodId: methodId }),
  /** Without skus, every item of the order. */
  return_items: z.strictObject({
    orderId,
    skus: z.array(sku).min(1).max(50).optional(),
    refundTo: methodId.optional(),
  }),
  exchange_items: z.strictObject({ orderId, changes: skuChanges, paymentMethodId: methodId.optional() }),
  update_default_address: z.strictObject({ address: addressSchema }),
} as const;

/** One change with its kind, as the console sends it. */
export const orderChangeSchema = z.discriminatedUnion('kind', [
  orderChangeSchemas.cancel_order.extend({ kind: z.literal('cancel_order') }),
  orderChangeSchemas.change_order_address.extend({ kind: z.literal('change_order_address') }),
  orderChangeSchemas.change_order_items.extend({ kind: z.literal('change_order_items') }),
  orderChangeSchemas.change_order_payment.extend({ kind: z.literal('change_order_payment') }),
  orderChangeSchemas.return_items.extend({ kind: z.literal('return_items') }),
  orderChangeSchemas.exchange_items.extend({ kind: z.literal('exchange_items') }),
  orderChangeSchemas.update_default_address.extend({ kind: z.literal('update_default_address') }),
]);

export type OrderChangeKind = keyof typeof orderChangeSchemas;
export const ORDER_CHANGE_KINDS = Object.keys(orderChangeSchemas) as OrderChangeKind[];
export type OrderChange = {
  [K in OrderChangeKind]: { kind: K } & z.output<(typeof orderChangeSchemas)[K]>;
}[OrderChangeKind];

/** An order change refused by the shop's rules; the message says why, citing the policy. */
export class OrderRefused extends ValidationError {
  constructor(message: string) {
    super('order:refused', message);
  }
}

/** A payment method as the shopper knows it: "Visa ending 4242", "PayPal", "gift card (€12.00 left)". */
export function methodLabel(m: Pick<PaymentMethod, 'kind' | 'brand' | 'last4'>): string {
  if (m.kind === 'credit_card') return `${m.brand || 'card'} ending ${m.last4 ?? '••••'}`;
  if (m.kind === 'paypal') return 'PayPal';
  if (m.kind === 'gift_card') return 'gift card';
  return m.brand || 'your payment method';
}

export function addressLine(a: Address): string {
  return [a.line1, a.line2, `${a.postalCode} ${a.city}`.trim(), a.region, a.country].filter(Boolean).join(', ');
}
