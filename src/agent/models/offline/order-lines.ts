/**
 * An order's lines as the shopper names them: which lines their words name, which product a line is
 * of, and the product of an order looked up that a message asks for again.
 */
import { stem, tokens } from '../../../catalog/terms.js';
import type { OrderView } from '../../../tools/results.js';
import { lineMatches } from './compose-info.js';
import { knownOrder, looksUpOrders, ordersOf, previousEvent, productsOf, type Memory } from './history.js';
import type { ShopIndex } from './shop-index.js';
import type { Understanding } from './understanding.js';

export type OrderLine = OrderView['items'][number];

/** The lines of an order the shopper's product words name best ("the blue ones" → that line). */
export function linesNamed(order: OrderView, words: string[]): OrderLine[] {
  const scored = order.items.map((line) => ({ line, s: lineMatches(line.title, words) }));
  const top = Math.max(0, ...scored.map((x) => x.s));
  return top > 0 ? scored.filter((x) => x.s === top).map((x) => x.line) : [];
}

/**
 * The product an order line is of: the one its SKU belongs to, else the one its title names whole as the
 * shop names it (options in brackets left out).
 */
export function lineHandle(line: OrderLine, index: ShopIndex | null): string | null {
  if (line.handle) return line.handle;
  if (!index) return null;
  const links = index.link(tokens(line.title.replace(/\(.*?\)/g, ' ')));
  const best = [...links.products].sort((a, b) => b.coverage - a.coverage)[0];
  return best && best.coverage >= 0.99 ? best.handle : null;
}

/**
 * The product of an order looked up after the last list that a message asks for again: the order line its
 * product words name ("the same <kind>"), or with only option values said ("one more in navy") the order's
 * one product or the one the shopper named. Null when that is not one product.
 */
export function orderedAgain(u: Understanding, memory: Memory, index: ShopIndex, words = u.queryWords): string | null {
  if (!orderAfterList(memory)) return null;
  const valueWords = new Set(u.options.flatMap((o) => tokens(o.value)).map(stem));
  return orderedProduct(
    memory,
    index,
    words.filter((w) => !valueWords.has(stem(w)) && index.knows(w)),
  );
}

/** Whether an order was looked up after the last list of products was shown. */
export function orderAfterList(memory: Memory): boolean {
  const order = memory.events.findLastIndex(looksUpOrders);
  const list = memory.events.findLastIndex((e) => productsOf(e).length > 1);
  return order >= 0 && order > list;
}

/**
 * The product of the order in focus: the one line the words name ("the same <kind>"), else (with no
 * words naming anything) its one line or the one line the shopper's messages name. Null when that is not
 * one product.
 */
export function orderedProduct(memory: Memory, index: ShopIndex, words: string[] = []): string | null {
  const handles = new Set(orderedLines(memory, words).map((l) => lineHandle(l, index)));
  const [one] = handles;
  return handles.size === 1 ? one : null;
}

/** The lines of the order in focus that the words name, else its one line or those the shopper's messages name. */
function orderedLines(memory: Memory, words: string[]): OrderLine[] {
  const order = memory.orderFocus ? knownOrder(memory, memory.orderFocus) : null;
  if (!order?.items.length) return [];
  const byWords = words.length ? linesNamed(order, words) : [];
  if (words.length && !byWords.length) return [];
  const said = memory.userTurns.flatMap((t) => tokens(t.text));
  return byWords.length ? byWords : order.items.length === 1 ? order.items : linesNamed(order, said);
}

/** The title of the order's one product the conversation is about (see orderedProduct), options left out. */
export function orderedTitle(memory: Memory): string | null {
  const titles = new Set(orderedLines(memory, []).map((l) => l.title.replace(/\(.*?\)/g, ' ').trim()));
  const [one] = titles;
  return titles.size === 1 ? one : null;
}

/** Whether a product the message names is a line of an order looked up just before it. */
export function namesOrderedLine(u: Understanding, memory: Memory, index: ShopIndex | null): boolean {
  const named = new Set(u.links.products.map((p) => p.handle));
  return ordersOf(previousEvent(memory)).some((o) => o.items.some((l) => named.has(lineHandle(l, index) ?? '')));
}
