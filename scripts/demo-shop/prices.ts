import type { Rng } from './prng.js';

/**
 * Turns a rough euro amount into a shop-like price in cents: round amounts end in .00
 * (e.g. 90.00), the rest just below them (89.95, 89.99).
 */
export const shopPrice = (euros: number, r: Rng): number => {
  const step = euros < 40 ? 1 : 5;
  const round = Math.max(step, Math.round(euros / step) * step);
  const ending = r.int(0, 9);
  if (ending < 3) return round * 100;
  return (round - 1) * 100 + (ending < 7 ? 95 : 99);
};

export const priceInBand = (band: readonly [number, number], r: Rng, factor = 1): number =>
  shopPrice((band[0] + r.next() * (band[1] - band[0])) * factor, r);

/** A believable "was" price 15–40 % above the sale price. */
export const compareAtPrice = (priceMinor: number, r: Rng): number =>
  shopPrice((priceMinor / 100) * (1.15 + r.next() * 0.25), r);
