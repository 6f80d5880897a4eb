import { statedPrices } from './ground-reply.js';

/** Every amount a tool result states (Money objects, and prices written in policy text). */
export function knownPrices(results: unknown[]): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') {
      if (typeof v === 'string' && v.length < 5_000) out.push(...statedPrices(v));
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.amount === 'number' && typeof o.currency === 'string') out.push(o.amount);
    Object.values(o).forEach(walk);
  };
  results.forEach(walk);
  return out;
}
