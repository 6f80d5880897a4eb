import type { HumanRequestResult, OrderView, OrdersResult, OrderStatusResult } from '../../../tools/results.js';
import { tokens } from '../../../catalog/terms.js';
import { orderStatusWord } from './order-status-word.js';
import type { Say } from './replies.js';
import type { Understanding } from './understanding.js';

/** Replies about orders, policies and handoff. */

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/**
 * The shopper's orders; when they named a product ("tracking for my garden table"), the order that
 * holds it, or plainly none, never another order presented as the answer.
 */
export function composeOrders(
  say: Say,
  result: OrdersResult,
  u: Understanding | null = null,
  focus: string | null = null,
): string {
  if ('signInRequired' in result) return say('orders.signIn');
  if (!result.orders.length) return say('orders.none');
  let orders = result.orders;
  if (u?.month) {
    // "my October order": the orders placed that month (the latest such month).
    const inMonth = orders.filter((o) => o.placedAt && new Date(o.placedAt).getUTCMonth() + 1 === u.month);
    if (!inMonth.length) return say('orders.noneInMonth', { list: recentList(say, orders) });
    orders = inMonth;
  }
  const at = focus ? orders.findIndex((o) => o.id === focus) : -1;
  if (u?.mentions.previous && at >= 0) {
    const before = orders[at + 1];
    return before ? describeOrder(say, before) : say('orders.first', { order: focus! });
  }
  const words = u?.orderProductWords ?? [];
  if (!words.length && (orders.length === 1 || u?.mentions.latest)) return describeOrder(say, orders[0]);
  if (words.length) {
    const scored = orders.map((o) => ({
      o,
      s: Math.max(0, ...o.items.map((i) => lineMatches(i.title, words))),
    }));
    const top = Math.max(...scored.map((x) => x.s));
    // "my <kind> order" when the line calls it otherwise: the orders holding a product of the kind named.
    const kind = (u?.orderKindTitles ?? []).map((t) => t.toLowerCase());
    const ofKind = (o: OrderView) => o.items.some((i) => kind.some((t) => i.title.toLowerCase().startsWith(t)));
    const best = top > 0 ? scored.filter((x) => x.s === top).map((x) => x.o) : orders.filter(ofKind);
    if (best.length === 1) return describeOrder(say, best[0]);
    if (best.length > 1) {
      const described = best.map((o) => describeOrder(say, o)).join('\n\n');
      return say('orders.severalWithThat', { n: best.length, orders: described });
    }
    return say('orders.noneWithWords', { words: words.join(' '), list: recentList(say, orders) });
  }
  const lines = orders.slice(0, 5).map((o, i) => {
    const count = o.items.reduce((n, it) => n + it.quantity, 0);
    const vars = {
      n: i + 1,
      order: o.id,
      status: orderStatusWord(say, o.status),
      total: o.total ?? '',
      date: day(o.placedAt),
      count,
    };
    return say('orders.recentLine', vars);
  });
  return say('orders.recent', { lines: lines.join('\n') });
}

function recentList(say: Say, orders: OrderView[]): string {
  return orders
    .slice(0, 5)
    .map((o, i) => {
      const titles = say.list(
        o.items.map((it) => it.title),
        'comma',
      );
      return say('orders.recentTitlesLine', { n: i + 1, order: o.id, status: orderStatusWord(say, o.status), titles });
    })
    .join('\n');
}

export function composeOrderStatus(say: Say, result: OrderStatusResult, args: Record<string, unknown>): string {
  if ('signInRequired' in result) return say('orders.signIn');
  if (!result.order) {
    return typeof args.orderId === 'string'
      ? say('orders.notFound', { order: args.orderId })
      : say('orders.notFoundRecent');
  }
  return describeOrder(say, result.order);
}

/** "Items: … Total …", with the shipping when the order has it. */
function itemsLine(say: Say, o: OrderView): string {
  // "what did I pay for it?": each line with its price.
  const items = o.items
    .slice(0, 5)
    .map((it) => say('orders.item', { title: it.title, quantity: it.quantity, price: it.unitPrice }));
  const vars = { items: say.list(o.items.length > 5 ? [...items, '…'] : items, 'comma'), total: o.total ?? '' };
  if (!o.shipping) return say('orders.items', vars);
  if (o.shipping.amount > 0) return say('orders.itemsShipping', { ...vars, shipping: o.shipping });
  return say('orders.itemsFreeShipping', vars);
}

function describeOrder(say: Say, o: OrderView): string {
  const dates = [say('orders.placed', { date: day(o.placedAt) })];
  if (o.shippedAt) dates.push(say('orders.shipped', { date: day(o.shippedAt) }));
  if (o.deliveredAt) dates.push(say('orders.delivered', { date: day(o.deliveredAt) }));
  const lines = [
    say('orders.status', { order: o.id, status: orderStatusWord(say, o.status), dates: say.list(dates, 'comma') }),
  ];
  const t = o.tracking;
  if (t) {
    const vars = { carrier: t.carrier, number: t.number };
    lines.push(t.url ? say('orders.trackingUrl', { ...vars, url: t.url }) : say('orders.tracking', vars));
  }
  if (o.items.length) lines.push(itemsLine(say, o));
  // An order read back from a conversation stored before orders said how they were paid has none.
  const methods = (o.paidWith ?? []).map((m) => methodName(say, m));
  if (methods.length) lines.push(say('orders.paidWith', { methods: say.list(methods, 'and') }));
  return lines.join('\n');
}

function methodName(say: Say, m: OrderView['paidWith'][number]): string {
  if (m.kind === 'gift_card') return say('orders.methodGiftCard');
  if (m.kind === 'paypal') return say('orders.methodPaypal');
  if (m.kind !== 'credit_card') return say('orders.methodOther');
  return m.brand && m.last4
    ? say('orders.methodCard', { brand: m.brand.charAt(0).toUpperCase() + m.brand.slice(1), last4: m.last4 })
    : say('orders.methodCreditCard');
}

export function composeHuman(say: Say, result: HumanRequestResult): string {
  if (!result.requested) return result.message;
  return result.urgency === 'high' ? say('human.urgent') : say('human.asked');
}

/** How many of the shopper's words an order line's title has ("my garden table"). */
export function lineMatches(title: string, words: string[]): number {
  const t = new Set(tokens(title));
  return words.filter((w) => t.has(w) || t.has(w.replace(/s$/, ''))).length;
}
