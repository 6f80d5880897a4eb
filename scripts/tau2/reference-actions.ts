import { type z } from 'zod';
import {
  cancelArgs,
  orderAddressArgs,
  paymentArgs,
  readArgs,
  returnArgs,
  swapArgs,
  userAddressArgs,
} from './action-args.js';
import { exchangeDeliveredOrderItems, modifyUserAddress, returnDeliveredOrderItems } from './actions-delivered.js';
import {
  cancelPendingOrder,
  modifyPendingOrderAddress,
  modifyPendingOrderItems,
  modifyPendingOrderPayment,
} from './actions-pending.js';
import { readActions } from './actions-read.js';
import type { Tau2Action, Tau2Db } from './tau2-db.js';
import { Tau2ActionError } from './tau2-lookup.js';

export interface ReferenceOptions {
  /**
   * Published tau2 (issues sierra-research/tau2-bench#317 and #318, fix proposed in PR #322) gives every
   * item changed by one modify_pending_order_items call the price and options of the LAST new variant
   * in the list. Off by default: each item takes its own variant, as the policy describes. The payment
   * history and gift card balance are the same either way.
   */
  lastVariantQuirk?: boolean;
}

interface ToolEntry {
  write: boolean;
  schema: z.ZodType;
  run: (db: Tau2Db, args: never, options: ReferenceOptions) => void;
}

const write = <S extends z.ZodType>(schema: S, run: (db: Tau2Db, args: z.infer<S>, o: ReferenceOptions) => void) =>
  ({ write: true, schema, run }) as ToolEntry;

const TOOLS: Record<string, ToolEntry> = {
  cancel_pending_order: write(cancelArgs, cancelPendingOrder),
  modify_pending_order_address: write(orderAddressArgs, modifyPendingOrderAddress),
  modify_pending_order_items: write(swapArgs, modifyPendingOrderItems),
  modify_pending_order_payment: write(paymentArgs, modifyPendingOrderPayment),
  return_delivered_order_items: write(returnArgs, returnDeliveredOrderItems),
  exchange_delivered_order_items: write(swapArgs, exchangeDeliveredOrderItems),
  modify_user_address: write(userAddressArgs, modifyUserAddress),
  ...Object.fromEntries(
    Object.entries(readArgs).map(([name, schema]) => {
      const run = readActions[name as keyof typeof readActions] as ToolEntry['run'];
      return [name, { write: false, schema, run }];
    }),
  ),
};

/** The tau2 retail tools this reference knows. */
export const TAU2_TOOL_NAMES: readonly string[] = Object.keys(TOOLS);

/** True for the tools that change the database; reads and `calculate`/`transfer_to_human_agents` do not. */
export function isWriteAction(name: string): boolean {
  return TOOLS[name]?.write ?? false;
}

/**
 * Applies one tau2 tool call to `db`, IN PLACE (replayGold works on a copy). Throws Tau2ActionError
 * where tau2's tool raises, before changing anything.
 */
export function applyAction(
  db: Tau2Db,
  action: Pick<Tau2Action, 'name' | 'arguments'>,
  options: ReferenceOptions = {},
) {
  const tool = TOOLS[action.name];
  if (!tool) throw new Tau2ActionError(`Unknown tool ${action.name}`);
  const parsed = tool.schema.safeParse(action.arguments ?? {});
  if (!parsed.success) {
    throw new Tau2ActionError(`Invalid arguments for ${action.name}: ${parsed.error.message}`, { cause: parsed.error });
  }
  tool.run(db, parsed.data as never, options);
}
