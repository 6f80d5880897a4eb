import type { Language } from '../../src/chat/protocol.js';
import type {
  MethodAmount,
  MethodRef,
  OrderChangeDetail,
  OrderRefusal,
  PriceDifference,
} from '../../src/shared/order-change-detail.js';
import { KNOWN_CANCEL_REASONS } from '../../src/shared/order-change-detail.js';
import { formatMessage, formatMoney, LOCALES, type MessageVars } from '../i18n/format.js';
import { ORDER_CHANGE_CATALOGS, type OrderChangeKey } from '../i18n/order-change-catalogs.js';

/**
 * An order change the shopper is asked to confirm, and why the shop's rules refused one, in the
 * widget's language from their data (`widget/i18n/order-changes/<code>.json`); the server's English
 * `summary` and `outcome` are for API clients.
 */

const STATUS: Record<string, OrderChangeKey> = {
  pending: 'change.status.pending',
  processed: 'change.status.processed',
  shipped: 'change.status.shipped',
  delivered: 'change.status.delivered',
  cancelled: 'change.status.cancelled',
  return_requested: 'change.status.returnRequested',
  exchange_requested: 'change.status.exchangeRequested',
  returned: 'change.status.returned',
};

const NOT_ALLOWED: Record<string, OrderChangeKey> = {
  cancel: 'refusal.notCancellable',
  change: 'refusal.notChangeable',
  return: 'refusal.notReturnable',
  exchange: 'refusal.notExchangeable',
};

function words(language: Language) {
  const t = (key: OrderChangeKey, vars?: MessageVars) =>
    formatMessage(language, ORDER_CHANGE_CATALOGS[language][key] ?? ORDER_CHANGE_CATALOGS.en[key], vars);
  const method = (m: MethodRef): string => {
    if (m.kind === 'credit_card') {
      const last4 = m.last4 ?? '••••';
      return m.brand ? t('change.method.card', { brand: m.brand, last4 }) : t('change.method.anyCard', { last4 });
    }
    if (m.kind === 'paypal') return t('change.method.paypal');
    if (m.kind === 'gift_card') return t('change.method.giftCard');
    return m.brand ? t('change.method.other', { brand: m.brand }) : t('change.method.yours');
  };
  /** "a and b", "a or b": each item joined to the next with the language's word. */
  const joined = (items: string[], key: 'change.and' | 'change.or') =>
    items.length ? items.reduce((a, b) => t(key, { a, b })) : '';
  const list = (items: string[]) =>
    new Intl.ListFormat(LOCALES[language], { type: 'unit', style: 'short' }).format(items);
  const reason = (r: string) => {
    const known = KNOWN_CANCEL_REASONS[r.trim().toLowerCase()];
    return known ? t(`change.reason.${known}`) : r;
  };
  const status = (s: string) => (STATUS[s] ? t(STATUS[s]) : s.replace('_', ' '));
  return { t, method, joined, list, reason, status };
}

/** What a prepared change will do, for the shopper to confirm. */
export function orderChangeText(d: OrderChangeDetail, language: Language): string {
  const { t, method, joined, list, reason } = words(language);
  const amount = (minor: number) => formatMoney(language, minor, d.currency);
  const refundTo = (r: MethodAmount) =>
    t('change.refundTo', { amount: amount(r.amountMinor), method: method(r.method) });
  const swaps = (s: { title: string; newTitle: string }[]) => s.map((x) => t('change.swap', x)).join('; ');
  const difference = (p: PriceDifference) =>
    p.amountMinor === 0
      ? t('change.samePrice')
      : t(p.amountMinor > 0 ? 'change.payMore' : 'change.getBack', {
          amount: amount(Math.abs(p.amountMinor)),
          method: method(p.method),
        });
  switch (d.kind) {
    case 'cancel_order': {
      const vars = { order: d.orderId, reason: reason(d.reason) };
      if (!d.refunds.length) return t('change.cancel', vars);
      return t('change.cancelRefund', {
        ...vars,
        refunds: joined(d.refunds.map(refundTo), 'change.and'),
      });
    }
    case 'change_order_address':
      return t('change.address', { order: d.orderId, address: d.address });
    case 'change_order_payment':
      return t('change.payment', {
        order: d.orderId,
        amount: amount(d.amountMinor),
        to: method(d.to),
        from: method(d.from),
      });
    case 'change_order_items':
    case 'exchange_items':
      return t(d.kind === 'exchange_items' ? 'change.exchange' : 'change.items', {
        order: d.orderId,
        swaps: swaps(d.swaps),
        difference: difference(d.difference),
      });
    case 'return_items': {
      const items = d.lines.map((l) =>
        l.quantity > 1
          ? t('change.lineUnits', { title: l.title, quantity: l.quantity })
          : t('change.line', { title: l.title }),
      );
      return t('change.return', {
        order: d.orderId,
        items: list(items),
        amount: amount(d.refund.amountMinor),
        method: method(d.refund.method),
      });
    }
    case 'update_default_address':
      return t('change.defaultAddress', { address: d.address });
  }
}

/** Why the shop's rules refused a change. */
export function refusalText(r: OrderRefusal, language: Language): string {
  const { t, method, joined, list, reason, status } = words(language);
  switch (r.code) {
    case 'wrong_status':
      return t(NOT_ALLOWED[r.verb], {
        order: r.orderId,
        status: status(r.status),
        allowed: joined(r.allowed.map(status), 'change.or'),
        policy: r.policy,
      });
    case 'return_window_passed': {
      const at = new Date(`${r.deliveredOn}T00:00:00Z`);
      const date = Number.isNaN(at.getTime())
        ? r.deliveredOn
        : new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
      return t('refusal.returnWindow', { order: r.orderId, date, days: r.days, policy: r.policy });
    }
    case 'order_not_found':
      return t('refusal.orderNotFound', { order: r.orderId });
    case 'unknown_method':
      return t('refusal.unknownMethod', { method: r.methodId });
    case 'gift_card_short':
      return t('refusal.giftCardShort', {
        balance: formatMoney(language, r.balanceMinor, r.currency),
        amount: formatMoney(language, r.amountMinor, r.currency),
      });
    case 'cancel_reason_needed':
      return t('refusal.cancelReason', { reasons: list(r.reasons.map(reason)) });
    case 'several_payments':
      return t('refusal.severalPayments', { order: r.orderId });
    case 'already_paid_with':
      return t('refusal.alreadyPaidWith', { order: r.orderId, method: method(r.method) });
    case 'items_changed_already':
      return t('refusal.itemsChangedAlready', { order: r.orderId });
    case 'no_method':
      return t(r.purpose === 'refund' ? 'refusal.noMethodRefund' : 'refusal.noMethodDifference');
    case 'refund_method':
      return t(r.giftCardAllowed ? 'refusal.refundToOriginalOrGiftCard' : 'refusal.refundToOriginal', {
        policy: r.policy,
      });
    case 'too_few_units':
      return t('refusal.tooFewUnits', { order: r.orderId, quantity: r.quantity, title: r.title });
    case 'item_not_in_order':
      return t('refusal.itemNotInOrder', { order: r.orderId, sku: r.sku });
    case 'same_option':
      return t('refusal.sameOption', { title: r.title });
    case 'not_an_option':
      return t('refusal.notAnOption', { sku: r.sku, title: r.title });
    case 'unavailable':
      return t('refusal.unavailable', { title: r.title });
  }
}
