import type { MethodRef, OrderRefusal } from './order-change-detail.js';

/**
 * Which sentence says why the shop's rules refused a change, and what fills it in: one table for
 * every place that words a refusal (the offline model's replies, the widget's confirm card), each
 * with its own catalog and its own ways of writing statuses, methods, days and money. Pure: the
 * widget imports it too.
 */

/** A refusal sentence's key within a catalog's refusal section. */
export type RefusalKey =
  | 'notCancellable'
  | 'notChangeable'
  | 'notReturnable'
  | 'notExchangeable'
  | 'returnWindow'
  | 'orderNotFound'
  | 'unknownMethod'
  | 'giftCardShort'
  | 'cancelReason'
  | 'severalPayments'
  | 'alreadyPaidWith'
  | 'itemsChangedAlready'
  | 'noMethodRefund'
  | 'noMethodDifference'
  | 'refundToOriginalOrGiftCard'
  | 'refundToOriginal'
  | 'tooFewUnits'
  | 'itemNotInOrder'
  | 'sameOption'
  | 'notAnOption'
  | 'unavailable';

/** How the place wording the refusal writes its values, in the shopper's language (money as `M`). */
export interface RefusalWriters<M = string> {
  status(status: string): string;
  /** The statuses a change is allowed in, joined with the language's "or". */
  statuses(statuses: string[]): string;
  method(method: MethodRef): string;
  /** A day written yyyy-mm-dd. */
  day(iso: string): string;
  money(minor: number, currency: string): M;
  reasons(reasons: string[]): string;
}

const NOT_ALLOWED = {
  cancel: 'notCancellable',
  change: 'notChangeable',
  return: 'notReturnable',
  exchange: 'notExchangeable',
} as const satisfies Record<string, RefusalKey>;

/** The sentence a refusal is said with and its filled-in values. */
export function refusalMessage<M>(
  r: OrderRefusal,
  w: RefusalWriters<M>,
): { key: RefusalKey; vars: Record<string, string | number | M> } {
  switch (r.code) {
    case 'wrong_status':
      return {
        key: NOT_ALLOWED[r.verb],
        vars: { order: r.orderId, status: w.status(r.status), allowed: w.statuses(r.allowed), policy: r.policy },
      };
    case 'return_window_passed':
      return {
        key: 'returnWindow',
        vars: { order: r.orderId, date: w.day(r.deliveredOn), days: r.days, policy: r.policy },
      };
    case 'order_not_found':
      return { key: 'orderNotFound', vars: { order: r.orderId } };
    case 'unknown_method':
      return { key: 'unknownMethod', vars: { method: r.methodId } };
    case 'gift_card_short':
      return {
        key: 'giftCardShort',
        vars: { balance: w.money(r.balanceMinor, r.currency), amount: w.money(r.amountMinor, r.currency) },
      };
    case 'cancel_reason_needed':
      return { key: 'cancelReason', vars: { reasons: w.reasons(r.reasons) } };
    case 'several_payments':
      return { key: 'severalPayments', vars: { order: r.orderId } };
    case 'already_paid_with':
      return { key: 'alreadyPaidWith', vars: { order: r.orderId, method: w.method(r.method) } };
    case 'items_changed_already':
      return { key: 'itemsChangedAlready', vars: { order: r.orderId } };
    case 'no_method':
      return { key: r.purpose === 'refund' ? 'noMethodRefund' : 'noMethodDifference', vars: {} };
    case 'refund_method':
      return {
        key: r.giftCardAllowed ? 'refundToOriginalOrGiftCard' : 'refundToOriginal',
        vars: { policy: r.policy },
      };
    case 'too_few_units':
      return { key: 'tooFewUnits', vars: { order: r.orderId, quantity: r.quantity, title: r.title } };
    case 'item_not_in_order':
      return { key: 'itemNotInOrder', vars: { order: r.orderId, sku: r.sku } };
    case 'same_option':
      return { key: 'sameOption', vars: { title: r.title } };
    case 'not_an_option':
      return { key: 'notAnOption', vars: { sku: r.sku, title: r.title } };
    case 'unavailable':
      return { key: 'unavailable', vars: { title: r.title } };
  }
}
