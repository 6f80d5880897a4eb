import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyAction,
  changedEntities,
  diffStates,
  formatMismatch,
  isKnownRejection,
  KNOWN_TRAIN_REJECTIONS,
  pyRound2,
  readTau2Json,
  replayGold,
  replayGoldDetailed,
  taskScope,
  toTau2State,
  type Tau2Db,
  type Tau2State,
  type Tau2Task,
} from '../../scripts/tau2/reference.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/tau2-retail');

/** Any write to the shared db throws (ES modules are strict), which is how "never mutated" is checked. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// db.json is 2.8 MB: read once for the file, frozen so no test can change it by accident.
let db: Tau2Db;
let tasks: Tau2Task[];
let before: Tau2State;
beforeAll(() => {
  db = deepFreeze(readTau2Json<Tau2Db>(path.join(FIXTURES, 'db.json')));
  tasks = readTau2Json<Tau2Task[]>(path.join(FIXTURES, 'tasks-train.json'));
  before = toTau2State(db);
});

const task = (id: string) => tasks.find((t) => t.id === id)!;
// Each task is replayed once per file; the replays are what most tests look at.
const replays = new Map<string, ReturnType<typeof replayGoldDetailed> & { state: Tau2State }>();
function replayed(id: string) {
  if (!replays.has(id)) {
    const replay = replayGoldDetailed(db, task(id));
    replays.set(id, { ...replay, state: toTau2State(replay.db) });
  }
  return replays.get(id)!;
}
const stateAfter = (id: string) => replayed(id).state;

describe('tau2 reference: the gold actions of the train tasks', () => {
  it('replays all 74 tasks; only the calls tau2 itself rejects are rejected', () => {
    expect(tasks).toHaveLength(74);
    const rejected = tasks.flatMap((t) => replayed(t.id).rejected);
    expect(rejected.filter((r) => !isKnownRejection(r))).toEqual([]);
    expect(rejected).toHaveLength(KNOWN_TRAIN_REJECTIONS.length);
  });

  it('leaves the input db untouched (it is frozen) and changes only the orders and users the task names', () => {
    for (const t of tasks) {
      const changed = changedEntities(before, stateAfter(t.id));
      const scope = taskScope(db, t);
      expect(
        changed.orders.filter((id) => !scope.orders.includes(id)),
        `task ${t.id}`,
      ).toEqual([]);
      expect(
        changed.users.filter((id) => !scope.users.includes(id)),
        `task ${t.id}`,
      ).toEqual([]);
    }
  });

  it('cancel (task 88): refunds the gift card payment to that card and its balance comes back at once', () => {
    const after = stateAfter('88');
    expect(after.orders['#W8835847']).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'ordered by mistake',
      payment_history: [
        { transaction_type: 'payment', amount_cents: 68997, payment_method_id: 'gift_card_2652153' },
        { transaction_type: 'refund', amount_cents: 68997, payment_method_id: 'gift_card_2652153' },
      ],
    });
    // 19.00 + 689.97
    expect(after.users.daiki_silva_2903.payment_methods.gift_card_2652153.balance_cents).toBe(70897);
  });

  it('cancel (task 66): a card payment is refunded to the card, with no balance to change', () => {
    const order = stateAfter('66').orders['#W3361211'];
    expect(order.status).toBe('cancelled');
    expect(order.payment_history[1]).toEqual({
      transaction_type: 'refund',
      amount_cents: 146400,
      payment_method_id: 'credit_card_1640996',
    });
  });

  it('modify items (task 21): charges the difference to the gift card and reprices each item', () => {
    const after = stateAfter('21');
    const order = after.orders['#W9911714'];
    expect(order.status).toBe('pending (item modified)');
    // (155.33 - 147.05) + (268.77 - 235.13) = 41.92; the scenario expects a balance of $44.08 left.
    expect(order.payment_history[1]).toEqual({
      transaction_type: 'payment',
      amount_cents: 4192,
      payment_method_id: 'gift_card_4332117',
    });
    expect(after.users.ethan_garcia_1261.payment_methods.gift_card_4332117.balance_cents).toBe(4408);
    expect(order.items).toContainEqual({ item_id: '4107812777', price_cents: 15533 });
    expect(order.items).toContainEqual({ item_id: '1421289881', price_cents: 26877 });
  });

  it("modify items with lastVariantQuirk: tau2's published tool gives both items the last variant's price", () => {
    const order = toTau2State(replayGold(db, task('21'), { lastVariantQuirk: true })).orders['#W9911714'];
    expect(order.items).toContainEqual({ item_id: '4107812777', price_cents: 26877 });
    expect(order.payment_history[1].amount_cents).toBe(4192);
  });

  it('return (task 2): records the items, sorted, and the refund method; no money moves yet', () => {
    const order = stateAfter('2').orders['#W2378156'];
    expect(order).toMatchObject({
      status: 'return requested',
      return_items: ['4202497723', '4602305039', '9408160950'],
      return_payment_method_id: 'credit_card_9513926',
      payment_history: before.orders['#W2378156'].payment_history,
    });
  });

  it('exchange (task 0): records old and new items and the price difference, refund as negative', () => {
    const order = stateAfter('0').orders['#W2378156'];
    expect(order).toMatchObject({
      status: 'exchange requested',
      exchange_items: ['1151293680', '4983901480'],
      exchange_new_items: ['7706410293', '7747408585'],
      exchange_payment_method_id: 'credit_card_9513926',
      // (269.16 - 272.33) + (249.01 - 262.47)
      exchange_price_difference_cents: -1663,
    });
    expect(order.items).toEqual(before.orders['#W2378156'].items);
  });

  it('a rejected write (task 105, gift card too small for the exchange) changes nothing', () => {
    expect(replayed('105').complete).toBe(false);
    expect(diffStates(before, stateAfter('105'))).toEqual([]);
  });
});

describe('tau2 reference: single actions', () => {
  const cancelW1080318 = { order_id: '#W1080318', reason: 'no longer needed' };
  const apply = (name: string, args: Record<string, unknown>) => {
    const copy = structuredClone(db);
    applyAction(copy, { name, arguments: args });
    return toTau2State(copy);
  };

  it('applyAction writes in place, so the frozen shared db refuses it (the freeze does guard the replays)', () => {
    expect(() => applyAction(db, { name: 'cancel_pending_order', arguments: cancelW1080318 })).toThrow(TypeError);
  });

  it('modify payment: new payment then refund of the original; gift card charged at once', () => {
    const after = apply('modify_pending_order_payment', {
      order_id: '#W1080318',
      payment_method_id: 'gift_card_3749819',
    });
    expect(after.orders['#W1080318'].status).toBe('pending');
    expect(after.orders['#W1080318'].payment_history.slice(1)).toEqual([
      { transaction_type: 'payment', amount_cents: 5343, payment_method_id: 'gift_card_3749819' },
      { transaction_type: 'refund', amount_cents: 5343, payment_method_id: 'credit_card_3577130' },
    ]);
    const user = after.orders['#W1080318'].user_id;
    expect(after.users[user].payment_methods.gift_card_3749819.balance_cents).toBe(3757);
  });

  it.each([
    ['cancel_pending_order', { order_id: '#W2611340', reason: 'no longer needed' }, 'Non-pending order'],
    ['cancel_pending_order', { order_id: '#W1080318', reason: 'too expensive' }, 'Invalid reason'],
    [
      'return_delivered_order_items',
      { order_id: '#W7623533', item_ids: [], payment_method_id: 'credit_card_8278346' },
      'original payment method',
    ],
    [
      'modify_pending_order_items',
      {
        order_id: '#W9911714',
        item_ids: ['9791469541'],
        new_item_ids: ['1421289881'],
        payment_method_id: 'paypal_3798357',
      },
      'Variant not found',
    ],
    ['get_order_details', { order_id: '#W0000000' }, 'Order not found'],
    ['get_order_details', { id: '#W9911714' }, 'Invalid arguments'],
    ['think', { thought: 'hm' }, 'Unknown tool'],
  ])('%s rejects %j', (name, args, message) => {
    expect(() => apply(name, args)).toThrow(message);
  });
});

describe('tau2 reference: independence', () => {
  it('imports nothing from src/ (it is the side Concierge is checked against)', () => {
    const dir = path.resolve(import.meta.dirname, '../../scripts/tau2');
    const imports = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]));
    expect(imports.filter((spec) => spec.startsWith('.') && !spec.startsWith('./'))).toEqual([]);
  });
});

describe('tau2 reference: money', () => {
  it("rounds like Python's round(x, 2): exact ties to even, everything else by its exact binary value", () => {
    expect([10.125, 0.375, 2.675, 1.005, 21.099999999999994].map(pyRound2)).toEqual([10.12, 0.38, 2.67, 1, 21.1]);
  });
});

describe('tau2 reference: diffStates', () => {
  it('finds nothing between a state and itself', () => {
    expect(diffStates(before, toTau2State(db))).toEqual([]);
  });

  it('names exactly the one refund amount that was corrupted', () => {
    const expected = stateAfter('88');
    const actual: Tau2State = structuredClone(expected);
    actual.orders['#W8835847'].payment_history[1].amount_cents += 1;
    const mismatches = diffStates(expected, actual);
    expect(mismatches).toEqual([
      { path: 'orders["#W8835847"].payment_history[1].amount_cents', expected: 68997, actual: 68998 },
    ]);
    expect(formatMismatch(mismatches[0])).toBe(
      'orders["#W8835847"].payment_history[1].amount_cents: expected 68997, actual 68998',
    );
  });

  it('reports a missing order and restricts to a scope', () => {
    const actual: Tau2State = structuredClone(before);
    delete actual.orders['#W8835847'];
    expect(diffStates(before, actual)).toEqual([
      { path: 'orders["#W8835847"]', expected: before.orders['#W8835847'], actual: undefined },
    ]);
    expect(diffStates(before, actual, { orders: ['#W2378156'], users: [] })).toEqual([]);
  });
});
