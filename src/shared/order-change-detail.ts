/**
 * An order change and a refusal of one as data, so each place that shows them to a shopper says
 * them in the shopper's language (the offline model's replies, the widget's confirm card, the
 * confirmation's outcome). Types only: the widget imports them too.
 */

/** A payment method as the shopper knows it; its id is never shown. */
export interface MethodRef {
  kind: string;
  brand?: string | null;
  last4?: string | null;
}

/** An amount (minor units) and the method it goes to or comes from. */
export interface MethodAmount {
  amountMinor: number;
  method: MethodRef;
}

/** One item swapped for another option of the same product; `newTitle` names its options. */
export interface SwapLine {
  title: string;
  newTitle: string;
}

/** Units of one order line sent back, and what they are worth. */
export interface ReturnLine {
  sku: string;
  title: string;
  quantity: number;
  amountMinor: number;
}

/** A price difference: more to pay (positive), money back (negative) or none (zero), and with what. */
export interface PriceDifference {
  amountMinor: number;
  method: MethodRef;
}

/** What a prepared (or made) change does, with the order's currency. */
export type OrderChangeDetail = { currency: string } & (
  | { kind: 'cancel_order'; orderId: string; reason: string; refunds: MethodAmount[] }
  | { kind: 'change_order_address'; orderId: string; address: string }
  | { kind: 'change_order_payment'; orderId: string; amountMinor: number; to: MethodRef; from: MethodRef }
  | { kind: 'change_order_items'; orderId: string; swaps: SwapLine[]; difference: PriceDifference }
  | { kind: 'return_items'; orderId: string; lines: ReturnLine[]; refund: MethodAmount }
  | { kind: 'exchange_items'; orderId: string; swaps: SwapLine[]; difference: PriceDifference }
  | { kind: 'update_default_address'; address: string }
);

/** What a refused change was to do to the order, for "only pending orders can be cancelled". */
export type OrderChangeVerb = 'cancel' | 'change' | 'return' | 'exchange';

/** Why the shop's rules refuse a change; `policy` is the title of the shop's policy that says so. */
export type OrderRefusal =
  | { code: 'wrong_status'; orderId: string; status: string; allowed: string[]; verb: OrderChangeVerb; policy: string }
  | { code: 'return_window_passed'; orderId: string; deliveredOn: string; days: number; policy: string }
  | { code: 'order_not_found'; orderId: string }
  | { code: 'unknown_method'; methodId: string }
  | { code: 'gift_card_short'; balanceMinor: number; amountMinor: number; currency: string }
  | { code: 'cancel_reason_needed'; reasons: string[] }
  | { code: 'several_payments'; orderId: string }
  | { code: 'already_paid_with'; orderId: string; method: MethodRef }
  | { code: 'items_changed_already'; orderId: string }
  | { code: 'no_method'; purpose: 'difference' | 'refund' }
  | { code: 'refund_method'; giftCardAllowed: boolean; policy: string }
  | { code: 'too_few_units'; orderId: string; title: string; quantity: number }
  | { code: 'item_not_in_order'; orderId: string; sku: string }
  | { code: 'same_option'; title: string }
  | { code: 'not_an_option'; sku: string; title: string }
  | { code: 'unavailable'; title: string };

export type OrderRefusalCode = OrderRefusal['code'];

/** A cancellation reason of the shop's default rules, as a key words are looked up by (else shown as written). */
export const KNOWN_CANCEL_REASONS: Record<string, 'noLongerNeeded' | 'orderedByMistake'> = {
  'no longer needed': 'noLongerNeeded',
  'ordered by mistake': 'orderedByMistake',
};
