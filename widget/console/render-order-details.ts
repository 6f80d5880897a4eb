import type { Address, Customer360, OrderMoneyMovement, PaymentMethodView } from '../../src/handoff/agent-protocol.js';
import { h } from './dom.js';
import { amount, day } from './format.js';

type Order = Customer360['orders'][number];

/** One line: "Ada Lovelace, 12 Harbour Lane, Flat 3, Bristol BS1 4QA, GB". */
export function addressLine(a: Address): string {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.name, a.line1, a.line2, place, a.region, a.country].filter(Boolean).join(', ');
}

/** "Mastercard ending 9212", "PayPal", "Gift card (€42.50 left)". */
export function methodLabel(m: PaymentMethodView): string {
  if (m.kind === 'credit_card') {
    const brand = m.brand ? m.brand.charAt(0).toUpperCase() + m.brand.slice(1) : 'Card';
    return m.last4 ? `${brand} ending ${m.last4}` : brand;
  }
  if (m.kind === 'paypal') return 'PayPal';
  if (m.kind === 'gift_card') return m.balance ? `Gift card (${m.balance.formatted} left)` : 'Gift card';
  return m.brand ?? 'Other';
}

/** The customer's saved ways to pay, by what identifies them to the shopper. */
export function paymentMethodList(methods: PaymentMethodView[]) {
  if (methods.length === 0) return null;
  return h(
    'ul',
    { class: 'payment-methods small' },
    ...methods.map((m) => h('li', { title: m.id, text: methodLabel(m) })),
  );
}

function movements(label: string, list: OrderMoneyMovement[]) {
  if (list.length === 0) return null;
  const text = list.map((m) => `${amount(m.amountMinor, m.currency)} via ${m.paymentMethodId} (${day(m.at)})`);
  return h('div', { class: 'small' }, h('span', { class: 'muted', text: `${label}: ` }), text.join('; '));
}

function events(o: Order) {
  if (o.events.length === 0) return null;
  return h(
    'ol',
    { class: 'order-events small' },
    ...o.events.map((e) => {
      const who = e.actorId ? `${e.actor} ${e.actorId}` : e.actor;
      const why = e.reason ? ` — ${e.reason}` : '';
      return h('li', { text: `${day(e.at)} · ${e.action} by ${who}${why}` });
    }),
  );
}

/** Where the order goes, what was paid and refunded, and what happened to it since. */
export function orderDetails(o: Order) {
  return [
    o.shippingAddress
      ? h('div', { class: 'small' }, h('span', { class: 'muted', text: 'Ship to: ' }), addressLine(o.shippingAddress))
      : null,
    movements('Paid', o.payments),
    movements('Refunded', o.refunds),
    events(o),
  ];
}
