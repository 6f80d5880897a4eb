import { money } from '../catalog/money.js';
import {
  KNOWN_CANCEL_REASONS,
  type MethodAmount,
  type MethodRef,
  type OrderChangeDetail,
  type OrderRefusal,
  type PriceDifference,
  type ReturnLine,
  type SwapLine,
} from '../shared/order-change-detail.js';
import type { PendingActionPayload } from '../conversations/event-types.js';
import { refusalMessage } from '../shared/order-refusal-message.js';
import { orderStatusWord } from './models/offline/order-status-word.js';
import { loadReplies, type ReplyKey, type Say } from './models/offline/replies.js';

/**
 * Order changes and refusals in the shopper's language, from their data and the language pack's
 * replies (`orderChange.*`): the offline model's confirmation question and refusals, and the reply
 * the server writes once the shopper decided. English says what `src/orders/order-words.ts` says.
 */

const SUMMARY = {
  summary: {
    cancel: 'orderChange.summary.cancel',
    cancelRefund: 'orderChange.summary.cancelRefund',
    address: 'orderChange.summary.address',
    payment: 'orderChange.summary.payment',
    items: 'orderChange.summary.items',
    return: 'orderChange.summary.return',
    exchange: 'orderChange.summary.exchange',
    defaultAddress: 'orderChange.summary.defaultAddress',
  },
  done: {
    cancel: 'orderChange.done.cancel',
    cancelRefund: 'orderChange.done.cancelRefund',
    address: 'orderChange.done.address',
    payment: 'orderChange.done.payment',
    items: 'orderChange.done.items',
    return: 'orderChange.done.return',
    exchange: 'orderChange.done.exchange',
    defaultAddress: 'orderChange.done.defaultAddress',
  },
} as const satisfies Record<string, Record<string, ReplyKey>>;

/** Items joined with the language's "or": "pending or processed". */
const eachOr = (say: Say, items: readonly string[]) =>
  items.length ? items.reduce((a, b) => say('orderChange.or', { a, b })) : '';

const status = orderStatusWord;

/** A day (yyyy-mm-dd): as written in English, else as the language's calendar writes it. */
function day(say: Say, iso: string): string {
  if (say.language === 'en') return iso;
  const at = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(say.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** A payment method as the shopper knows it: "Visa ending 4242", "کارت هدیه". */
export function methodWords(say: Say, m: MethodRef): string {
  if (m.kind === 'credit_card') {
    const last4 = m.last4 ?? '••••';
    return m.brand
      ? say('orderChange.method.card', { brand: m.brand, last4 })
      : say('orderChange.method.anyCard', { last4 });
  }
  if (m.kind === 'paypal') return say('orderChange.method.paypal');
  if (m.kind === 'gift_card') return say('orderChange.method.giftCard');
  return m.brand ? say('orderChange.method.other', { brand: m.brand }) : say('orderChange.method.yours');
}

/** A cancellation reason of the shop's defaults in the language; another one as the shop wrote it. */
function reasonWords(say: Say, reason: string): string {
  const known = say.language === 'en' ? undefined : KNOWN_CANCEL_REASONS[reason.trim().toLowerCase()];
  return known ? say(`orderChange.reason.${known}`) : reason;
}

function words(say: Say, d: OrderChangeDetail) {
  const amount = (minor: number) => money(minor, d.currency);
  const refundTo = (r: MethodAmount) =>
    say('orderChange.refundTo', { amount: amount(r.amountMinor), method: methodWords(say, r.method) });
  const swaps = (list: SwapLine[]) =>
    list.map((s) => say('orderChange.swap', { title: s.title, newTitle: s.newTitle })).join('; ');
  const lines = (list: ReturnLine[]) =>
    say.list(
      list.map((l) =>
        l.quantity > 1
          ? say('orderChange.lineUnits', { title: l.title, quantity: l.quantity })
          : say('orderChange.line', { title: l.title }),
      ),
      'comma',
    );
  const difference = (p: PriceDifference) => {
    if (p.amountMinor === 0) return say('orderChange.samePrice');
    const method = methodWords(say, p.method);
    return p.amountMinor > 0
      ? say('orderChange.payMore', { amount: amount(p.amountMinor), method })
      : say('orderChange.getBack', { amount: amount(-p.amountMinor), method });
  };
  return { amount, refundTo, swaps, lines, difference };
}

/** What a change does (`summary`, for the shopper to confirm) or did (`done`), in the shopper's language. */
export function orderChangeWords(say: Say, d: OrderChangeDetail, when: 'summary' | 'done'): string {
  const keys = SUMMARY[when];
  const w = words(say, d);
  switch (d.kind) {
    case 'cancel_order': {
      const vars = { order: d.orderId, reason: reasonWords(say, d.reason) };
      if (!d.refunds.length) return say(keys.cancel, vars);
      return say(keys.cancelRefund, { ...vars, refunds: say.eachAnd(d.refunds.map(w.refundTo)) });
    }
    case 'change_order_address':
      return say(keys.address, { order: d.orderId, address: d.address });
    case 'change_order_payment':
      return say(keys.payment, {
        order: d.orderId,
        amount: w.amount(d.amountMinor),
        to: methodWords(say, d.to),
        from: methodWords(say, d.from),
      });
    case 'change_order_items':
    case 'exchange_items':
      return say(d.kind === 'exchange_items' ? keys.exchange : keys.items, {
        order: d.orderId,
        swaps: w.swaps(d.swaps),
        difference: w.difference(d.difference),
      });
    case 'return_items':
      return say(keys.return, {
        order: d.orderId,
        items: w.lines(d.lines),
        amount: w.amount(d.refund.amountMinor),
        method: methodWords(say, d.refund.method),
      });
    case 'update_default_address':
      return say(keys.defaultAddress, { address: d.address });
  }
}

/** Why the shop's rules refuse a change, in the shopper's language. */
export function refusalWords(say: Say, r: OrderRefusal): string {
  const { key, vars } = refusalMessage(r, {
    status: (s) => status(say, s),
    statuses: (ss) =>
      eachOr(
        say,
        ss.map((s) => status(say, s)),
      ),
    method: (m) => methodWords(say, m),
    day: (iso) => day(say, iso),
    money,
    reasons: (rs) =>
      say.list(
        rs.map((x) => reasonWords(say, x)),
        'comma',
      ),
  });
  return say(`orderChange.refused.${key}`, vars);
}

/**
 * What the assistant says once the shopper confirmed or cancelled a change (or the rules refused it
 * then), in the conversation's language; null when there is nothing to say.
 */
export function decisionReply(action: PendingActionPayload, language: string): string | null {
  const say = loadReplies(language);
  switch (action.status) {
    case 'cancelled':
      return say('orderChange.leftAsItWas');
    case 'awaiting_approval':
      return say('orderChange.held');
    case 'done':
      return (action.detail && orderChangeWords(say, action.detail, 'done')) || action.outcome;
    case 'refused':
      return (action.refusal && refusalWords(say, action.refusal)) || action.outcome;
    default:
      return action.outcome;
  }
}

/**
 * What the shopper is told once a person decided on a change that waited for their approval: the
 * change as it ran, why the rules refused it by then, or the person's reason for not approving it.
 */
export function approvalReply(
  action: PendingActionPayload,
  by: { agent: string; note?: string },
  language: string,
): string | null {
  const say = loadReplies(language);
  if (action.status === 'done') {
    const outcome = decisionReply(action, language);
    return outcome && say('orderChange.approved', { agent: by.agent, outcome });
  }
  if (action.status === 'refused' && !action.refusal && by.note) {
    return say('orderChange.rejected', { agent: by.agent, note: by.note });
  }
  return decisionReply(action, language);
}

/** What the shopper is told once a person approved, or did not approve, a cart change that waited for them. */
export function cartApprovalReply(
  decision: 'approve' | 'reject',
  change: { agent: string; quantity: number; title: string },
  language: string,
): string {
  return loadReplies(language)(decision === 'approve' ? 'cart.approved' : 'cart.notApproved', change);
}
