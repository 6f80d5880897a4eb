import type { Money } from './types.js';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-IE', { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f;
}

/** Digits after the decimal point for a currency: 2 for EUR, 0 for JPY. */
export function minorDigits(currency: string): number {
  return formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function money(amountMinor: number, currency: string): Money {
  const c = currency.trim().toUpperCase();
  return { amount: amountMinor, currency: c, formatted: formatter(c).format(amountMinor / 10 ** minorDigits(c)) };
}

/** Major units (e.g. 89.5 euros) to minor units (8950 cents), rounding half away from zero. */
export function toMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** minorDigits(currency));
}
