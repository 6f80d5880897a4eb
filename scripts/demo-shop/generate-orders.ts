import type { CustomerRecord, OrderRecord, ProductRecord, VariantRecord } from '../../src/catalog/records.js';
import { CUSTOMER_PROFILES, type CustomerProfile } from './customer-profiles.js';
import { DAY_MS, SNAPSHOT_MS, zonedIso } from './dates.js';
import { customerId, signupTimes } from './generate-customers.js';
import { SHOPPING_LISTS, type Want } from './personas.js';
import { demoPayments } from './payment-methods.js';
import { createRng, type Rng } from './prng.js';
import { carrierFor, shippingCost, trackingUrl, type Carrier } from './shipping.js';

const HOUR_MS = 3_600_000;
const FIRST_ORDER_NUMBER = 10_001;
const ORDERS_FROM_MS = Date.UTC(2025, 0, 6);
const RECENT = { pending: 3, processed: 4, shipped: 6 } as const;
const OLDER = { returned: 5, cancelled: 4 } as const;

interface Draft {
  profile: CustomerProfile;
  customer: string;
  time: number;
  lines: OrderRecord['lines'];
  last: boolean;
  status: OrderRecord['status'];
}

const interleave = (lists: Want[][]): Want[] => {
  const longest = Math.max(...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => lists.map((l) => l[i]).filter((w): w is Want => Boolean(w))).flat();
};

/** The customer's own size, the sock range holding their shoe size, or the nearest shoe size on offer. */
const wantedSize = (sizes: string[], profile: CustomerProfile): string | undefined => {
  const shoe = Number(profile.shoeSize);
  const numeric = sizes.filter((s) => /^\d+$/.test(s) && Number(s) >= 35);
  return (
    sizes.find((s) => s === profile.shoeSize) ??
    sizes.find((s) => s === profile.apparelSize) ??
    sizes.find((s) => {
      const [from, to] = s.split('–').map(Number);
      return shoe >= from && shoe <= to;
    }) ??
    numeric.sort((a, b) => Math.abs(Number(a) - shoe) - Math.abs(Number(b) - shoe))[0]
  );
};

const pickVariant = (r: Rng, product: ProductRecord, profile: CustomerProfile): VariantRecord => {
  if (!product.optionNames.includes('Size')) return r.pick(product.variants);
  const size = wantedSize([...new Set(product.variants.map((v) => v.options.Size))], profile);
  const matching = product.variants.filter((v) => v.options.Size === size);
  return r.pick(matching.length > 0 ? matching : product.variants);
};

const lineTitle = (product: ProductRecord, variant: VariantRecord): string => {
  const values = Object.values(variant.options);
  return values.length > 0 ? `${product.title} (${values.join(', ')})` : product.title;
};

const digits = (r: Rng, count: number): string => Array.from({ length: count }, () => r.int(0, 9)).join('');

const trackingNumber = (r: Rng, carrier: Carrier): string => {
  if (carrier === 'PostNL') return `3SALPN${digits(r, 9)}`;
  if (carrier === 'DPD') return `0${digits(r, 13)}`;
  return `JVGL${digits(r, 16)}`;
};

const draftOrders = (r: Rng, products: ProductRecord[]): Draft[] => {
  const active = products.filter((p) => p.status === 'active');
  const signups = signupTimes();
  return CUSTOMER_PROFILES.flatMap((profile, index) => {
    if (profile.orders === 0) return [];
    const list = interleave(profile.personas.map((p) => SHOPPING_LISTS[p]));
    const bought = new Set<string>();
    const start = Math.max(signups[index] + DAY_MS, ORDERS_FROM_MS);
    const end = SNAPSHOT_MS - 14 * DAY_MS;
    const startDay = Math.ceil(start / DAY_MS);
    const times = Array.from({ length: profile.orders }, () =>
      daytime(r, (startDay + r.int(0, Math.floor(end / DAY_MS) - startDay)) * DAY_MS),
    ).sort((a, b) => a - b);
    let cursor = 0;
    return times.map((time, k): Draft => {
      const lines: OrderRecord['lines'] = [];
      for (let j = k === 0 ? 2 : r.int(1, 3); j > 0 || lines.length === 0; j--) {
        const want = list[cursor++ % list.length];
        const candidates = active.filter(
          (p) =>
            want.styles.includes(p.attributes.style ?? '') &&
            !bought.has(p.handle) &&
            (!p.attributes.gender || p.attributes.gender === profile.fit || p.attributes.gender === 'unisex'),
        );
        if (candidates.length === 0) continue;
        const product = r.pick(candidates);
        const variant = pickVariant(r, product, profile);
        bought.add(product.handle);
        lines.push({
          sku: variant.sku,
          title: lineTitle(product, variant),
          quantity: want.quantity ?? 1,
          unitPriceMinor: variant.priceMinor,
        });
      }
      return { profile, customer: customerId(index), time, lines, last: k === times.length - 1, status: 'delivered' };
    });
  });
};

/** Moves a moment to between 07:00 and 22:00 Central European time on the same day, never past the snapshot. */
const daytime = (r: Rng, ms: number): number => {
  const moved = Math.floor(ms / DAY_MS) * DAY_MS + r.int(6 * 3_600, 21 * 3_600) * 1000;
  return moved < SNAPSHOT_MS ? moved : moved - DAY_MS;
};

/**
 * Recent statuses go to customers' latest orders, which are moved into the last week; returns and cancellations go to
 * older ones.
 */
const assignStatuses = (r: Rng, drafts: Draft[]): void => {
  const latest = r.shuffle(drafts.filter((d) => d.last));
  const recentAges: Record<keyof typeof RECENT, [number, number]> = {
    pending: [1, 20],
    processed: [20, 60],
    shipped: [50, 160],
  };
  for (const status of ['pending', 'processed', 'shipped'] as const) {
    for (const draft of latest.splice(0, RECENT[status])) {
      draft.status = status;
      draft.time = daytime(r, SNAPSHOT_MS - r.int(recentAges[status][0], recentAges[status][1]) * HOUR_MS);
    }
  }
  const older = r.shuffle(drafts.filter((d) => d.status === 'delivered' && d.time < SNAPSHOT_MS - 40 * DAY_MS));
  for (const status of ['returned', 'cancelled'] as const)
    for (const draft of older.splice(0, OLDER[status])) draft.status = status;
};

const toRecord = (r: Rng, draft: Draft, id: string): OrderRecord => {
  const country = draft.profile.country;
  const subtotal = draft.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
  const shipped = ['shipped', 'delivered', 'returned'].includes(draft.status);
  const outsideEu = country === 'CH' || country === 'GB';
  const shippedMs = daytime(r, draft.time + r.int(1, 2) * DAY_MS);
  const deliveredMs = daytime(r, shippedMs + r.int(outsideEu ? 3 : 1, outsideEu ? 6 : 3) * DAY_MS);
  const carrier = carrierFor(country);
  const number = trackingNumber(r, carrier);
  return {
    kind: 'order',
    id,
    customerId: draft.customer,
    status: draft.status,
    placedAt: zonedIso(draft.time, country),
    currency: 'EUR',
    shippingMinor: draft.status === 'cancelled' ? 0 : shippingCost(country, subtotal),
    tracking: shipped ? { carrier, number, url: trackingUrl(carrier, number, country) } : null,
    shippedAt: shipped ? zonedIso(shippedMs, country) : null,
    deliveredAt: draft.status === 'delivered' || draft.status === 'returned' ? zonedIso(deliveredMs, country) : null,
    returnedAt: draft.status === 'returned' ? zonedIso(deliveredMs + r.int(5, 25) * DAY_MS, country) : null,
    lines: draft.lines,
  };
};

/** Where the order went (the customer's default address) and how it was paid; no draw from the order stream. */
const withPayment = (order: OrderRecord, customer: CustomerRecord): OrderRecord => ({
  ...order,
  shippingAddress: customer.address ?? null,
  payments: demoPayments(order, customer),
});

/** Order history for the demo customers, numbered in the order they were placed. */
export const generateOrders = (products: ProductRecord[], customers: CustomerRecord[]): OrderRecord[] => {
  if (customers.length !== CUSTOMER_PROFILES.length) throw new Error('orders are drafted for the demo customers only');
  const r = createRng('orders');
  const drafts = draftOrders(r, products);
  assignStatuses(r, drafts);
  const byId = new Map(customers.map((c) => [c.id, c]));
  return drafts
    .sort((a, b) => a.time - b.time)
    .map((draft, i) => toRecord(r, draft, `AP-${FIRST_ORDER_NUMBER + i}`))
    .map((order) => withPayment(order, byId.get(order.customerId)!));
};
