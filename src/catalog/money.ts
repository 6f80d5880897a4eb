import type { Money } from './types.js';

const formatters = new Map<string, Intl.NumberFormat>();

/** ISO 4217 minor units of the currencies the importers accept (CLDR's cash digits differ for HUF, IDR, IRR). */
const ZERO_DECIMAL = new Set(['JPY', 'KRW']);

function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat('en-IE', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(currency, f);
  }
  return f;
}

/** Digits after the decimal point for a currency: 2 for EUR, 0 for JPY. */
export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

export function money(amountMinor: number, currency: string): Money {
  const c = currency.trim().toUpperCase();
  return { amount: amountMinor, currency: c, formatted: formatter(c).format(amountMinor / 10 ** minorDigits(c)) };
}

/** Major units (e.g. 89.5 euros) to minor units (8950 cents), rounding half away from zero. */
export function toMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** minorDigits(currency));
}

/** The amount as a plain decimal in major units with its currency, e.g. "60.00 EUR" (product feeds). */
export function plainPrice(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  return `${(amountMinor / 10 ** digits).toFixed(digits)} ${currency.trim().toUpperCase()}`;
}
