import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ORDER_STATUSES } from '../catalog/records.js';
import { ValidationError } from '../errors.js';

const states = z.array(z.enum(ORDER_STATUSES)).max(ORDER_STATUSES.length);

/**
 * What shoppers may do to their orders after the sale, as the shop's data says it: the handlers of
 * the order tools enforce it whatever the model says. Kept in `catalog/order-rules.json`
 * (docs/catalog-format.md); without the file, the defaults below, which follow the tau2-bench
 * retail policy with a 30-day return window.
 */
export const orderRulesSchema = z.strictObject({
  /** Days after delivery a return or exchange may be asked for; null: no limit. */
  returnWindowDays: z.number().int().min(0).max(3_650).nullable().default(30),
  cancellable: states.default(['pending']),
  /** States in which the address, the payment or the items of an order may change. */
  changeable: states.default(['pending']),
  returnable: states.default(['delivered']),
  exchangeable: states.default(['delivered']),
  /** The reasons a cancellation may give; empty: any. */
  cancelReasons: z.array(z.string().trim().min(1).max(100)).max(20).default(['no longer needed', 'ordered by mistake']),
  /** Items of a pending order may be changed this many times (the second time needs a person). */
  itemChangesPerOrder: z.number().int().min(0).max(10).default(1),
  /** Where a return's refund may go: the original payment only, or that or a gift card of the shopper. */
  returnRefundTo: z.enum(['original', 'original_or_gift_card']).default('original_or_gift_card'),
  /** How long a prepared change waits for the shopper's confirmation. */
  confirmMinutes: z.number().int().min(1).max(1_440).default(30),
  /** Where the shop's policy says so, quoted when a request is refused. */
  policyTitle: z.string().trim().min(1).max(200).default('Orders, returns and exchanges'),
});
export type OrderRules = z.infer<typeof orderRulesSchema>;

export const DEFAULT_ORDER_RULES: OrderRules = orderRulesSchema.parse({});
export const ORDER_RULES_FILE = 'order-rules.json';

/** Reads `order-rules.json` from the catalog folder; no file means the defaults, a bad file a clear error. */
export function loadOrderRules(catalogDir: string): OrderRules {
  const file = path.join(catalogDir, ORDER_RULES_FILE);
  if (!existsSync(file)) return DEFAULT_ORDER_RULES;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ValidationError('config:order_rules', `${file} is not valid JSON`, { cause: err });
  }
  const parsed = orderRulesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError('config:order_rules', `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
