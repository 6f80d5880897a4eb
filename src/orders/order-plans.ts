import type { PaymentMethod } from '../catalog/records.js';
import type { Queryable } from '../db/database.js';
import type { MethodRef, OrderChangeDetail, OrderChangeVerb, ReturnLine } from '../shared/order-change-detail.js';
import { addressLine, OrderRefused, type OrderChange } from './order-change.js';
import type { OrderRules } from './order-rules.js';
import { readOrder, type OrderState } from './order-state.js';
import { planSwaps, priceDifference, takeUnits, type LineSwap } from './order-swaps.js';
import { doneInEnglish, summaryInEnglish } from './order-words.js';

/** Money that moves when the change runs: a charge or a refund to one of the shopper's methods. */
export interface MoneyMove {
  kind: 'payment' | 'refund';
  amountMinor: number;
  paymentMethodId: string;
}

/** A checked change: what it will do, as data, in English words and in effects, ready to run once confirmed. */
export interface OrderPlan {
  change: OrderChange;
  detail: OrderChangeDetail;
  /** The detail in English (summaryInEnglish), for the record. */
  summary: string;
  currency: string;
  moves: MoneyMove[];
  swaps: LineSwap[];
  priceDifferenceMinor: number;
  /** Money this change sends back to the shopper, now or when a return arrives (for approvals). */
  refundValueMinor: number;
  /** What happened, said once it ran (doneInEnglish). */
  done: string;
}

type Ctx = { order: OrderState; rules: OrderRules; now: Date };

const ref = (m: PaymentMethod): MethodRef => ({ kind: m.kind, brand: m.brand, last4: m.last4 });

function allow(ctx: Ctx, states: readonly string[], verb: OrderChangeVerb): void {
  const { order, rules } = ctx;
  if (states.includes(order.status)) return;
  throw new OrderRefused({
    code: 'wrong_status',
    orderId: order.id,
    status: order.status,
    allowed: [...states],
    verb,
    policy: rules.policyTitle,
  });
}

function withinWindow(ctx: Ctx): void {
  const { order, rules, now } = ctx;
  const days = rules.returnWindowDays;
  if (days === null || !order.deliveredAt) return;
  if (now.getTime() - order.deliveredAt.getTime() <= days * 86_400_000) return;
  const deliveredOn = order.deliveredAt.toISOString().slice(0, 10);
  throw new OrderRefused({
    code: 'return_window_passed',
    orderId: order.id,
    deliveredOn,
    days,
    policy: rules.policyTitle,
  });
}

function method(ctx: Ctx, id: string): PaymentMethod {
  const m = ctx.order.methods.find((x) => x.id === id);
  if (!m) throw new OrderRefused({ code: 'unknown_method', methodId: id });
  return m;
}

/** The method the order was paid with (its first payment), else the shopper's first method. */
function originalMethod(ctx: Ctx): PaymentMethod | null {
  const paid = ctx.order.payments.find((p) => p.kind === 'payment');
  return ctx.order.methods.find((m) => m.id === paid?.paymentMethodId) ?? ctx.order.methods[0] ?? null;
}

function covers(ctx: Ctx, m: PaymentMethod, amountMinor: number): void {
  if (m.kind !== 'gift_card' || amountMinor <= 0 || (m.balanceMinor ?? 0) >= amountMinor) return;
  const currency = ctx.order.currency;
  throw new OrderRefused({ code: 'gift_card_short', balanceMinor: m.balanceMinor ?? 0, amountMinor, currency });
}

/** The charge or refund of a price difference. */
function difference(ctx: Ctx, diff: number, m: PaymentMethod): MoneyMove[] {
  covers(ctx, m, diff);
  if (diff === 0) return [];
  return [{ kind: diff > 0 ? 'payment' : 'refund', amountMinor: Math.abs(diff), paymentMethodId: m.id }];
}

const swapLines = (swaps: LineSwap[]) => swaps.map((s) => ({ title: s.title, newTitle: s.newTitle }));

function plan(change: OrderChange, detail: OrderChangeDetail, more: Partial<OrderPlan> = {}): OrderPlan {
  const none = { moves: [], swaps: [], priceDifferenceMinor: 0, refundValueMinor: 0 };
  return {
    change,
    detail,
    summary: summaryInEnglish(detail),
    done: doneInEnglish(detail),
    currency: detail.currency,
    ...none,
    ...more,
  };
}

type OrderScoped = Exclude<OrderChange, { kind: 'update_default_address' }>;

/** Swapping items (a pending order's change, or a delivered order's exchange): what it costs and with what. */
async function swapPlan(q: Queryable, ctx: Ctx, change: Extract<OrderScoped, { changes: unknown }>) {
  const swaps = await planSwaps(q, ctx.order, change.changes);
  const pay = change.paymentMethodId ? method(ctx, change.paymentMethodId) : originalMethod(ctx);
  if (!pay) throw new OrderRefused({ code: 'no_method', purpose: 'difference' });
  const diff = priceDifference(swaps);
  const moves = difference(ctx, diff, pay);
  return { swaps, pay, diff, moves, difference: { amountMinor: diff, method: ref(pay) } };
}

async function planFor(q: Queryable, ctx: Ctx, change: OrderScoped): Promise<OrderPlan> {
  const { order, rules } = ctx;
  const at = { orderId: order.id, currency: order.currency };
  switch (change.kind) {
    case 'cancel_order': {
      allow(ctx, rules.cancellable, 'cancel');
      const reasons = rules.cancelReasons;
      if (reasons.length && !reasons.some((r) => r.toLowerCase() === change.reason.trim().toLowerCase())) {
        throw new OrderRefused({ code: 'cancel_reason_needed', reasons });
      }
      const moves: MoneyMove[] = order.payments
        .filter((p) => p.kind === 'payment')
        .map((p) => ({ kind: 'refund', amountMinor: p.amountMinor, paymentMethodId: p.paymentMethodId }));
      const refunds = moves.map((m) => ({ amountMinor: m.amountMinor, method: ref(method(ctx, m.paymentMethodId)) }));
      const refundValueMinor = moves.reduce((sum, move) => sum + move.amountMinor, 0);
      const detail = { kind: change.kind, ...at, reason: change.reason, refunds };
      return plan(change, detail, { moves, refundValueMinor });
    }
    case 'change_order_address': {
      allow(ctx, rules.changeable, 'change');
      return plan(change, { kind: change.kind, ...at, address: addressLine(change.address) });
    }
    case 'change_order_payment': {
      allow(ctx, rules.changeable, 'change');
      const paid = order.payments;
      if (paid.length !== 1 || paid[0].kind !== 'payment') {
        throw new OrderRefused({ code: 'several_payments', orderId: order.id });
      }
      const next = method(ctx, change.paymentMethodId);
      const old = method(ctx, paid[0].paymentMethodId);
      if (next.id === old.id)
        throw new OrderRefused({ code: 'already_paid_with', orderId: order.id, method: ref(old) });
      covers(ctx, next, paid[0].amountMinor);
      const amount = paid[0].amountMinor;
      const moves: MoneyMove[] = [
        { kind: 'payment', amountMinor: amount, paymentMethodId: next.id },
        { kind: 'refund', amountMinor: amount, paymentMethodId: old.id },
      ];
      const detail = { kind: change.kind, ...at, amountMinor: amount, to: ref(next), from: ref(old) };
      return plan(change, detail, { moves, refundValueMinor: amount });
    }
    case 'change_order_items': {
      allow(ctx, rules.changeable, 'change');
      if (order.itemChanges >= rules.itemChangesPerOrder) {
        throw new OrderRefused({ code: 'items_changed_already', orderId: order.id });
      }
      const s = await swapPlan(q, ctx, change);
      const detail = { kind: change.kind, ...at, swaps: swapLines(s.swaps), difference: s.difference };
      return plan({ ...change, paymentMethodId: s.pay.id }, detail, {
        moves: s.moves,
        swaps: s.swaps,
        priceDifferenceMinor: s.diff,
        refundValueMinor: Math.max(0, -s.diff),
      });
    }
    case 'return_items': {
      allow(ctx, rules.returnable, 'return');
      withinWindow(ctx);
      const skus = change.skus ?? order.lines.flatMap((l) => Array<string>(l.quantity).fill(l.sku));
      const units = takeUnits(order, skus);
      const original = originalMethod(ctx);
      const to = change.refundTo ? method(ctx, change.refundTo) : original;
      if (!to) throw new OrderRefused({ code: 'no_method', purpose: 'refund' });
      const giftCardOk = rules.returnRefundTo === 'original_or_gift_card' && to.kind === 'gift_card';
      if (to.id !== original?.id && !giftCardOk) {
        const giftCardAllowed = rules.returnRefundTo !== 'original';
        throw new OrderRefused({ code: 'refund_method', giftCardAllowed, policy: rules.policyTitle });
      }
      const value = units.reduce((sum, unit) => sum + unit.priceMinor, 0);
      const detail = {
        kind: change.kind,
        ...at,
        lines: returnLines(units),
        refund: { amountMinor: value, method: ref(to) },
      };
      return plan({ ...change, skus, refundTo: to.id }, detail, { refundValueMinor: value });
    }
    case 'exchange_items': {
      allow(ctx, rules.exchangeable, 'exchange');
      withinWindow(ctx);
      const s = await swapPlan(q, ctx, change);
      const detail = { kind: change.kind, ...at, swaps: swapLines(s.swaps), difference: s.difference };
      return plan({ ...change, paymentMethodId: s.pay.id }, detail, {
        swaps: s.swaps,
        priceDifferenceMinor: s.diff,
        refundValueMinor: Math.max(0, -s.diff),
      });
    }
  }
}

/** Units taken back, one line per SKU in the order they were named, with their count and worth. */
function returnLines(units: { sku: string; title: string; priceMinor: number }[]): ReturnLine[] {
  const lines = new Map<string, ReturnLine>();
  for (const u of units) {
    const line = lines.get(u.sku) ?? { sku: u.sku, title: u.title, quantity: 0, amountMinor: 0 };
    line.quantity += 1;
    line.amountMinor += u.priceMinor;
    lines.set(u.sku, line);
  }
  return [...lines.values()];
}

/**
 * Checks a change against the order as it is now and the shop's rules, and says what it will do.
 * Throws OrderRefused (why, citing the policy) or NotFound (not this customer's order).
 */
export async function planOrderChange(
  q: Queryable,
  customerId: string,
  change: OrderChange,
  rules: OrderRules,
  opts: { now?: Date; forUpdate?: boolean; currency: string },
): Promise<OrderPlan> {
  const now = opts.now ?? new Date();
  if (change.kind === 'update_default_address') {
    return plan(change, { kind: change.kind, currency: opts.currency, address: addressLine(change.address) });
  }
  const order = await readOrder(q, customerId, change.orderId, opts.forUpdate);
  return planFor(q, { order, rules, now }, change);
}
