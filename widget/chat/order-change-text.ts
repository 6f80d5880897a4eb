import type { Language } from '../../src/chat/protocol.js';
import type {
  MethodAmount,
  MethodRef,
  OrderChangeDetail,
  OrderRefusal,
  PriceDifference,
} from '../../src/shared/order-change-detail.js';
import { KNOWN_CANCEL_REASONS } from '../../src/shared/order-change-detail.js';
import { refusalMessage } from '../../src/shared/order-refusal-message.js';
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
  const { key, vars } = refusalMessage(r, {
    status,
    statuses: (ss) => joined(ss.map(status), 'change.or'),
    method,
    day: (iso) => {
      const at = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(at.getTime())) return iso;
      return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
    },
    money: (minor, currency) => formatMoney(language, minor, currency),
    reasons: (rs) => list(rs.map(reason)),
  });
  return t(`refusal.${key}`, vars);
}
