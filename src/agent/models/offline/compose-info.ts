import type {
  HumanRequestResult,
  OrderView,
  OrdersResult,
  OrderStatusResult,
  PolicyChunkView,
  SearchPoliciesResult,
} from '../../../tools/results.js';
import { trimText } from './format.js';
import { normalize, stem, words } from './normalize.js';
import { FILLER } from './phrases.js';

/** Replies about orders, policies and handoff. */

const SIGN_IN = 'Please sign in to see your orders — once you are signed in, ask me again and I will look it up.';
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export function composeOrders(result: OrdersResult): string {
  if ('signInRequired' in result) return SIGN_IN;
  if (!result.orders.length) return "I can't find any orders on your account yet.";
  const lines = result.orders.slice(0, 5).map((o, i) => {
    const count = o.items.reduce((n, it) => n + it.quantity, 0);
    return `${i + 1}. ${o.id} — ${o.status} — ${o.total?.formatted ?? ''}, placed ${day(o.placedAt)} (${count} item${count === 1 ? '' : 's'})`;
  });
  return `Your recent orders:\n${lines.join('\n')}\nAsk me about any of them for tracking details.`;
}

export function composeOrderStatus(result: OrderStatusResult, args: Record<string, unknown>): string {
  if ('signInRequired' in result) return SIGN_IN;
  if (!result.order) {
    const which = typeof args.orderId === 'string' ? `order ${args.orderId}` : 'a recent order';
    return `I couldn't find ${which} on your account. Please check the order number — or I can connect you with a person.`;
  }
  return describeOrder(result.order);
}

function describeOrder(o: OrderView): string {
  const dates = [`placed ${day(o.placedAt)}`];
  if (o.shippedAt) dates.push(`shipped ${day(o.shippedAt)}`);
  if (o.deliveredAt) dates.push(`delivered ${day(o.deliveredAt)}`);
  const lines = [`Order ${o.id} is ${o.status} (${dates.join(', ')}).`];
  if (o.tracking)
    lines.push(`Tracking: ${o.tracking.carrier} ${o.tracking.number}${o.tracking.url ? ` — ${o.tracking.url}` : ''}`);
  const items = o.items.slice(0, 5).map((it) => `${it.title} × ${it.quantity}`);
  if (items.length)
    lines.push(`Items: ${items.join(', ')}${o.items.length > 5 ? ', …' : ''}. Total ${o.total?.formatted ?? ''}.`);
  return lines.join('\n');
}

const contentStems = (text: string) =>
  new Set(
    words(normalize(text))
      .filter((w) => !FILLER.has(w))
      .map(stem),
  );

function bestChunk(chunks: PolicyChunkView[], query: string): { chunk: PolicyChunkView; stems: Set<string> } {
  const stems = contentStems(query);
  let best = chunks[0];
  let bestScore = -1;
  for (const chunk of chunks) {
    const heading = contentStems(`${chunk.title} ${chunk.heading}`);
    const body = contentStems(chunk.text);
    let score = 0;
    for (const s of stems) score += (heading.has(s) ? 2 : 0) + (body.has(s) ? 1 : 0);
    if (score > bestScore) {
      best = chunk;
      bestScore = score;
    }
  }
  return { chunk: best, stems };
}

/** Quotes the most relevant policy chunk briefly and cites it: "(Source: Returns policy — Return window)". */
export function composePolicy(result: SearchPoliciesResult, args: Record<string, unknown>): string {
  if (!result.chunks?.length)
    return "I couldn't find that in our policies. Would you like me to connect you with a person?";
  const { chunk, stems } = bestChunk(result.chunks, typeof args.query === 'string' ? args.query : '');
  const sentences = chunk.text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .filter(Boolean);
  const relevant = sentences.filter((s) => [...contentStems(s)].some((w) => stems.has(w)));
  const quote = trimText((relevant.length ? relevant : sentences).slice(0, 2).join(' '), 300);
  const source = chunk.heading && chunk.heading !== chunk.title ? `${chunk.title} — ${chunk.heading}` : chunk.title;
  return `${quote} (Source: ${source})`;
}

export function composeHuman(result: HumanRequestResult): string {
  if (!result.requested) return result.message;
  if (result.urgency === 'high')
    return "I'm sorry about the trouble. I've asked a member of our team to join this chat urgently — they'll reply here shortly.";
  return "I've asked a member of our team to join this chat — they'll reply here as soon as they can.";
}
