import { money } from '../catalog/money.js';
import type {
  MethodAmount,
  MethodRef,
  OrderChangeDetail,
  OrderRefusal,
  PriceDifference,
  ReturnLine,
  SwapLine,
} from '../shared/order-change-detail.js';

/**
 * Order changes and refusals in English, for the record: the audit log, the order's events, the
 * console, the tool result an LLM reads and API clients. A shopper is told them in their own
 * language from the same data (the offline model's replies, the widget's catalogs); their English
 * templates say exactly this.
 */

/** A payment method as the shopper knows it: "Visa ending 4242", "PayPal", "gift card". */
export function methodLabel(m: MethodRef): string {
  if (m.kind === 'credit_card') return `${m.brand || 'card'} ending ${m.last4 ?? '••••'}`;
  if (m.kind === 'paypal') return 'PayPal';
  if (m.kind === 'gift_card') return 'gift card';
  return m.brand || 'your payment method';
}

const fmt = (minor: number, currency: string) => money(minor, currency).formatted;
const to = (m: MethodAmount, currency: string) => `${fmt(m.amountMinor, currency)} to ${methodLabel(m.method)}`;
const swapWords = (swaps: SwapLine[]) => swaps.map((s) => `${s.title} → ${s.newTitle}`).join('; ');
const lineWords = (lines: ReturnLine[]) =>
  lines.map((l) => (l.quantity > 1 ? `${l.quantity} × ${l.title}` : l.title)).join(', ');
const status = (s: string) => s.replace('_', ' ');

function differenceWords(d: PriceDifference, currency: string): string {
  if (d.amountMinor === 0) return 'The price stays the same.';
  const label = methodLabel(d.method);
  return d.amountMinor > 0
    ? `You pay ${fmt(d.amountMinor, currency)} more, charged to ${label}.`
    : `You get ${fmt(-d.amountMinor, currency)} back, to ${label}.`;
}

/** What a prepared change will do, for the shopper to confirm. */
export function summaryInEnglish(d: OrderChangeDetail): string {
  switch (d.kind) {
    case 'cancel_order': {
      const refunds = d.refunds.map((r) => to(r, d.currency));
      return `Cancel order ${d.orderId} (reason: ${d.reason}).${refunds.length ? ` Refund ${refunds.join(' and ')}.` : ''}`;
    }
    case 'change_order_address':
      return `Ship order ${d.orderId} to ${d.address}.`;
    case 'change_order_payment':
      return `Pay order ${d.orderId} (${fmt(d.amountMinor, d.currency)}) with ${methodLabel(d.to)}; ${methodLabel(d.from)} gets it back.`;
    case 'change_order_items':
      return `Change order ${d.orderId}: ${swapWords(d.swaps)}. ${differenceWords(d.difference, d.currency)}`;
    case 'return_items':
      return `Return ${lineWords(d.lines)} from order ${d.orderId}. ${fmt(d.refund.amountMinor, d.currency)} will be refunded to ${methodLabel(d.refund.method)} once the items arrive back.`;
    case 'exchange_items':
      return `Exchange in order ${d.orderId}: ${swapWords(d.swaps)}. ${differenceWords(d.difference, d.currency)} Send the items back; the new ones ship when they arrive.`;
    case 'update_default_address':
      return `Make ${d.address} your default address.`;
  }
}

/** What a change did, once it ran. */
export function doneInEnglish(d: OrderChangeDetail): string {
  switch (d.kind) {
    case 'cancel_order': {
      const refunds = d.refunds.map((r) => to(r, d.currency));
      return `Order ${d.orderId} is cancelled.${refunds.length ? ` Refunded ${refunds.join(' and ')}.` : ''}`;
    }
    case 'change_order_address':
      return `Order ${d.orderId} will ship to ${d.address}.`;
    case 'change_order_payment':
      return `Order ${d.orderId} is now paid with ${methodLabel(d.to)}; ${fmt(d.amountMinor, d.currency)} went back to ${methodLabel(d.from)}.`;
    case 'change_order_items':
      return `Order ${d.orderId} is changed: ${swapWords(d.swaps)}. ${differenceWords(d.difference, d.currency)}`;
    case 'return_items':
      return `Your return from order ${d.orderId} is registered. ${fmt(d.refund.amountMinor, d.currency)} will be refunded to ${methodLabel(d.refund.method)} once the items arrive back.`;
    case 'exchange_items':
      return `Your exchange in order ${d.orderId} is registered: ${swapWords(d.swaps)}. ${differenceWords(d.difference, d.currency)}`;
    case 'update_default_address':
      return `Your default address is now ${d.address}.`;
  }
}

const DONE_TO: Record<string, string> = {
  cancel: 'cancelled',
  change: 'changed',
  return: 'returned',
  exchange: 'exchanged',
};

/** Why the rules refuse a change, citing the policy where one says so. */
export function refusalInEnglish(r: OrderRefusal): string {
  switch (r.code) {
    case 'wrong_status':
      return `Order ${r.orderId} is ${status(r.status)}, and only ${r.allowed.map(status).join(' or ')} orders can be ${DONE_TO[r.verb]} (${r.policy}).`;
    case 'return_window_passed':
      return `Order ${r.orderId} was delivered on ${r.deliveredOn}, more than ${r.days} days ago: returns and exchanges are accepted within ${r.days} days of delivery (${r.policy}).`;
    case 'order_not_found':
      return `There is no order ${r.orderId} on your account.`;
    case 'unknown_method':
      return `${r.methodId} is not one of your payment methods.`;
    case 'gift_card_short':
      return `Your gift card has ${fmt(r.balanceMinor, r.currency)} left, not enough for ${fmt(r.amountMinor, r.currency)}.`;
    case 'cancel_reason_needed':
      return `A cancellation needs one of these reasons: ${r.reasons.join(', ')}.`;
    case 'several_payments':
      return `Order ${r.orderId} has more than one payment, so a person must change how it is paid.`;
    case 'already_paid_with':
      return `Order ${r.orderId} is already paid with ${methodLabel(r.method)}.`;
    case 'items_changed_already':
      return `The items of order ${r.orderId} were changed already; a person can help with more changes.`;
    case 'no_method':
      return r.purpose === 'refund'
        ? 'You have no payment method on file to refund to.'
        : 'You have no payment method on file for the price difference.';
    case 'refund_method':
      return `Refunds go back to the original payment method${r.giftCardAllowed ? ' or a gift card' : ''} (${r.policy}).`;
    case 'too_few_units':
      return `Order ${r.orderId} has only ${r.quantity} of ${r.title}.`;
    case 'item_not_in_order':
      return `Order ${r.orderId} has no item ${r.sku}.`;
    case 'same_option':
      return `${r.title} would stay the same: pick another option.`;
    case 'not_an_option':
      return `${r.sku} is not another option of ${r.title}.`;
    case 'unavailable':
      return `${r.title} is not available now.`;
  }
}
