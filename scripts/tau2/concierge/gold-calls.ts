/**
 * tau2's gold actions as calls of Concierge's tools (the mapping in docs/tau2.md). Identity is not a
 * tool here: the shopper is signed in as the task's user, so `find_user_id_by_*` and
 * `get_user_details` have no call, and `modify_user_address` changes the signed-in shopper's address.
 */
import type { Tau2Action, Tau2Db, Tau2Task } from '../tau2-db.js';

export interface ToolCallPlan {
  tool: string;
  args: Record<string, unknown>;
  /** A write: it prepares a change the shopper must confirm. */
  write: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

const address = (a: Record<string, unknown>) => ({
  line1: str(a.address1),
  line2: str(a.address2 ?? ''),
  city: str(a.city),
  region: str(a.state ?? ''),
  postalCode: str(a.zip ?? ''),
  country: str(a.country),
});

const swaps = (a: Record<string, unknown>) => {
  const [from, to] = [list(a.item_ids), list(a.new_item_ids)];
  return from.map((sku, i) => ({ sku, newSku: to[i] ?? '' }));
};

/** The tool call a gold action becomes, or null when Concierge has no tool for it (reads identity comes from). */
export function toToolCall(action: Tau2Action): ToolCallPlan | null {
  const a = action.arguments;
  const orderId = str(a.order_id);
  switch (action.name) {
    case 'cancel_pending_order':
      return { tool: 'cancel_order', args: { orderId, reason: str(a.reason) }, write: true };
    case 'modify_pending_order_address':
      return { tool: 'change_order_address', args: { orderId, address: address(a) }, write: true };
    case 'modify_pending_order_items':
      return {
        tool: 'change_order_items',
        args: { orderId, changes: swaps(a), paymentMethodId: str(a.payment_method_id) },
        write: true,
      };
    case 'modify_pending_order_payment':
      return {
        tool: 'change_order_payment',
        args: { orderId, paymentMethodId: str(a.payment_method_id) },
        write: true,
      };
    case 'return_delivered_order_items':
      return {
        tool: 'return_items',
        args: { orderId, skus: list(a.item_ids), refundTo: str(a.payment_method_id) },
        write: true,
      };
    case 'exchange_delivered_order_items':
      return {
        tool: 'exchange_items',
        args: { orderId, changes: swaps(a), paymentMethodId: str(a.payment_method_id) },
        write: true,
      };
    case 'modify_user_address':
      return { tool: 'update_default_address', args: { address: address(a) }, write: true };
    case 'get_order_details':
      return { tool: 'get_order_status', args: { orderId }, write: false };
    default:
      return null;
  }
}

/**
 * Who the shopper is: the user a gold action names (its `user_id`, or the owner of its order), as
 * tau2's agent would have found by name and zip or email. Null: the task never gets that far.
 */
export function taskUser(db: Tau2Db, task: Tau2Task): string | null {
  for (const action of task.evaluation_criteria.actions ?? []) {
    const { user_id: userId, order_id: orderId } = action.arguments;
    if (typeof userId === 'string' && db.users[userId]) return userId;
    const owner = typeof orderId === 'string' ? db.orders[orderId]?.user_id : undefined;
    if (owner) return owner;
  }
  return null;
}
