import type { Language } from '../../src/chat/protocol.js';
import type {
  MethodAmount,
  MethodRef,
  OrderChangeDetail,
  OrderRefusal,
  PriceDifference,
} from '../../src/shared/order-change-detail.js';
import { KNOWN_CANCEL_REASONS } from '../../src/shared/order-change-detail.js';
import { CATALOGS, type MessageKey } from '../i18n/catalogs.js';
import { formatMessage, formatMoney, LOCALES, type MessageVars } from '../i18n/format.js';

/**
 * An order change the shopper is asked to confirm, and why the shop's rules refused one, in the
 * widget's language from their data (`action.change.*`, `action.refusal.*`); the server's English
 * `summary` and `outcome` are for API clients.
 */

const STATUS: Record<string, MessageKey> = {
  pending: 'action.change.status.pending',
  processed: 'action.change.status.processed',
  shipped: 'action.change.status.shipped',
  delivered: 'action.change.status.delivered',
  cancelled: 'action.change.status.cancelled',
  return_requested: 'action.change.status.returnRequested',
  exchange_requested: 'action.change.status.exchangeRequested',
  returned: 'action.change.status.returned',
};

const NOT_ALLOWED: Record<string, MessageKey> = {
  cancel: 'action.refusal.notCancellable',
  change: 'action.refusal.notChangeable',
  return: 'action.refusal.notReturnable',
  exchange: 'action.refusal.notExchangeable',
};

function words(language: Language) {
  const t = (key: MessageKey, vars?: MessageVars) =>
    formatMessage(language, CATALOGS[language][key] ?? CATALOGS.en[key], vars);
  const method = (m: MethodRef): string => {
    if (m.kind === 'credit_card') {
      const last4 = m.last4 ?? '••••';
      return m.brand
        ? t('action.change.method.card', { brand: m.brand, last4 })
        : t('action.change.method.anyCard', { last4 });
    }
    if (m.kind === 'paypal') return t('action.change.method.paypal');
    if (m.kind === 'gift_card') return t('action.change.method.giftCard');
    return m.brand ? t('action.change.method.other', { brand: m.brand }) : t('action.change.method.yours');
  };
  /** "a and b", "a or b": each item joined to the next with the language's word. */
  const joined = (items: string[], key: 'action.change.and' | 'action.change.or') =>
    items.length ? items.reduce((a, b) => t(key, { a, b })) : '';
  const list = (items: string[]) =>
    new Intl.ListFormat(LOCALES[language], { type: 'unit', style: 'short' }).format(items);
  const reason = (r: string) => {
    const known = KNOWN_CANCEL_REASONS[r.trim().toLowerCase()];
    return known ? t(`action.change.reason.${known}`) : r;
  };
  const status = (s: string) => (STATUS[s] ? t(STATUS[s]) : s.replace('_', ' '));
  return { t, method, joined, list, reason, status };
}

/** What a prepared change will do, for the shopper to confirm. */
export function orderChangeText(d: OrderChangeDetail, language: Language): string {
  const { t, method, joined, list, reason } = words(language);
  const amount = (minor: number) => formatMoney(language, minor, d.currency);
  const refundTo = (r: MethodAmount) =>
    t('action.change.refundTo', { amount: amount(r.amountMinor), method: method(r.method) });
  const swaps = (s: { title: string; newTitle: string }[]) => s.map((x) => t('action.change.swap', x)).join('; ');
  const difference = (p: PriceDifference) =>
    p.amountMinor === 0
      ? t('action.change.samePrice')
      : t(p.amountMinor > 0 ? 'action.change.payMore' : 'action.change.getBack', {
          amount: amount(Math.abs(p.amountMinor)),
          method: method(p.method),
        });
  switch (d.kind) {
    case 'cancel_order': {
      const vars = { order: d.orderId, reason: reason(d.reason) };
      if (!d.refunds.length) return t('action.change.cancel', vars);
      return t('action.change.cancelRefund', {
        ...vars,
        refunds: joined(d.refunds.map(refundTo), 'action.change.and'),
      });
    }
    case 'change_order_address':
      return t('action.change.address', { order: d.orderId, address: d.address });
    case 'change_order_payment':
      return t('action.change.payment', {
        order: d.orderId,
        amount: amount(d.amountMinor),
        to: method(d.to),
        from: method(d.from),
      });
    case 'change_order_items':
    case 'exchange_items':
      return t(d.kind === 'exchange_items' ? 'action.change.exchange' : 'action.change.items', {
        order: d.orderId,
        swaps: swaps(d.swaps),
        difference: difference(d.difference),
      });
    case 'return_items': {
      const items = d.lines.map((l) =>
        l.quantity > 1
          ? t('action.change.lineUnits', { title: l.title, quantity: l.quantity })
          : t('action.change.line', { title: l.title }),
      );
      return t('action.change.return', {
        order: d.orderId,
        items: list(items),
        amount: amount(d.refund.amountMinor),
        method: method(d.refund.method),
      });
    }
    case 'update_default_address':
      return t('action.change.defaultAddress', { address: d.address });
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
        allowed: joined(r.allowed.map(status), 'action.change.or'),
        policy: r.policy,
      });
    case 'return_window_passed': {
      const at = new Date(`${r.deliveredOn}T00:00:00Z`);
      const date = Number.isNaN(at.getTime())
        ? r.deliveredOn
        : new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
      return t('action.refusal.returnWindow', { order: r.orderId, date, days: r.days, policy: r.policy });
    }
    case 'order_not_found':
      return t('action.refusal.orderNotFound', { order: r.orderId });
    case 'unknown_method':
      return t('action.refusal.unknownMethod', { method: r.methodId });
    case 'gift_card_short':
      return t('action.refusal.giftCardShort', {
        balance: formatMoney(language, r.balanceMinor, r.currency),
        amount: formatMoney(language, r.amountMinor, r.currency),
      });
    case 'cancel_reason_needed':
      return t('action.refusal.cancelReason', { reasons: list(r.reasons.map(reason)) });
    case 'several_payments':
      return t('action.refusal.severalPayments', { order: r.orderId });
    case 'already_paid_with':
      return t('action.refusal.alreadyPaidWith', { order: r.orderId, method: method(r.method) });
    case 'items_changed_already':
      return t('action.refusal.itemsChangedAlready', { order: r.orderId });
    case 'no_method':
      return t(r.purpose === 'refund' ? 'action.refusal.noMethodRefund' : 'action.refusal.noMethodDifference');
    case 'refund_method':
      return t(r.giftCardAllowed ? 'action.refusal.refundToOriginalOrGiftCard' : 'action.refusal.refundToOriginal', {
        policy: r.policy,
      });
    case 'too_few_units':
      return t('action.refusal.tooFewUnits', { order: r.orderId, quantity: r.quantity, title: r.title });
    case 'item_not_in_order':
      return t('action.refusal.itemNotInOrder', { order: r.orderId, sku: r.sku });
    case 'same_option':
      return t('action.refusal.sameOption', { title: r.title });
    case 'not_an_option':
      return t('action.refusal.notAnOption', { sku: r.sku, title: r.title });
    case 'unavailable':
      return t('action.refusal.unavailable', { title: r.title });
  }
}
