/** Planning about the shopper's orders: finding one, cancelling, returning items, a new address, another variant. */
import type { OrderView } from '../../../tools/results.js';
import { asTyped, parseAddress } from './address-text.js';
import { knownOrder, looksUpOrders, previousEvent, type Memory } from './history.js';
import { saysAny } from './normalize.js';
import { UNSURE, type PlanContext } from './plan-args.js';
import { variantChange } from './plan-variant-change.js';
import type { Plan } from './plan-types.js';
import { ORDER_REF } from './slots.js';
import type { Understanding } from './understanding.js';
import { lineHandle, linesNamed, namesOrderedLine, orderedProduct, type OrderLine } from './order-lines.js';

/** Plans that may look an order (or a product of it) up first and then plan again with it known. */
export const ORDER_CHANGE_INTENTS = new Set(['order_cancel', 'order_return', 'order_address', 'order_swap']);
export const ORDER_LOOKUPS = ['get_orders', 'get_order_status', 'get_product'];

/** A pending order can still be changed or cancelled; a delivered one returned or exchanged. */
const PENDING = 'pending';
const DELIVERED = 'delivered';

/** The shopper's orders as listed during this turn (newest first), or null when not looked up yet. */
function listedThisTurn(memory: Memory): OrderView[] | null {
  const e = [...memory.turnEvents].reverse().find((x) => x.name === 'get_orders');
  return Array.isArray(e?.result?.orders) ? e.result.orders : null;
}

/** Whether the last thing done before this message was about an order (so "swap it" means its item). */
function orderJustDiscussed(memory: Memory): boolean {
  return looksUpOrders(previousEvent(memory));
}

const call = (intent: string, name: string, args: Record<string, unknown>, prefetch = false): Plan => ({
  intent,
  calls: [{ name, args }],
  ...(prefetch ? { prefetch } : {}),
});

/**
 * A message right after an order was shown that is about it, however the intent model read it: "what was in
 * it exactly?" (unsure, naming nothing), "and when will the <product> arrive?" (a product question with the
 * order reading close, about a product the orders hold), "I want to order it again, is it in stock now?"
 * (naming nothing: the order's one product), "what else was in this order?" (read as "more"). Null otherwise.
 */
export function planOrderFollowUp(u: Understanding, memory: Memory, ctx: PlanContext, shopWords: boolean): Plan | null {
  if (!orderJustDiscussed(memory)) return null;
  const asOrder = () => planOrder({ ...u, intent: 'order_status' }, memory);
  const orderClose = u.intents.slice(0, 2).some((x) => x.intent === 'order_status');
  if (u.confidence < UNSURE && orderClose && !shopWords && memory.orderFocus) return asOrder();
  if (u.intent === 'product_info' && orderClose && namesOrderedLine(u, memory, ctx.index)) return asOrder();
  const ordered = (u.intent === 'refine_in_stock' || u.intent === 'product_info') && !shopWords && ctx.index;
  const product = ordered ? orderedProduct(memory, ctx.index!) : null;
  if (product) return { intent: 'product_info', calls: [{ name: 'get_product', args: { handle: product } }] };
  const namesOrder = saysAny(u.raw, ctx.state.lexicon.orderWords) && !u.links.products.length && !u.links.type;
  if (u.intent.startsWith('refine_') && namesOrder && memory.orderFocus) return asOrder();
  return null;
}

/**
 * "where's my order?": the order named, else the one just talked about, else the one holding the product,
 * kind or month the message names (their orders listed), else the newest.
 */
export function planOrder(u: Understanding, memory: Memory): Plan {
  if (u.orderId) return { intent: u.intent, calls: [{ name: 'get_order_status', args: { orderId: u.orderId } }] };
  // "what's the tracking number on it?": the order just talked about.
  const discussed = memory.orderFocus;
  const namesOne =
    u.orderProductWords.length || u.links.products.length || u.links.type || u.month || u.mentions.previous;
  // "and my most recent order?" after talking about another one: their newest, not the one in focus.
  if (discussed && !namesOne && !u.mentions.latest) {
    return { intent: u.intent, calls: [{ name: 'get_order_status', args: { orderId: discussed } }] };
  }
  // "tracking for my garden table", "what did I pay for them last time?" about the product in focus:
  // the order holding that product, picked from the list.
  const aboutFocus = u.mentions.pronoun && !!memory.focus;
  // "which order was it in?" right after "the clasp on my <product> broke": the order holding what was said.
  const aboutSaid = u.mentions.pronoun && !discussed && memory.userTurns.length > 1;
  if (
    u.links.type ||
    u.links.products.length ||
    u.orderProductWords.length ||
    u.month ||
    u.mentions.previous ||
    u.mentions.latest ||
    aboutFocus ||
    aboutSaid
  ) {
    return { intent: u.intent, calls: [{ name: 'get_orders', args: { limit: 20 } }] };
  }
  return { intent: u.intent, calls: [{ name: 'get_order_status', args: {} }] };
}

/**
 * "cancel my order", "cancel my last order": the order named, else the one just talked about, else
 * the newest one that can still be cancelled (their orders are looked up first), with the reason the
 * shopper's words give (the language pack's cancel reasons). The tool only prepares it.
 */
export function planCancel(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  let orderId = u.orderId ?? (u.mentions.latest ? null : memory.orderFocus);
  // "and the order with the blue ones, can I still cancel it?": the order holding what they name.
  const words = u.orderProductWords;
  const focused = orderId ? knownOrder(memory, orderId) : null;
  if (!u.orderId && words.length && !(focused && linesNamed(focused, words).length)) {
    const list = listedThisTurn(memory);
    if (!list) return call(u.intent, 'get_orders', { limit: 20 }, true);
    const holding = list.filter((o) => linesNamed(o, words).length);
    const chosen = holding.find((o) => o.status === PENDING) ?? holding[0];
    if (chosen) orderId = chosen.id;
  }
  if (!orderId) {
    const list = listedThisTurn(memory);
    if (!list) return call(u.intent, 'get_orders', { limit: 10 }, true);
    // None pending: the newest, so the shop's rules say why it can no longer be cancelled.
    const newest = list.find((o) => o.status === PENDING) ?? list[0];
    if (!newest) return call(u.intent, 'get_orders', { limit: 10 }, true);
    orderId = newest.id;
  }
  const reasons = Object.entries(ctx.state.lexicon.cancelReasons);
  const said = reasons.find(([, words]) => words.length > 0 && saysAny(u.raw, words));
  const reason = said?.[0] ?? ctx.state.lexicon.defaultCancelReason;
  return call(u.intent, 'cancel_order', { orderId, ...(reason ? { reason } : {}) });
}

const listLines = (lines: OrderLine[]) => lines.map((l) => `- ${l.title}`).join('\n');

/**
 * "return the blue ones from order AP-10023", "I want to return the red one": the one line the product
 * words name, one sku per unit (a count said, else the whole line), in the order named, the order
 * in focus, or the one of their orders that holds it (delivered ones first). Nothing narrower
 * named: the whole order. Several orders or lines fit: which one, asked.
 */
export function planReturn(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const intent = u.intent;
  const words = u.orderProductWords;
  const focusId = u.orderId ?? memory.orderFocus;
  if (!words.length)
    return focusId ? call(intent, 'return_items', { orderId: focusId }) : call(intent, 'get_orders', { limit: 5 });
  let order = focusId ? knownOrder(memory, focusId) : null;
  if (u.orderId && !order) return call(intent, 'get_order_status', { orderId: u.orderId }, true);
  if (!u.orderId && !(order && linesNamed(order, words).length)) {
    const list = listedThisTurn(memory);
    // Not found in their orders: the list again, which the reply reads for those words.
    if (!list) return call(intent, 'get_orders', { limit: 20 }, true);
    const holding = list.filter((o) => linesNamed(o, words).length);
    const delivered = holding.filter((o) => o.status === DELIVERED);
    const pool = delivered.length ? delivered : holding;
    if (pool.length > 1) {
      const which = pool.map((o) => {
        const titles = linesNamed(o, words).map((l) => l.title);
        return ctx.say('ask.orderHoldingLine', { order: o.id, titles: ctx.say.list(titles, 'comma') });
      });
      return { intent, text: ctx.say('ask.whichOrderHoldsIt', { orders: which.join('\n') }) };
    }
    if (!pool.length) return call(intent, 'get_orders', { limit: 20 }, true);
    order = pool[0];
  }
  if (!order) return call(intent, 'get_orders', { limit: 20 }, true);
  const lines = linesNamed(order, words);
  if (lines.length !== 1) {
    const ask = ctx.say('ask.whichOrderItem', { order: order.id });
    return { intent, text: `${ask}\n${listLines(lines.length ? lines : order.items)}` };
  }
  const [line] = lines;
  const units = u.quantity && u.quantity > 0 && u.quantity < line.quantity ? u.quantity : line.quantity;
  return call(intent, 'return_items', { orderId: order.id, skus: Array.from({ length: units }, () => line.sku) });
}

/**
 * "change the address of my order AP-10066 to 12 Main Street, Springfield 12345, USA", "ship it to
 * …": the order named or in focus, else their newest pending one, to the address read from the
 * message. An address that can't be read is asked for in parts; a question about whether it can be
 * changed, with no address, is left to the policy answer.
 */
export function planOrderAddress(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const lx = ctx.state.lexicon;
  if (u.intent === 'human') return null;
  const address = parseAddress(u.raw, lx);
  const asked = saysAny(u.raw, lx.addressChange);
  // The answer to "what's the new address?": an address alone, after a request to change it.
  const before = memory.userTurns.at(-2)?.text ?? '';
  const answers = !asked && !!address && saysAny(before, lx.addressChange) && !parseAddress(before, lx);
  if (!asked && !answers) return null;
  if (!address && u.raw.includes('?')) return null;
  // The order the request named, when the address comes in the next message.
  const earlier = answers ? (ORDER_REF.exec(before)?.[1] ?? null) : null;
  let orderId = u.orderId ?? earlier ?? memory.orderFocus;
  if (!orderId && !address) return null;
  if (!orderId) {
    const list = listedThisTurn(memory);
    const newest = list?.find((o) => o.status === PENDING) ?? list?.[0];
    if (!newest) return call('order_address', 'get_orders', { limit: 10 }, true);
    orderId = newest.id;
  }
  if (!address) return { intent: 'order_address', text: ctx.say('ask.addressInParts') };
  return call('order_address', 'change_order_address', { orderId, address: asTyped(address, memory.typedText) });
}

/**
 * "swap it for a size M", "can I get it in blue instead" about an order: the line whose product has
 * the option values said (the one the product words name, when several could), for the sibling
 * variant with them, as cart swaps choose it. A pending order changes its items; a delivered one is
 * exchanged. The order must be named or the last thing looked up, so cart changes stay cart changes.
 */
export function planOrderSwap(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const lx = ctx.state.lexicon;
  if (!saysAny(u.raw, lx.optionChange) && !saysAny(u.raw, lx.swap)) return null;
  if (u.intent === 'human' || (u.intent === 'policy' && u.raw.trim().endsWith('?'))) return null;
  const orderId = u.orderId ?? (orderJustDiscussed(memory) ? memory.orderFocus : null);
  if (!orderId) return null;
  const order = knownOrder(memory, orderId);
  if (!order) return u.orderId ? call('order_swap', 'get_order_status', { orderId }, true) : null;
  const named = u.orderProductWords.length ? linesNamed(order, u.orderProductWords) : [];
  const candidates = (named.length ? named : order.items).flatMap((line) => {
    const handle = lineHandle(line, ctx.index);
    if (!handle) return [];
    const said = ctx.state.reader.read(u.raw, ctx.state.table(handle));
    return Object.keys(said).length ? [{ line, handle }] : [];
  });
  if (!candidates.length) return null;
  if (candidates.length > 1) {
    const ask = ctx.say('ask.whichOrderItem', { order: order.id });
    return { intent: 'order_swap', text: `${ask}\n${listLines(candidates.map((c) => c.line))}` };
  }
  const [{ line, handle }] = candidates;
  const product = memory.products.get(handle);
  if (!product) return call('order_swap', 'get_product', { handle }, true);
  const options = product.variants.find((v) => v.sku === line.sku)?.options;
  if (!options) return null;
  const change = variantChange({ handle, title: line.title, options }, u, memory, ctx);
  if (change.kind === 'none') return null;
  if (change.kind === 'need_product') return call('order_swap', 'get_product', { handle }, true);
  if (change.kind === 'unavailable') return { intent: 'order_swap', text: change.text };
  const tool = order.status === DELIVERED ? 'exchange_items' : 'change_order_items';
  return call('order_swap', tool, { orderId: order.id, changes: [{ sku: line.sku, newSku: change.variant.sku }] });
}
