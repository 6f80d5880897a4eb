import type { Address } from '../catalog/records.js';
import type { Money } from '../catalog/types.js';

/** A saved way to pay as shown to the shopper and the agent: never more than the last four digits. */
export interface PaymentMethodView {
  id: string;
  kind: 'credit_card' | 'paypal' | 'gift_card' | 'other';
  brand: string | null;
  last4: string | null;
  /** A gift card's balance. */
  balance: Money | null;
}

export interface CustomerProfile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  city: string | null;
  country: string | null;
  language: string;
  tags: string[];
  createdAt: string;
  orderCount: number;
  lifetimeValue: Money;
  /** The default shipping address. */
  address: Address | null;
  paymentMethods: PaymentMethodView[];
}

/** What a payment method is, without its id or balance: enough to name it ("Visa ending 4242"). */
export type PaymentMethodRef = Pick<PaymentMethodView, 'kind' | 'brand' | 'last4'>;

/** A payment or a refund of an order, in minor units of the order's currency. */
export interface OrderMoneyMovement {
  amountMinor: number;
  currency: string;
  paymentMethodId: string;
  at: string;
  /** The method as the customer's account has it; null once it was removed. */
  method: PaymentMethodRef | null;
}

/** Something that happened to an order after it was placed, and who did it. */
export interface OrderEventView {
  at: string;
  actor: 'shopper' | 'agent' | 'system';
  actorId: string | null;
  action: string;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface OrderItem {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: Money;
  handle: string | null;
  /** The parcel this line shipped in, when fulfilled line by line. */
  trackingNumber: string | null;
}

export interface OrderDetails {
  id: string;
  status: string;
  placedAt: string;
  total: Money;
  /** What the customer paid for shipping (zero when it was free). */
  shipping: Money;
  items: OrderItem[];
  tracking: { carrier: string; number: string; url: string | null } | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  returnedAt: string | null;
  shippingAddress: Address | null;
  payments: OrderMoneyMovement[];
  refunds: OrderMoneyMovement[];
  /** The return or exchange asked for, as stored. */
  requestedChange: Record<string, unknown> | null;
  /** Oldest first. */
  events: OrderEventView[];
}
