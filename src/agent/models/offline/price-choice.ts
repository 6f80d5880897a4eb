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
  const whole = Number.isInteger(ref.amount);
  const at = (m: { amount: number; currency: string }) => {
    const gap = Math.abs(m.amount - toMinor(ref.amount, m.currency));
    return whole ? gap < toMinor(1, m.currency) : gap < 1;
  };
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
