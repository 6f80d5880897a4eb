import type { HumanRequestResult, OrderView, OrdersResult, OrderStatusResult } from '../../../tools/results.js';
import { tokens } from '../../../catalog/terms.js';
import type { Understanding } from './understand.js';

/** Replies about orders, policies and handoff. */

const SIGN_IN = 'Please sign in to see your orders — once you are signed in, ask me again and I will look it up.';
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/**
 * The shopper's orders; when they named a product ("tracking for my garden table"), the order that
 * holds it, or plainly none, never another order presented as the answer.
 */
export function composeOrders(
  result: OrdersResult,
  u: Understanding | null = null,
  focus: string | null = null,
): string {
  if ('signInRequired' in result) return SIGN_IN;
  if (!result.orders.length) return "I can't find any orders on your account yet.";
  let orders = result.orders;
  if (u?.month) {
    // "my October order": the orders placed that month (the latest such month).
    const inMonth = orders.filter((o) => o.placedAt && new Date(o.placedAt).getUTCMonth() + 1 === u.month);
    if (!inMonth.length)
      return `I can't find an order placed in that month. Your recent orders:\n${recentList(orders)}`;
    orders = inMonth;
  }
  const at = focus ? orders.findIndex((o) => o.id === focus) : -1;
  if (u?.mentions.previous && at >= 0) {
    const before = orders[at + 1];
    return before ? describeOrder(before) : `${focus} is your first order with us.`;
  }
  const words = u?.orderProductWords ?? [];
  if (!words.length && (orders.length === 1 || u?.mentions.latest)) return describeOrder(orders[0]);
  if (words.length) {
    const scored = orders.map((o) => ({
      o,
      s: Math.max(0, ...o.items.map((i) => lineMatches(i.title, words))),
    }));
    const top = Math.max(...scored.map((x) => x.s));
    const best = scored.filter((x) => x.s === top && top > 0).map((x) => x.o);
    if (best.length === 1) return describeOrder(best[0]);
    if (best.length > 1) {
      return `You have ${best.length} orders with that:\n${best.map((o) => describeOrder(o)).join('\n\n')}`;
    }
    return `I couldn't find an order with "${words.join(' ')}" on your account. Your recent orders:\n${recentList(orders)}`;
  }
  const lines = orders.slice(0, 5).map((o, i) => {
    const count = o.items.reduce((n, it) => n + it.quantity, 0);
    return `${i + 1}. ${o.id} — ${o.status} — ${o.total?.formatted ?? ''}, placed ${day(o.placedAt)} (${count} item${count === 1 ? '' : 's'})`;
  });
  return `Your recent orders:\n${lines.join('\n')}\nAsk me about any of them for tracking details.`;
}

function recentList(orders: OrderView[]): string {
  return orders
    .slice(0, 5)
    .map((o, i) => `${i + 1}. ${o.id} — ${o.status} — ${o.items.map((it) => it.title).join(', ')}`)
    .join('\n');
}

export function composeOrderStatus(result: OrderStatusResult, args: Record<string, unknown>): string {
  if ('signInRequired' in result) return SIGN_IN;
  if (!result.order) {
    const which = typeof args.orderId === 'string' ? `order ${args.orderId}` : 'a recent order';
    return `I couldn't find ${which} on your account. Please check the order number — or I can connect you with a person.`;
  }
  return describeOrder(result.order);
}

const shippingOf = (o: OrderView) =>
  !o.shipping ? '' : o.shipping.amount > 0 ? `, including ${o.shipping.formatted} shipping` : ', with free shipping';

function describeOrder(o: OrderView): string {
  const dates = [`placed ${day(o.placedAt)}`];
  if (o.shippedAt) dates.push(`shipped ${day(o.shippedAt)}`);
  if (o.deliveredAt) dates.push(`delivered ${day(o.deliveredAt)}`);
  const lines = [`Order ${o.id} is ${o.status} (${dates.join(', ')}).`];
  if (o.tracking)
    lines.push(`Tracking: ${o.tracking.carrier} ${o.tracking.number}${o.tracking.url ? ` — ${o.tracking.url}` : ''}`);
  // "what did I pay for it?": each line with its price.
  const items = o.items.slice(0, 5).map((it) => `${it.title} × ${it.quantity} at ${it.unitPrice.formatted}`);
  if (items.length)
    lines.push(
      `Items: ${items.join(', ')}${o.items.length > 5 ? ', …' : ''}. Total ${o.total?.formatted ?? ''}${shippingOf(o)}.`,
    );
  return lines.join('\n');
}

export function composeHuman(result: HumanRequestResult): string {
  if (!result.requested) return result.message;
  if (result.urgency === 'high')
    return "I'm sorry about the trouble. I've asked a member of our team to join this chat urgently — they'll reply here shortly.";
  return "I've asked a member of our team to join this chat — they'll reply here as soon as they can.";
}

/** How many of the shopper's words an order line's title has ("my garden table"). */
export function lineMatches(title: string, words: string[]): number {
  const t = new Set(tokens(title));
  return words.filter((w) => t.has(w) || t.has(w.replace(/s$/, ''))).length;
}
