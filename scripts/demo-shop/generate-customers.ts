import type { CustomerRecord } from '../../src/catalog/records.js';
import { CUSTOMER_PROFILES, type CustomerProfile } from './customer-profiles.js';
import { DAY_MS, zonedIso } from './dates.js';
import { demoAddress } from './addresses.js';
import { demoPaymentMethods } from './payment-methods.js';
import { createRng, type Rng } from './prng.js';

const FIRST_ID = 1001;
const SIGNUPS_FROM_MS = Date.UTC(2024, 1, 1);
const SIGNUP_SPAN_DAYS = 600;

const DIALLING: Record<string, [string, number]> = {
  NL: ['+31 6', 8],
  DE: ['+49 151', 8],
  FR: ['+33 6', 8],
  IT: ['+39 347', 7],
  ES: ['+34 612', 6],
  DK: ['+45', 8],
  SE: ['+46 70', 7],
  IE: ['+353 87', 7],
  PL: ['+48 512', 6],
  PT: ['+351 912', 6],
  BE: ['+32 470', 6],
  FI: ['+358 40', 7],
  AT: ['+43 664', 7],
  CH: ['+41 79', 7],
  GB: ['+44 7700', 6],
};

export const customerId = (index: number): string => `cus_${FIRST_ID + index}`;

const emailLocal = (p: CustomerProfile): string =>
  `${p.firstName}.${p.lastName}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[^a-z.]/g, '');

const phoneNumber = (r: Rng, country: string): string | null => {
  const plan = DIALLING[country];
  if (!plan || r.chance(0.35)) return null;
  const digits = Array.from({ length: plan[1] }, () => r.int(0, 9)).join('');
  return `${plan[0]} ${digits}`;
};

/** When each customer signed up; orders are always placed after this. */
export const signupTimes = (): number[] => {
  const r = createRng('customers:signup');
  return CUSTOMER_PROFILES.map(
    () => SIGNUPS_FROM_MS + r.int(0, SIGNUP_SPAN_DAYS) * DAY_MS + r.int(7 * 3600, 22 * 3600) * 1000,
  );
};

export const generateCustomers = (): CustomerRecord[] => {
  const r = createRng('customers');
  const signups = signupTimes();
  return CUSTOMER_PROFILES.map((p, i): CustomerRecord => {
    const acceptsMarketing = r.chance(0.6);
    // A stream of its own per customer, so adding these changed none of the draws above.
    const own = createRng(`after-sale:${customerId(i)}`);
    const name = `${p.firstName} ${p.lastName}`;
    return {
      kind: 'customer',
      id: customerId(i),
      email: `${emailLocal(p)}@${p.emailDomain ?? 'example.com'}`,
      firstName: p.firstName,
      lastName: p.lastName,
      phone: phoneNumber(r, p.country),
      city: p.city,
      country: p.country,
      language: p.language,
      tags: [...(p.orders >= 5 ? ['vip'] : []), ...(acceptsMarketing ? ['newsletter'] : [])],
      acceptsMarketing,
      createdAt: zonedIso(signups[i], p.country),
      address: demoAddress(own, { name, city: p.city, country: p.country }),
      paymentMethods: demoPaymentMethods(own),
    };
  });
};
