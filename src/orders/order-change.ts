import { z } from 'zod';
import { addressSchema, type Address } from '../catalog/records.js';
import { ValidationError } from '../errors.js';
import type { OrderRefusal } from '../shared/order-change-detail.js';
import { refusalInEnglish } from './order-words.js';

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

/**
 * An order change refused by the shop's rules: `refusal` says why as data (for the shopper's
 * language), the message in English, citing the policy.
 */
export class OrderRefused extends ValidationError {
  readonly refusal: OrderRefusal | null;
  constructor(why: OrderRefusal | string) {
    super('order:refused', typeof why === 'string' ? why : refusalInEnglish(why));
    this.refusal = typeof why === 'string' ? null : why;
  }
}

export { methodLabel } from './order-words.js';

export function addressLine(a: Address): string {
  return [a.line1, a.line2, `${a.postalCode} ${a.city}`.trim(), a.region, a.country].filter(Boolean).join(', ');
}
