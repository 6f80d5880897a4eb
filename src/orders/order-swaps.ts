import type { Queryable } from '../db/database.js';
import { OrderRefused } from './order-change.js';
import { siblingVariants, type OrderState } from './order-state.js';

export interface LineSwap {
  sku: string;
  title: string;
  newSku: string;
  newTitle: string;
  oldPriceMinor: number;
  newPriceMinor: number;
}

const optionText = (options: Record<string, string>) => Object.values(options).join(' / ');

/**
 * Takes one unit of each named SKU out of the order's lines (a SKU named twice, two units), so a
 * request can't return or swap more than was bought. Returns the lines' unit prices and titles.
 */
export function takeUnits(order: OrderState, skus: string[]): { sku: string; title: string; priceMinor: number }[] {
  const left = new Map(order.lines.map((l) => [l.sku, l.quantity]));
  return skus.map((sku) => {
    const line = order.lines.find((l) => l.sku === sku);
    const n = left.get(sku) ?? 0;
    if (!line || n === 0) {
      throw new OrderRefused(
        line
          ? { code: 'too_few_units', orderId: order.id, title: line.title, quantity: line.quantity }
          : { code: 'item_not_in_order', orderId: order.id, sku },
      );
    }
    left.set(sku, n - 1);
    return { sku, title: line.title, priceMinor: line.unitPriceMinor };
  });
}

/**
 * Checks each asked swap: the item is in the order, the new one is another variant of the same
 * product and can be had now. Prices are the order's for the old unit and today's for the new one.
 */
export async function planSwaps(
  q: Queryable,
  order: OrderState,
  changes: { sku: string; newSku: string }[],
): Promise<LineSwap[]> {
  const units = takeUnits(
    order,
    changes.map((c) => c.sku),
  );
  const swaps: LineSwap[] = [];
  for (const [i, c] of changes.entries()) {
    if (c.newSku === c.sku) throw new OrderRefused({ code: 'same_option', title: units[i].title });
    const siblings = await siblingVariants(q, c.sku);
    const next = siblings.find((v) => v.sku === c.newSku);
    if (!next) throw new OrderRefused({ code: 'not_an_option', sku: c.newSku, title: units[i].title });
    const newTitle = `${next.title} (${optionText(next.options)})`;
    if (next.stock <= 0) throw new OrderRefused({ code: 'unavailable', title: newTitle });
    swaps.push({
      sku: c.sku,
      title: units[i].title,
      newSku: next.sku,
      newTitle,
      oldPriceMinor: units[i].priceMinor,
      newPriceMinor: next.priceMinor,
    });
  }
  return swaps;
}

/** What the shopper pays more (positive) or gets back (negative) for the swaps. */
export const priceDifference = (swaps: LineSwap[]) =>
  swaps.reduce((sum, s) => sum + s.newPriceMinor - s.oldPriceMinor, 0);
