import type { IngestInput } from '../../src/ingest/ingest.js';

type Address = { line1: string; line2: string; city: string; region: string; postalCode: string; country: string };

/** Who the customer is: their records' ids and names, and where the shop ships to. */
export interface OrdersCustomer {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  language: string;
  /** The customer's own address, when the shop has one. */
  address?: Address;
  cardId: string;
  giftCardId: string;
  /** Ids of the delivered order (a payment and a part refund) and the pending one. */
  delivered: string;
  pending: string;
  shippingAddress: Address;
}

/**
 * A customer with a card and a gift card, a delivered order of 2 socks paid by card and half
 * refunded, and a pending order of one pair: what the console's 360 and order changes show.
 */
export function customerWithOrders(c: OrdersCustomer): IngestInput {
  const socks = (quantity: number, unitPriceMinor: number) => [
    { sku: 'SOCK-1', title: 'Merino Running Socks', quantity, unitPriceMinor },
  ];
  const order = { customerId: c.id, currency: 'EUR', shippingMinor: 0 };
  return {
    products: [],
    customers: [
      {
        source: { file: 'customers.jsonl', line: 1 },
        record: {
          id: c.id,
          email: c.email,
          firstName: c.firstName,
          lastName: c.lastName,
          language: c.language,
          tags: [],
          acceptsMarketing: false,
          createdAt: '2025-01-10T10:00:00Z',
          ...(c.address ? { address: c.address } : {}),
          paymentMethods: [
            { id: c.cardId, kind: 'credit_card', brand: 'mastercard', last4: '9212' },
            { id: c.giftCardId, kind: 'gift_card', balanceMinor: 4_250 },
          ],
        },
      },
    ],
    orders: [
      {
        source: { file: 'orders.jsonl', line: 1 },
        record: {
          ...order,
          id: c.delivered,
          status: 'delivered',
          placedAt: '2026-08-01T09:00:00Z',
          lines: socks(2, 1_500),
          shippingAddress: c.shippingAddress,
          payments: [
            { kind: 'payment', amountMinor: 3_000, paymentMethodId: c.cardId },
            { kind: 'refund', amountMinor: 1_500, paymentMethodId: c.cardId },
          ],
        },
      },
      {
        source: { file: 'orders.jsonl', line: 2 },
        record: {
          ...order,
          id: c.pending,
          status: 'pending',
          placedAt: '2026-08-20T09:00:00Z',
          lines: socks(1, 2_000),
          payments: [{ kind: 'payment', amountMinor: 2_000, paymentMethodId: c.cardId }],
        },
      },
    ],
    policies: [],
    errors: [],
  };
}
