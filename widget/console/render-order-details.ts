import type {
  Address,
  Customer360,
  OrderEventView,
  OrderMoneyMovement,
  PaymentMethodView,
} from '../../src/handoff/agent-protocol.js';
import { KNOWN_CANCEL_REASONS } from '../../src/shared/order-change-detail.js';
import { t, type MessageKey } from '../i18n/live.js';
import { listNodes, messageNodes } from '../i18n/message-nodes.js';
import { h } from './dom.js';
import { amount, day } from './format.js';

type Order = Customer360['orders'][number];

/** One line: "Ada Lovelace, 12 Harbour Lane, Flat 3, Bristol BS1 4QA, GB". */
export function addressLine(a: Address): string {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.name, a.line1, a.line2, place, a.region, a.country].filter(Boolean).join(', ');
}

/** A cancellation reason: the shop's default ones in the console's language, any other as written. */
export function cancelReasonText(reason: string): string {
  const known = KNOWN_CANCEL_REASONS[reason.trim().toLowerCase()];
  return known ? t(`orderActions.reason.${known}`) : reason;
}

/** "Mastercard ending 9212", "PayPal", "Gift card (€42.50 left)", in the console's language. */
export function methodLabel(m: PaymentMethodView): DocumentFragment {
  if (m.kind === 'credit_card') {
    const brand = m.brand ? m.brand.charAt(0).toUpperCase() + m.brand.slice(1) : null;
    if (m.last4) {
      return brand
        ? messageNodes('customer.method.cardEnding', { brand, last4: m.last4 })
        : messageNodes('customer.method.anyCardEnding', { last4: m.last4 });
    }
    return brand ? messageNodes('customer.method.other', { brand }) : messageNodes('customer.method.card');
  }
  if (m.kind === 'paypal') return messageNodes('customer.method.paypal');
  if (m.kind === 'gift_card') {
    return m.balance
      ? messageNodes('customer.method.giftCardLeft', { balance: amount(m.balance.amount, m.balance.currency) })
      : messageNodes('customer.method.giftCard');
  }
  return m.brand ? messageNodes('customer.method.other', { brand: m.brand }) : messageNodes('customer.method.unknown');
}

/** The customer's saved ways to pay, by what identifies them to the shopper. */
export function paymentMethodList(methods: PaymentMethodView[]) {
  if (methods.length === 0) return null;
  return h('ul', { class: 'payment-methods small' }, ...methods.map((m) => h('li', { title: m.id }, methodLabel(m))));
}

function movements(label: 'customer.paid' | 'customer.refunded', list: OrderMoneyMovement[]) {
  if (list.length === 0) return null;
  const each = list.map((m) =>
    messageNodes('customer.movement', {
      amount: amount(m.amountMinor, m.currency),
      method: m.paymentMethodId,
      date: day(m.at),
    }),
  );
  return h('div', { class: 'small' }, h('span', { class: 'muted', text: `${t(label)} ` }), listNodes(each));
}

/** What an order event did, by the kind of change that wrote it; another action shows as written. */
const ACTIONS: Record<string, MessageKey> = {
  cancel_order: 'customer.action.cancelled',
  change_order_address: 'customer.action.addressChanged',
  items_changed: 'customer.action.itemsChanged',
  change_order_payment: 'customer.action.paymentChanged',
  return_items: 'customer.action.returnRequested',
  exchange_items: 'customer.action.exchangeRequested',
};

const ACTORS: Record<OrderEventView['actor'], MessageKey> = {
  shopper: 'customer.actor.shopper',
  agent: 'customer.actor.agent',
  system: 'customer.actor.system',
};

function eventText(e: OrderEventView): DocumentFragment {
  const action = ACTIONS[e.action] ? t(ACTIONS[e.action]) : e.action;
  const role = ACTORS[e.actor] ? t(ACTORS[e.actor]) : e.actor;
  const who = e.actorId ? h('span', {}, `${role} `, h('bdi', {}, e.actorId)) : role;
  return e.reason
    ? messageNodes('customer.eventWhy', { action, who, reason: cancelReasonText(e.reason) })
    : messageNodes('customer.event', { action, who });
}

function events(o: Order) {
  if (o.events.length === 0) return null;
  return h('ol', { class: 'order-events small' }, ...o.events.map((e) => h('li', {}, `${day(e.at)} · `, eventText(e))));
}

/** Where the order goes, what was paid and refunded, and what happened to it since. */
export function orderDetails(o: Order) {
  return [
    o.shippingAddress
      ? h(
          'div',
          { class: 'small' },
          h('span', { class: 'muted', text: `${t('customer.shipTo')} ` }),
          h('bdi', {}, addressLine(o.shippingAddress)),
        )
      : null,
    movements('customer.paid', o.payments),
    movements('customer.refunded', o.refunds),
    events(o),
  ];
}
