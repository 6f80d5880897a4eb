import type { Tau2State } from './tau2-state.js';

/** One difference between two states, at a leaf; `undefined` means the entry is missing on that side. */
export interface StateMismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

/** Restricts a diff to some users and orders, e.g. the ones a task touches. */
export interface DiffScope {
  users?: string[];
  orders?: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diffValues(path: string, expected: unknown, actual: unknown, out: StateMismatch[]): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) diffValues(`${path}[${i}]`, expected[i], actual[i], out);
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) diffValues(`${path}${segment(key)}`, expected[key], actual[key], out);
    return;
  }
  if (!Object.is(expected, actual)) out.push({ path, expected, actual });
}

// Ids such as "#W2378156" are not identifiers, so they are always quoted.
const segment = (key: string) => (/^[a-z_][a-z0-9_]*$/i.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

function pick<T>(record: Record<string, T>, ids: string[] | undefined): Record<string, T> {
  if (!ids) return record;
  return Object.fromEntries(ids.filter((id) => id in record).map((id) => [id, record[id]]));
}

/**
 * Every leaf where `actual` differs from `expected` (users, then orders, by id); empty when they agree.
 * With a scope, only the listed users and orders are compared (one missing on a side is a mismatch).
 */
export function diffStates(expected: Tau2State, actual: Tau2State, scope: DiffScope = {}): StateMismatch[] {
  const out: StateMismatch[] = [];
  for (const part of ['users', 'orders'] as const) {
    const [want, got]: Record<string, unknown>[] = [expected[part], actual[part]];
    diffValues(part, pick(want, scope[part]), pick(got, scope[part]), out);
  }
  return out;
}

const show = (v: unknown) => (v === undefined ? '(missing)' : JSON.stringify(v));

/** `orders["#W1"].payment_history[1].amount_cents: expected 1000, actual 1001` */
export const formatMismatch = (m: StateMismatch): string =>
  `${m.path}: expected ${show(m.expected)}, actual ${show(m.actual)}`;

/** The users and orders whose state differs between two states, e.g. before and after a task. */
export function changedEntities(before: Tau2State, after: Tau2State): { users: string[]; orders: string[] } {
  const changed = (part: 'users' | 'orders') => {
    const ids = new Set([...Object.keys(before[part]), ...Object.keys(after[part])]);
    const same = (id: string) => JSON.stringify(before[part][id]) === JSON.stringify(after[part][id]);
    return [...ids].filter((id) => !same(id)).sort();
  };
  return { users: changed('users'), orders: changed('orders') };
}
