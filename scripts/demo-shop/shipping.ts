/** Shipping rules, kept in line with catalog/policies/shipping.md. */
const HOME_MARKETS = new Set(['NL', 'BE', 'LU', 'DE']);
const OUTSIDE_EU = new Set(['CH', 'GB', 'NO']);

export const FREE_SHIPPING_EU_MINOR = 7_500;
export const FREE_SHIPPING_NON_EU_MINOR = 15_000;

export const shippingCost = (country: string, subtotalMinor: number): number => {
  if (OUTSIDE_EU.has(country)) return subtotalMinor >= FREE_SHIPPING_NON_EU_MINOR ? 0 : 1_495;
  if (subtotalMinor >= FREE_SHIPPING_EU_MINOR) return 0;
  return HOME_MARKETS.has(country) ? 495 : 695;
};

export type Carrier = 'PostNL' | 'DHL' | 'DPD';

export const carrierFor = (country: string): Carrier => {
  if (country === 'NL') return 'PostNL';
  if (['BE', 'FR', 'LU', 'PL'].includes(country)) return 'DPD';
  return 'DHL';
};

export const trackingUrl = (carrier: Carrier, number: string, country: string): string => {
  if (carrier === 'PostNL') return `https://jouw.postnl.nl/track-and-trace/${number}-${country}`;
  if (carrier === 'DPD') return `https://tracking.dpd.de/status/en_US/parcel/${number}`;
  return `https://www.dhl.com/nl-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=${number}`;
};
