import { toMinor } from '../../../catalog/money.js';
import type { Memory } from './history.js';
import type { Understanding } from './understanding.js';

/**
 * "the 45 euro one", "the 164.95 one": the one product shown at that price (a whole amount within a
 * unit of it), chosen as by its place in the list; the amount is then no budget, count or search word.
 */
export function choiceByPrice(u: Understanding, memory: Memory): Understanding {
  const ref = u.priceRef;
  if (!ref || u.ordinal || !memory.shown.length) return u;
  const at = (m: { amount: number; currency: string }) => atPrice(m, ref.amount);
  const places = memory.shown.flatMap((p, i) => (at(p.price) || p.variants.some((v) => at(v.price)) ? [i] : []));
  if (places.length !== 1) return u;
  const overlaps = (s: { start: number; end: number } | null) => !!s && s.start < ref.end && ref.start < s.end;
  return {
    ...u,
    ordinal: { n: places[0] + 1, start: ref.start, end: ref.end },
    price: overlaps(u.price) ? null : u.price,
    quantity: u.quantity === ref.amount ? null : u.quantity,
    queryWords: u.queryWords.filter((w) => Number(w.replace(',', '.')) !== ref.amount),
  };
}

/** A price at the amount said: within a unit of a whole amount ("the $150 one" is 150.01), else exactly. */
export function atPrice(price: { amount: number; currency: string }, said: number): boolean {
  const gap = Math.abs(price.amount - toMinor(said, price.currency));
  return Number.isInteger(said) ? gap < toMinor(1, price.currency) : gap < 1;
}
