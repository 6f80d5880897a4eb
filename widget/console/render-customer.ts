import type { Customer360, OrderActionView } from '../../src/handoff/agent-protocol.js';
import type { Actions } from './actions.js';
import { h, replaceKeepingFocus, safeHref } from './dom.js';
import { day, stars } from './format.js';
import { createOrderActionControls } from './render-order-actions.js';
import { addressLine, orderDetails, paymentMethodList } from './render-order-details.js';

type OrderControls = ReturnType<typeof createOrderActionControls>;

function profile(c: Customer360) {
  const p = c.profile;
  const place = [p.city, p.country].filter(Boolean).join(', ');
  const row = (label: string, value: string) => [h('dt', { text: label }), h('dd', { text: value })];
  return h(
    'div',
    { class: 'profile' },
    h('h3', { class: 'name', text: `${p.firstName} ${p.lastName}`.trim() }),
    h(
      'dl',
      {},
      ...row('Email', p.email),
      ...(place ? row('Location', place) : []),
      ...row('Customer since', day(p.createdAt)),
      ...row('Orders', String(p.orderCount)),
      ...row('Lifetime value', p.lifetimeValue.formatted),
      ...(p.address ? row('Address', addressLine(p.address)) : []),
    ),
    p.paymentMethods.length > 0 ? h('div', { class: 'muted small', text: 'Payment methods' }) : null,
    paymentMethodList(p.paymentMethods),
    p.tags.length > 0
      ? h('div', { class: 'badges' }, ...p.tags.map((t) => h('span', { class: 'badge', text: t })))
      : null,
  );
}

const itemText = (i: Customer360['orders'][number]['items'][number]) =>
  `${i.quantity}× ${i.title}${i.trackingNumber ? ` (parcel ${i.trackingNumber})` : ''}`;

function orders(c: Customer360, controls: OrderControls, cancelReasons: string[]) {
  if (c.orders.length === 0) return h('p', { class: 'muted', text: 'No orders yet.' });
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
              `Track: ${o.tracking.carrier} ${o.tracking.number}`,
            )
          : h('span', { text: `${o.tracking.carrier} ${o.tracking.number}` })
        : null;
      return h(
        'li',
        {},
        h(
          'div',
          { class: 'row' },
          h('strong', { text: `#${o.id}` }),
          h('span', { class: `badge order-${o.status.toLowerCase()}`, text: o.status }),
        ),
        h('div', { class: 'muted small', text: `${day(o.placedAt)} · ${o.total.formatted}` }),
        h('div', { class: 'small', text: o.items.map(itemText).join(', ') }),
        tracking ? h('div', { class: 'small' }, tracking) : null,
        ...orderDetails(o),
        controls.controls(o, cancelReasons),
      );
    }),
  );
}

function pastConversations(c: Customer360, currentId: string) {
  const past = c.pastConversations.filter((p) => p.conversationId !== currentId);
  if (past.length === 0) return h('p', { class: 'muted', text: 'No earlier conversations.' });
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
                'aria-label': `Rated ${p.csat.rating} out of 5`,
                text: stars(p.csat.rating),
              })
            : h('span', { class: 'muted small', text: 'not rated' }),
        ),
        h('div', { class: 'small', text: p.resolution ?? p.status }),
        p.csat?.comment ? h('div', { class: 'muted small quote', text: `“${p.csat.comment}”` }) : null,
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
        h('h2', { text: 'Anonymous shopper' }),
        h('p', { class: 'muted small', text: 'Not signed in: no profile or orders to show.' }),
      );
    const changes = controls.list(d.orderActions);
    replaceKeepingFocus(
      root,
      h('h2', { text: 'Customer' }),
      profile(customer),
      h('h3', { text: 'Orders' }),
      orders(customer, controls, d.cancelReasons),
      changes ? h('h3', { text: 'Order changes' }) : null,
      changes,
      h('h3', { text: 'Past conversations' }),
      pastConversations(customer, d.conversationId),
    );
  }

  return { render, reset: () => controls.reset() };
}
