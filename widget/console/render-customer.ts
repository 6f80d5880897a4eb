import type { Customer360, OrderActionView } from '../../src/handoff/agent-protocol.js';
import type { Actions } from './actions.js';
import { h, replaceKeepingFocus, safeHref } from './dom.js';
import { amount, day, stars, statusLabel } from './format.js';
import { createOrderActionControls } from './render-order-actions.js';
import { addressLine, orderDetails, paymentMethodList } from './render-order-details.js';
import { number, t, type MessageKey } from '../i18n/live.js';
import { listNodes, messageNodes } from '../i18n/message-nodes.js';

type OrderControls = ReturnType<typeof createOrderActionControls>;

/** An order's status in the console's language (the shop's own statuses as written). */
const ORDER_STATUS: Record<string, MessageKey> = {
  pending: 'customer.status.pending',
  processed: 'customer.status.processed',
  shipped: 'customer.status.shipped',
  delivered: 'customer.status.delivered',
  cancelled: 'customer.status.cancelled',
  return_requested: 'customer.status.returnRequested',
  exchange_requested: 'customer.status.exchangeRequested',
  returned: 'customer.status.returned',
};

const orderStatus = (status: string) => (ORDER_STATUS[status] ? t(ORDER_STATUS[status]) : status);

function profile(c: Customer360) {
  const p = c.profile;
  const place = [p.city, p.country].filter(Boolean).join(', ');
  // A value in the data's own direction (an email, an address) inside the console's.
  const row = (label: MessageKey, value: string) => [
    h('dt', { text: t(label) }),
    h('dd', { dir: 'auto', text: value }),
  ];
  return h(
    'div',
    { class: 'profile' },
    h('h3', { class: 'name', dir: 'auto', text: `${p.firstName} ${p.lastName}`.trim() }),
    h(
      'dl',
      {},
      ...row('customer.email', p.email),
      ...(place ? row('customer.location', place) : []),
      ...row('customer.since', day(p.createdAt)),
      ...row('customer.orderCount', number(p.orderCount)),
      ...row('customer.lifetimeValue', amount(p.lifetimeValue.amount, p.lifetimeValue.currency)),
      ...(p.address ? row('customer.address', addressLine(p.address)) : []),
    ),
    p.paymentMethods.length > 0 ? h('div', { class: 'muted small', text: t('customer.paymentMethods') }) : null,
    paymentMethodList(p.paymentMethods),
    p.tags.length > 0
      ? h('div', { class: 'badges' }, ...p.tags.map((t) => h('span', { class: 'badge', text: t })))
      : null,
  );
}

const itemNodes = (i: Customer360['orders'][number]['items'][number]) =>
  i.trackingNumber
    ? messageNodes('customer.itemInParcel', { quantity: i.quantity, title: i.title, parcel: i.trackingNumber })
    : messageNodes('console.item', { quantity: i.quantity, title: i.title });

function orders(c: Customer360, controls: OrderControls, cancelReasons: string[]) {
  if (c.orders.length === 0) return h('p', { class: 'muted', text: t('customer.noOrders') });
  return h(
    'ul',
    { class: 'orders' },
    ...c.orders.map((o) => {
      const href = safeHref(o.tracking?.url);
      const tracking = o.tracking
        ? href
          ? h(
              'a',
              { href, target: '_blank', rel: 'noopener noreferrer', 'data-key': `t:${o.id}` },
              messageNodes('customer.track', { carrier: o.tracking.carrier, number: o.tracking.number }),
            )
          : h('bdi', { text: `${o.tracking.carrier} ${o.tracking.number}` })
        : null;
      return h(
        'li',
        {},
        h(
          'div',
          { class: 'row' },
          h('strong', {}, h('bdi', { text: `#${o.id}` })),
          h('span', { class: `badge order-${o.status.toLowerCase()}`, text: orderStatus(o.status) }),
        ),
        h(
          'div',
          { class: 'muted small' },
          `${day(o.placedAt)} · `,
          h('bdi', {}, amount(o.total.amount, o.total.currency)),
        ),
        h('div', { class: 'small' }, listNodes(o.items.map(itemNodes))),
        tracking ? h('div', { class: 'small' }, tracking) : null,
        ...orderDetails(o),
        controls.controls(o, cancelReasons),
      );
    }),
  );
}

function pastConversations(c: Customer360, currentId: string) {
  const past = c.pastConversations.filter((p) => p.conversationId !== currentId);
  if (past.length === 0) return h('p', { class: 'muted', text: t('customer.noPast') });
  return h(
    'ul',
    { class: 'past' },
    ...past.map((p) =>
      h(
        'li',
        {},
        h(
          'div',
          { class: 'row' },
          h('span', { text: day(p.startedAt) }),
          p.csat
            ? h('span', {
                class: 'stars',
                role: 'img',
                'aria-label': t('customer.rated', { rating: p.csat.rating, max: 5 }),
                text: stars(p.csat.rating),
              })
            : h('span', { class: 'muted small', text: t('customer.notRated') }),
        ),
        p.resolution
          ? h('div', { class: 'small', dir: 'auto', text: p.resolution })
          : h('div', { class: 'small', text: statusLabel(p.status, null, false) }),
        p.csat?.comment
          ? h('div', { class: 'muted small quote' }, messageNodes('console.quote', { text: p.csat.comment }))
          : null,
      ),
    ),
  );
}

/** What the panel shows of the conversation on screen. */
export interface CustomerPanelData {
  customer: Customer360 | null;
  loaded: boolean;
  conversationId: string;
  orderActions: OrderActionView[];
  cancelReasons: string[];
}

/**
 * The customer 360: who this is, their orders (with the agent's order changes) and earlier
 * conversations. Anonymous shoppers get a label only.
 */
export function createCustomerPanel(root: HTMLElement, deps: { actions: Actions }) {
  let last: CustomerPanelData | null = null;
  const controls = createOrderActionControls({ actions: deps.actions, rerender: () => last && render(last) });

  function render(d: CustomerPanelData): void {
    last = d;
    const { customer } = d;
    if (!d.loaded) return replaceKeepingFocus(root);
    if (!customer)
      return replaceKeepingFocus(
        root,
        h('h2', { text: t('conv.anonymous') }),
        h('p', { class: 'muted small', text: t('customer.notSignedIn') }),
      );
    const changes = controls.list(d.orderActions);
    replaceKeepingFocus(
      root,
      h('h2', { text: t('console.customer') }),
      profile(customer),
      h('h3', { text: t('customer.orders') }),
      orders(customer, controls, d.cancelReasons),
      changes ? h('h3', { text: t('customer.orderChanges') }) : null,
      changes,
      h('h3', { text: t('customer.pastConversations') }),
      pastConversations(customer, d.conversationId),
    );
  }

  return { render, reset: () => controls.reset() };
}
