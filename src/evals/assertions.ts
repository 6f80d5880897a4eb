import type { CartView } from '../carts/types.js';
import { toMinor } from '../catalog/money.js';
import type { ProductSummary } from '../catalog/types.js';
import type { ConversationStatus } from '../conversations/conversation-store.js';
import type { Assertion, CartLineAssertion } from './suite-schema.js';

/** What one turn did, as the shopper and the shop see it. */
export interface TurnObservation {
  reply: string;
  products: ProductSummary[];
  calls: { name: string; args: Record<string, unknown> }[];
  cart: CartView;
  status: ConversationStatus;
}

export type AssertionOutcome =
  { outcome: 'pass' } | { outcome: 'fail'; message: string } | { outcome: 'skipped'; message: string };

type Sync = Exclude<Assertion, { type: 'llm-rubric' }>;
type Check<T extends Sync['type']> = (value: Extract<Sync, { type: T }>['value'], o: TurnObservation) => string | null;

const pass: AssertionOutcome = { outcome: 'pass' };
const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');

/**
 * Whether `actual` holds everything `expected` says: strings compare without case, numbers to
 * a cent, objects key by key (extra keys allowed), arrays by each expected item found in `actual`.
 */
export function matchesSubset(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'string')
    return typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) < 0.01;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((e) => actual.some((a) => matchesSubset(a, e)));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    const got = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => matchesSubset(got[k], v));
  }
  return actual === expected;
}

const describeCalls = (o: TurnObservation) => list(o.calls.map((c) => `${c.name}${JSON.stringify(c.args)}`));

const toolCalled: Check<'tool-called'> = ({ name, args }, o) => {
  const named = o.calls.filter((c) => c.name === name);
  if (!named.length) return `expected a call to ${name}; calls: ${describeCalls(o)}`;
  if (args && !named.some((c) => matchesSubset(c.args, args))) {
    return `expected ${name} with ${JSON.stringify(args)}; calls: ${describeCalls(o)}`;
  }
  return null;
};

const toolNotCalled: Check<'tool-not-called'> = (name, o) =>
  o.calls.some((c) => c.name === name) ? `expected no call to ${name}; calls: ${describeCalls(o)}` : null;

const productsInclude: Check<'products-include'> = (handles, o) => {
  const shown = o.products.map((p) => p.handle);
  const missing = handles.filter((h) => !shown.includes(h));
  return missing.length ? `products not shown: ${list(missing)} (shown: ${list(shown)})` : null;
};

const productsAllUnder: Check<'products-all-under'> = (max, o) => {
  if (!o.products.length) return `expected products at or under ${max}, none shown`;
  const over = o.products.filter((p) => p.price.amount > toMinor(max, p.price.currency));
  return over.length ? `products over ${max}: ${list(over.map((p) => `${p.handle} (${p.price.formatted})`))}` : null;
};

function lineMatches(line: CartView['items'][number], want: CartLineAssertion): boolean {
  if ('handle' in want && want.handle && line.handle !== want.handle) return false;
  if ('sku' in want && want.sku && line.sku !== want.sku) return false;
  if ('options' in want && want.options && !matchesSubset(line.options, want.options)) return false;
  return true;
}

const describeCart = (cart: CartView) => list(cart.items.map((l) => `${l.quantity} × ${l.sku}`));

const cartHas: Check<'cart-has'> = (lines, o) => {
  const problems = lines.flatMap((want) => {
    const line = o.cart.items.find((l) => lineMatches(l, want));
    if (!line) return [`cart lacks ${JSON.stringify(want)}`];
    const quantity = 'quantity' in want ? want.quantity : undefined;
    return quantity !== undefined && line.quantity !== quantity
      ? [`cart has ${line.quantity} × ${line.sku}, expected ${quantity}`]
      : [];
  });
  return problems.length ? `${problems.join('; ')} (cart: ${describeCart(o.cart)})` : null;
};

const cartLacks: Check<'cart-lacks'> = (ids, o) => {
  const present = ids.filter((id) => o.cart.items.some((l) => l.handle === id || l.sku === id));
  return present.length ? `cart still has ${list(present)} (cart: ${describeCart(o.cart)})` : null;
};

const textMatches: Check<'text-matches'> = (patterns, o) => {
  const missing = patterns.filter((p) => !new RegExp(p, 'i').test(o.reply));
  return missing.length ? `reply does not match /${missing.join('/, /')}/i` : null;
};

const textLacks: Check<'text-lacks'> = (patterns, o) => {
  const found = patterns.filter((p) => new RegExp(p, 'i').test(o.reply));
  return found.length ? `reply matches /${found.join('/, /')}/i` : null;
};

const status: Check<'status'> = (want, o) =>
  o.status === want ? null : `conversation status is ${o.status}, expected ${want}`;

const CHECKS: { [T in Sync['type']]: Check<T> } = {
  'tool-called': toolCalled,
  'tool-not-called': toolNotCalled,
  'products-include': productsInclude,
  'products-all-under': productsAllUnder,
  'cart-has': cartHas,
  'cart-lacks': cartLacks,
  'text-matches': textMatches,
  'text-lacks': textLacks,
  status,
};

/** Checks one assertion that needs no model against what a turn did. */
export function checkAssertion(assertion: Sync, observed: TurnObservation): AssertionOutcome {
  const check = CHECKS[assertion.type] as Check<Sync['type']>;
  const message = check(assertion.value as never, observed);
  return message === null ? pass : { outcome: 'fail', message };
}
