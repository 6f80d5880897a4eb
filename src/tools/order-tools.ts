import { z } from 'zod';
import type { OrderDetails } from '../customers/customer-reader.js';
import { defineTool } from './define-tool.js';
import type { OrderStatusResult, OrdersResult, OrderView } from './results.js';
import type { ToolDeps } from './tool-deps.js';

const SIGN_IN = 'Please sign in to your account so I can look up your orders.';

const view = (o: OrderDetails): OrderView => ({
  id: o.id,
  status: o.status,
  placedAt: o.placedAt,
  total: o.total,
  shipping: o.shipping,
  items: o.items.map((i) => ({
    sku: i.sku,
    title: i.title,
    quantity: i.quantity,
    unitPrice: i.unitPrice,
    ...(i.handle ? { handle: i.handle } : {}),
  })),
  tracking: o.tracking,
  shippedAt: o.shippedAt,
  deliveredAt: o.deliveredAt,
  paidWith: paidWith(o),
});

/** Each method an order's payments used, once. */
function paidWith(o: OrderDetails): OrderView['paidWith'] {
  const methods = o.payments.flatMap((p) => (p.method ? [p.method] : []));
  const key = (m: OrderView['paidWith'][number]) => `${m.kind}|${m.brand}|${m.last4}`;
  return [...new Map(methods.map((m) => [key(m), m])).values()];
}

/** Orders of the verified customer only: the customer id comes from the session, never from the model. */
export const getOrders = (deps: ToolDeps) =>
  defineTool({
    name: 'get_orders',
    description:
      "The signed-in customer's recent orders with status and tracking. Anonymous shoppers are asked to sign in.",
    input: z.object({ limit: z.number().int().min(1).max(20).optional() }),
    async run(input, ctx): Promise<OrdersResult> {
      if (!ctx.customerId) return { signInRequired: true, message: SIGN_IN };
      return { orders: (await deps.customers.orders(ctx.customerId, { limit: input.limit ?? 5 })).map(view) };
    },
  });

export const getOrderStatus = (deps: ToolDeps) =>
  defineTool({
    name: 'get_order_status',
    description:
      "Status and tracking of one of the signed-in customer's orders by its number, or of their latest order when none is given.",
    input: z.object({ orderId: z.string().trim().min(1).max(100).optional() }),
    async run(input, ctx): Promise<OrderStatusResult> {
      if (!ctx.customerId) return { signInRequired: true, message: SIGN_IN };
      if (!input.orderId) {
        const [latest] = await deps.customers.orders(ctx.customerId, { limit: 1 });
        return latest ? { order: view(latest) } : { order: null, message: 'You have no orders yet.' };
      }
      const order = await deps.customers.order(ctx.customerId, input.orderId);
      return order
        ? { order: view(order) }
        : { order: null, message: `I can't find order ${input.orderId} on your account.` };
    },
  });
