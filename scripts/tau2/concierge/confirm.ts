import type { Core } from '../../../src/app/build-core.js';
import type { PendingActionView } from '../../../src/orders/pending-actions.js';

const APPROVER = { email: 'approver@tau2.test', name: 'Approver', role: 'agent' as const };

/**
 * The shopper confirms a prepared change: the same call, with the same approval gate, as the card's
 * Confirm button and a plain "yes". A refund above APPROVAL_MAX_REFUND waits for a person; here a
 * console agent approves it through the approvals service, as one would in the console.
 */
export async function confirmAsShopper(
  core: Core,
  conversationId: string,
  actionId: string,
  sessionId: string,
): Promise<{ action: PendingActionView; approved: boolean }> {
  const shopper = { kind: 'shopper' as const, id: sessionId };
  const { action } = await core.orderActions.confirm(conversationId, actionId, shopper, core.approvals.orderGate);
  if (action.status !== 'awaiting_approval') return { action, approved: false };
  const held = (await core.approvals.list(conversationId)).find((a) => a.status === 'pending');
  if (!held) throw new Error(`action ${actionId} is held for approval, but no approval is pending`);
  await core.approvals.decide(held.id, APPROVER, 'approve');
  const after = (await core.orderActions.list(conversationId)).find((a) => a.id === actionId);
  return { action: after ?? action, approved: true };
}
