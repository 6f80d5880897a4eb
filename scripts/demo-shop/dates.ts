/** The moment the demo data describes: every order was placed before this. */
export const SNAPSHOT_MS = Date.UTC(2026, 10, 20, 9, 0, 0);
export const DAY_MS = 86_400_000;

/** 01:00 UTC on the last Sunday of the month, when EU clocks change. */
const lastSundayChange = (year: number, month: number): number => {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
};

const isEuSummerTime = (ms: number): boolean => {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayChange(year, 2) && ms < lastSundayChange(year, 9);
};

/** Standard UTC offset in hours of a customer's country (EU summer time is added on top). */
export const standardOffset = (country: string): number => {
  if (['IE', 'PT', 'GB'].includes(country)) return 0;
  if (['FI', 'EE', 'LV', 'LT', 'GR'].includes(country)) return 2;
  return 1;
};

/** ISO 8601 timestamp in local time with its offset, e.g. "2025-07-14T18:32:05+02:00", to the second. */
export const zonedIso = (ms: number, country: string): string => {
  const offset = standardOffset(country) + (isEuSummerTime(ms) ? 1 : 0);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 3_600_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(offset)).padStart(2, '0')}:00`;
};
