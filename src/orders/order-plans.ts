import { money } from '../catalog/money.js';
import type { PaymentMethod } from '../catalog/records.js';
import type { Queryable } from '../db/database.js';
import { addressLine, methodLabel, OrderRefused, type OrderChange } from './order-change.js';
import type { OrderRules } from './order-rules.js';
import { readOrder, type OrderState } from './order-state.js';
import { planSwaps, priceDifference, takeUnits, type LineSwap } from './order-swaps.js';

/** Money that moves when the change runs: a charge or a refund to one of the shopper's methods. */
export interface MoneyMove {
  kind: 'payment' | 'refund';
  amountMinor: number;
  paymentMethodId: string;
}

/** A checked change: what it will do, in words and in effects, ready to run once confirmed. */
export interface OrderPlan {
  change: OrderChange;
  summary: string;
  currency: string;
  moves: MoneyMove[];
  swaps: LineSwap[];
  priceDifferenceMinor: number;
  /** Money this change sends back to the shopper, now or when a return arrives (for approvals). */
  refundValueMinor: number;
  /** What happened, said once it ran. */
  done: string;
}

type Ctx = { order: OrderState; rules: OrderRules; now: Date; fmt: (minor: number) => string };

function allow(ctx: Ctx, states: readonly string[], doing: string): void {
  const { order, rules } = ctx;
  if (states.includes(order.status)) return;
  const allowed = states.map((s) => s.replace('_', ' ')).join(' or ');
  throw new OrderRefused(
    `Order ${order.id} is ${order.status.replace('_', ' ')}, and only ${allowed} orders can be ${doing} (${rules.policyTitle}).`,
  );
}

function withinWindow(ctx: Ctx): void {
  const { order, rules, now } = ctx;
  const days = rules.returnWindowDays;
  if (days === null || !order.deliveredAt) return;
  if (now.getTime() - order.deliveredAt.getTime() <= days * 86_400_000) return;
  const on = order.deliveredAt.toISOString().slice(0, 10);
  throw new OrderRefused(
    `Order ${order.id} was delivered on ${on}, more than ${days} days ago: returns and exchanges are accepted within ${days} days of delivery (${rules.policyTitle}).`,
  );
}

function method(ctx: Ctx, id: string): PaymentMethod {
  const m = ctx.order.methods.find((x) => x.id === id);
  if (!m) throw new OrderRefused(`${id} is not one of your payment methods.`);
  return m;
}

/** The method the order was paid with (its first payment), else the shopper's first method. */
function originalMethod(ctx: Ctx): PaymentMethod | null {
  const paid = ctx.order.payments.find((p) => p.kind === 'payment');
  return ctx.order.methods.find((m) => m.id === paid?.paymentMethodId) ?? ctx.order.methods[0] ?? null;
}

function covers(ctx: Ctx, m: PaymentMethod, amountMinor: number): void {
  if (m.kind !== 'gift_card' || amountMinor <= 0 || (m.balanceMinor ?? 0) >= amountMinor) return;
  throw new OrderRefused(
    `Your gift card has ${ctx.fmt(m.balanceMinor ?? 0)} left, not enough for ${ctx.fmt(amountMinor)}.`,
  );
}

/** The charge or refund of a price difference, and how to say it. */
function difference(ctx: Ctx, diff: number, m: PaymentMethod): { moves: MoneyMove[]; words: string } {
  covers(ctx, m, diff);
  if (diff === 0) return { moves: [], words: 'The price stays the same.' };
  const kind = diff > 0 ? 'payment' : 'refund';
  const words = diff > 0 ? `You pay ${ctx.fmt(diff)} more, charged to` : `You get ${ctx.fmt(-diff)} back, to`;
  return {
    moves: [{ kind, amountMinor: Math.abs(diff), paymentMethodId: m.id }],
    words: `${words} ${methodLabel(m)}.`,
  };
}

const swapWords = (swaps: LineSwap[]) => swaps.map((s) => `${s.title} → ${s.newTitle}`).join('; ');

function base(ctx: Ctx, change: OrderChange, summary: string, done: string): OrderPlan {
  const currency = ctx.order.currency;
  return { change, summary, done, currency, moves: [], swaps: [], priceDifferenceMinor: 0, refundValueMinor: 0 };
}

type OrderScoped = Exclude<OrderChange, { kind: 'update_default_address' }>;

async function planFor(q: Queryable, ctx: Ctx, change: OrderScoped): Promise<OrderPlan> {
  const { order, rules } = ctx;
  switch (change.kind) {
    case 'cancel_order': {
      allow(ctx, rules.cancellable, 'cancelled');
      const reasons = rules.cancelReasons;
      if (reasons.length && !reasons.some((r) => r.toLowerCase() === change.reason.trim().toLowerCase())) {
        throw new OrderRefused(`A cancellation needs one of these reasons: ${reasons.join(', ')}.`);
      }
      const moves: MoneyMove[] = order.payments
        .filter((p) => p.kind === 'payment')
        .map((p) => ({ kind: 'refund', amountMinor: p.amountMinor, paymentMethodId: p.paymentMethodId }));
      const refunds = moves.map((m) => `${ctx.fmt(m.amountMinor)} to ${methodLabel(method(ctx, m.paymentMethodId))}`);
      const refundText = refunds.length ? ` Refund ${refunds.join(' and ')}.` : '';
      const refundValueMinor = moves.reduce((sum, move) => sum + move.amountMinor, 0);
      const summary = `Cancel order ${order.id} (reason: ${change.reason}).${refundText}`;
      const done = `Order ${order.id} is cancelled.${refunds.length ? ` Refunded ${refunds.join(' and ')}.` : ''}`;
      return { ...base(ctx, change, summary, done), moves, refundValueMinor };
    }
    case 'change_order_address': {
      allow(ctx, rules.changeable, 'changed');
      const where = addressLine(change.address);
      return base(ctx, change, `Ship order ${order.id} to ${where}.`, `Order ${order.id} will ship to ${where}.`);
    }
    case 'change_order_payment': {
      allow(ctx, rules.changeable, 'changed');
      const paid = order.payments;
      if (paid.length !== 1 || paid[0].kind !== 'payment') {
        throw new OrderRefused(`Order ${order.id} has more than one payment, so a person must change how it is paid.`);
      }
      const next = method(ctx, change.paymentMethodId);
      const old = method(ctx, paid[0].paymentMethodId);
      if (next.id === old.id) throw new OrderRefused(`Order ${order.id} is already paid with ${methodLabel(old)}.`);
      covers(ctx, next, paid[0].amountMinor);
      const amount = paid[0].amountMinor;
      const moves: MoneyMove[] = [
        { kind: 'payment', amountMinor: amount, paymentMethodId: next.id },
        { kind: 'refund', amountMinor: amount, paymentMethodId: old.id },
      ];
      const summary = `Pay order ${order.id} (${ctx.fmt(amount)}) with ${methodLabel(next)}; ${methodLabel(old)} gets it back.`;
      const done = `Order ${order.id} is now paid with ${methodLabel(next)}; ${ctx.fmt(amount)} went back to ${methodLabel(old)}.`;
      return { ...base(ctx, change, summary, done), moves, refundValueMinor: amount };
    }
    case 'change_order_items': {
      allow(ctx, rules.changeable, 'changed');
      if (order.itemChanges >= rules.itemChangesPerOrder) {
        throw new OrderRefused(
          `The items of order ${order.id} were changed already; a person can help with more changes.`,
        );
      }
      const swaps = await planSwaps(q, order, change.changes);
      const pay = change.paymentMethodId ? method(ctx, change.paymentMethodId) : originalMethod(ctx);
      if (!pay) throw new OrderRefused('You have no payment method on file for the price difference.');
      const diff = priceDifference(swaps);
      const { moves, words } = difference(ctx, diff, pay);
      const normal = { ...change, paymentMethodId: pay.id };
      const summary = `Change order ${order.id}: ${swapWords(swaps)}. ${words}`;
      const done = `Order ${order.id} is changed: ${swapWords(swaps)}. ${words}`;
      return {
        ...base(ctx, normal, summary, done),
        moves,
        swaps,
        priceDifferenceMinor: diff,
        refundValueMinor: Math.max(0, -diff),
      };
    }
    case 'return_items': {
      allow(ctx, rules.returnable, 'returned');
      withinWindow(ctx);
      const skus = change.skus ?? order.lines.flatMap((l) => Array<string>(l.quantity).fill(l.sku));
      const units = takeUnits(order, skus);
      const original = originalMethod(ctx);
      const to = change.refundTo ? method(ctx, change.refundTo) : original;
      if (!to) throw new OrderRefused('You have no payment method on file to refund to.');
      const giftCardOk = rules.returnRefundTo === 'original_or_gift_card' && to.kind === 'gift_card';
      if (to.id !== original?.id && !giftCardOk) {
        throw new OrderRefused(
          `Refunds go back to the original payment method${rules.returnRefundTo === 'original' ? '' : ' or a gift card'} (${rules.policyTitle}).`,
        );
      }
      const value = units.reduce((sum, unit) => sum + unit.priceMinor, 0);
      const summary = `Return ${units.map((u) => u.title).join(', ')} from order ${order.id}. ${ctx.fmt(value)} will be refunded to ${methodLabel(to)} once the items arrive back.`;
      const done = `Your return from order ${order.id} is registered. ${ctx.fmt(value)} will be refunded to ${methodLabel(to)} once the items arrive back.`;
      return { ...base(ctx, { ...change, skus, refundTo: to.id }, summary, done), refundValueMinor: value };
    }
    case 'exchange_items': {
      allow(ctx, rules.exchangeable, 'exchanged');
      withinWindow(ctx);
      const swaps = await planSwaps(q, order, change.changes);
      const pay = change.paymentMethodId ? method(ctx, change.paymentMethodId) : originalMethod(ctx);
      if (!pay) throw new OrderRefused('You have no payment method on file for the price difference.');
      const diff = priceDifference(swaps);
      const { words } = difference(ctx, diff, pay);
      const summary = `Exchange in order ${order.id}: ${swapWords(swaps)}. ${words} Send the items back; the new ones ship when they arrive.`;
      const normal = { ...change, paymentMethodId: pay.id };
      const done = `Your exchange in order ${order.id} is registered: ${swapWords(swaps)}. ${words}`;
      return {
        ...base(ctx, normal, summary, done),
        swaps,
        priceDifferenceMinor: diff,
        refundValueMinor: Math.max(0, -diff),
      };
    }
  }
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
    const where = addressLine(change.address);
    const summary = `Make ${where} your default address.`;
    const done = `Your default address is now ${where}.`;
    const none = { moves: [], swaps: [], priceDifferenceMinor: 0, refundValueMinor: 0 };
    return { change, summary, done, currency: opts.currency, ...none };
  }
  const order = await readOrder(q, customerId, change.orderId, opts.forUpdate);
  const fmt = (minor: number) => money(minor, order.currency).formatted;
  return planFor(q, { order, rules, now, fmt }, change);
}
