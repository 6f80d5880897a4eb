import { AppError } from '../errors.js';
import { ORDER_CHANGE_KINDS, orderChangeSchemas, OrderRefused, type OrderChangeKind } from '../orders/order-change.js';
import type { PendingActionView } from '../orders/pending-actions.js';
import type { OrderRefusal } from '../shared/order-change-detail.js';
import { defineTool, type AnyTool } from './define-tool.js';
import type { ToolDeps } from './tool-deps.js';

const ASKS =
  'Prepares the change only: the shopper sees a summary and must confirm it; do not ask them to confirm in words again.';

const DESCRIPTIONS: Record<OrderChangeKind, string> = {
  cancel_order: `Cancel one of the signed-in shopper's pending orders; the payment is refunded. The reason must be one the policy lists (e.g. "no longer needed", "ordered by mistake"). ${ASKS}`,
  change_order_address: `Ship a pending order to another address. ${ASKS}`,
  change_order_items: `Swap items of a pending order for other options (size, colour) of the same product; the price difference is charged or refunded (to paymentMethodId, else the original payment). ${ASKS}`,
  change_order_payment: `Pay a pending order with another of the shopper's payment methods. ${ASKS}`,
  return_items: `Request a return of delivered items (one sku per unit; none: the whole order); refunded to the original payment or refundTo (a gift card) once they arrive back. ${ASKS}`,
  exchange_items: `Request an exchange of delivered items for other options of the same product. ${ASKS}`,
  update_default_address: `Change the signed-in shopper's default shipping address. ${ASKS}`,
};

/**
 * What the model sees: the prepared change (its English summary and the same as data), or why not,
 * in English and, when the shop's rules refused it, as data (`refusal`) for replies in the
 * shopper's language.
 */
export type OrderChangeResult =
  | { ok: true; pendingAction: PendingActionView; message: string }
  | { ok: false; reason: string; message: string; refusal?: OrderRefusal };

/** A refusal as data: the rules' own, or an order that is not on the shopper's account. */
function refusalOf(err: AppError, input: object): OrderRefusal | null {
  if (err instanceof OrderRefused) return err.refusal;
  if (err.code === 'order:not_found' && 'orderId' in input && typeof input.orderId === 'string') {
    return { code: 'order_not_found', orderId: input.orderId };
  }
  return null;
}

/**
 * The order changes, as data like the other tools. Each one only prepares a pending action; the
 * shopper's own confirmation runs it (the model cannot). Identity comes from the session.
 */
export function orderChangeTools(deps: ToolDeps): AnyTool[] {
  const actions = deps.orderActions;
  if (!actions) return [];
  return ORDER_CHANGE_KINDS.map((kind) =>
    defineTool({
      name: kind,
      description: DESCRIPTIONS[kind],
      input: orderChangeSchemas[kind],
      async run(input, ctx): Promise<OrderChangeResult> {
        if (!ctx.customerId) {
          return {
            ok: false,
            reason: 'sign_in_required',
            message: 'Please sign in to your account first, so I can change your orders.',
          };
        }
        try {
          const at = { conversationId: ctx.conversationId, customerId: ctx.customerId };
          const pendingAction = await actions.prepare(at, { kind, ...input } as Parameters<typeof actions.prepare>[1]);
          return { ok: true, pendingAction, message: `Waiting for the shopper to confirm: ${pendingAction.summary}` };
        } catch (err) {
          // A refusal by the rules, or an order that is not theirs: the model says why.
          if (!(err instanceof AppError && err.expose)) throw err;
          const refusal = refusalOf(err, input);
          return { ok: false, reason: err.code, message: err.message, ...(refusal ? { refusal } : {}) };
        }
      },
    }),
  );
}
