import { approvalReply, cartApprovalReply } from '../agent/order-change-reply.js';
import type { CartStore } from '../carts/cart-store.js';
import { money, toMinor } from '../catalog/money.js';
import type { EventLog } from '../conversations/event-log.js';
import { toCartPayload } from '../conversations/product-cards.js';
import type { Database } from '../db/database.js';
import { toJson } from '../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { AgentIdentity } from '../identity/agent-accounts.js';
import type { OrderActions, OrderApprovalGate, PendingActionStatus } from '../orders/pending-actions.js';
import type { Approval } from './agent-protocol.js';

export interface ApprovalRequest {
  conversationId: string;
  tool: string;
  sku: string;
  quantity: number;
  title: string;
  unitPriceMinor: number;
  currency: string;
}

interface Row {
  id: number;
  conversation_id: string;
  tool: string;
  reason: string;
  status: Approval['status'];
  created_at: Date;
  decided_by: string | null;
  decision_note: string | null;
  action_id: string | null;
  request: Record<string, unknown>;
  /** The held order action's state (joined), for order approvals. */
  action_status: PendingActionStatus | null;
  action_result: { outcome?: string } | null;
}

interface CartRequest {
  sku: string;
  quantity: number;
  title: string;
  lineValueMinor: number;
  currency: string;
  cartId: string;
}
interface OrderRequest {
  orderId: string | null;
  summary: string;
  refundValueMinor: number;
  currency: string;
}

const SELECT = `SELECT a.*, p.status AS action_status, p.result AS action_result
  FROM approvals a LEFT JOIN pending_actions p ON p.id = a.action_id`;

function toApproval(r: Row): Approval {
  const base = {
    id: r.id,
    conversationId: r.conversation_id,
    tool: r.tool,
    reason: r.reason,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    decidedBy: r.decided_by,
    note: r.decision_note,
  };
  if (r.action_id) {
    const q = r.request as unknown as OrderRequest;
    const request = {
      actionId: r.action_id,
      orderId: q.orderId,
      summary: q.summary,
      refundValue: money(q.refundValueMinor, q.currency),
      actionStatus: r.action_status ?? 'refused',
      outcome: r.action_result?.outcome ?? null,
    };
    return { ...base, kind: 'order', request };
  }
  const q = r.request as unknown as CartRequest;
  const lineValue = money(q.lineValueMinor, q.currency);
  return { ...base, kind: 'cart', request: { sku: q.sku, quantity: q.quantity, title: q.title, lineValue } };
}

/**
 * Changes that wait for a person. Assistant cart changes above configured thresholds (a quantity,
 * a line value): the console approves (maybe with another quantity) or rejects. Order changes a
 * shopper confirmed that refund more than `maxRefund`: approving runs the change as the agent (the
 * rules checked again), rejecting closes it with the agent's reason. The shopper is told either way.
 */
export function createApprovals(deps: {
  db: Database;
  events: EventLog;
  carts: CartStore;
  orderActions: OrderActions;
  maxQuantity: number;
  maxLineValue: number;
  /** Major units of the shop currency. */
  maxRefund: number;
  currency: string;
  /** The conversation's language, which what the shopper is told of a held order change is in (else English). */
  languageOf?: (conversationId: string) => Promise<string>;
}) {
  const { db, events } = deps;
  const fmt = (minor: number) => money(minor, deps.currency).formatted;
  const maxLineMinor = toMinor(deps.maxLineValue, deps.currency);
  const maxRefundMinor = toMinor(deps.maxRefund, deps.currency);
  const listeners = new Set<(a: Approval) => void>();
  const changed = (a: Approval) => listeners.forEach((l) => l(a));
  const tell = (conversationId: string, id: number, author: string, text: string) =>
    events.append(conversationId, {
      type: 'message.created',
      messageId: `approval_${id}`,
      role: 'system',
      text,
      author,
    });

  const orderGate: OrderApprovalGate = {
    reasonToHold: (refundMinor) =>
      refundMinor > maxRefundMinor ? `a refund of ${fmt(refundMinor)} is over ${fmt(maxRefundMinor)}` : null,
    async hold(tx, held, reason) {
      const request: OrderRequest = {
        orderId: held.orderId,
        summary: held.summary,
        refundValueMinor: held.refundValueMinor,
        currency: held.currency,
      };
      const r = await tx.query<Row>(
        `INSERT INTO approvals (conversation_id, tool, request, reason, action_id)
         VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING *`,
        [held.conversationId, held.kind, toJson(request), reason, held.actionId],
      );
      const a = toApproval({ ...r.rows[0], action_status: 'awaiting_approval', action_result: null });
      return () => changed(a);
    },
  };

  async function load(id: number): Promise<Approval> {
    const r = await db.query<Row>(`${SELECT} WHERE a.id = $1`, [id]);
    return toApproval(r.rows[0]);
  }

  /** Makes the cart change as the agent; a refusal (e.g. out of stock) leaves the request open. */
  async function approveCart(row: Row, agent: AgentIdentity) {
    const q = row.request as unknown as CartRequest;
    const actor = { kind: 'agent' as const, id: agent.email };
    const change =
      row.tool === 'update_cart_item'
        ? deps.carts.setQuantity(q.cartId, q.sku, q.quantity, actor)
        : deps.carts.add(q.cartId, q.sku, q.quantity, actor);
    const cart = await change.catch(async (err: unknown) => {
      await reopen(row.id);
      throw err;
    });
    await events.append(row.conversation_id, { type: 'cart.updated', cart: toCartPayload(cart), actor: 'agent' });
    await tellCartDecision(row, agent, 'approve');
  }

  async function tellCartDecision(row: Row, agent: AgentIdentity, decision: 'approve' | 'reject') {
    const q = row.request as unknown as CartRequest;
    const language = (await deps.languageOf?.(row.conversation_id)) ?? 'en';
    const change = { agent: agent.name, quantity: q.quantity, title: q.title };
    await tell(row.conversation_id, row.id, agent.name, cartApprovalReply(decision, change, language));
  }

  /** Runs (or closes) the held order change and tells the shopper what became of it. */
  async function decideOrder(row: Row, agent: AgentIdentity, decision: 'approve' | 'reject', note?: string) {
    const actionId = row.action_id!;
    const decided =
      decision === 'approve'
        ? await deps.orderActions.approve(actionId, { kind: 'agent', id: agent.email }).catch(async (err: unknown) => {
            await reopen(row.id);
            throw err;
          })
        : await deps.orderActions.reject(
            actionId,
            `${agent.name} did not approve this change: ${note}. Nothing was changed.`,
          );
    if (!decided.changed) return;
    await events.append(row.conversation_id, { type: 'action.updated', action: decided.action });
    const language = (await deps.languageOf?.(row.conversation_id)) ?? 'en';
    const said = approvalReply(decided.action, { agent: agent.name, note }, language);
    if (said) await tell(row.conversation_id, row.id, agent.name, said);
  }

  const reopen = (id: number) =>
    db.query(
      `UPDATE approvals SET status = 'pending', decided_by = NULL, decided_at = NULL, decision_note = NULL WHERE id = $1`,
      [id],
    );

  return {
    /** The order changes' approval gate, for the channel that confirms for shoppers. */
    orderGate,
    /** Tells `listener` about every new or decided approval. */
    onChange(listener: (a: Approval) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Why this change needs a person, or null when the assistant may make it. */
    reasonToHold(quantity: number, unitPriceMinor: number): string | null {
      if (quantity > deps.maxQuantity) return `quantity ${quantity} is over ${deps.maxQuantity}`;
      if (quantity * unitPriceMinor > maxLineMinor)
        return `line value ${fmt(quantity * unitPriceMinor)} is over ${fmt(maxLineMinor)}`;
      return null;
    },
    async hold(req: ApprovalRequest & { cartId: string }, reason: string): Promise<Approval> {
      const request: CartRequest = {
        sku: req.sku,
        quantity: req.quantity,
        title: req.title,
        lineValueMinor: req.quantity * req.unitPriceMinor,
        currency: req.currency,
        cartId: req.cartId,
      };
      const r = await db.query<Row>(
        `INSERT INTO approvals (conversation_id, tool, request, reason) VALUES ($1, $2, $3::jsonb, $4) RETURNING *`,
        [req.conversationId, req.tool, toJson(request), reason],
      );
      const a = toApproval(r.rows[0]);
      changed(a);
      return a;
    },
    async list(conversationId: string): Promise<Approval[]> {
      const r = await db.query<Row>(`${SELECT} WHERE a.conversation_id = $1 ORDER BY a.id`, [conversationId]);
      return r.rows.map(toApproval);
    },
    async pendingCounts(): Promise<Map<string, number>> {
      const r = await db.query<{ conversation_id: string; n: number }>(
        `SELECT conversation_id, count(*)::int AS n FROM approvals WHERE status = 'pending' GROUP BY conversation_id`,
      );
      return new Map(r.rows.map((x) => [x.conversation_id, x.n]));
    },
    /**
     * Approves (making the change as the agent) or rejects; exactly once. A cart approval may
     * change the quantity; rejecting an order change needs the agent's reason, which the shopper reads.
     */
    async decide(
      id: number,
      agent: AgentIdentity,
      decision: 'approve' | 'reject',
      opts: { quantity?: number; note?: string } = {},
    ): Promise<Approval> {
      const current = await db.query<Row>('SELECT * FROM approvals WHERE id = $1', [id]);
      if (!current.rows[0]) throw new NotFoundError('approval:not_found', 'No such approval.');
      const isOrder = current.rows[0].action_id !== null;
      if (isOrder && decision === 'reject' && !opts.note) {
        throw new ValidationError('approval:note_required', 'Say why you reject it: the shopper is told.');
      }
      // An approval with an edited quantity records the quantity that was actually added.
      const quantity = decision === 'approve' && !isOrder ? (opts.quantity ?? null) : null;
      const r = await db.query<Row>(
        `UPDATE approvals SET status = $2, decided_by = $3, decided_at = now(), decision_note = $5,
           request = CASE WHEN $4::int IS NULL THEN request ELSE jsonb_set(request, '{quantity}', to_jsonb($4::int)) END
         WHERE id = $1 AND status = 'pending' RETURNING *`,
        [id, decision === 'approve' ? 'approved' : 'rejected', agent.email, quantity, opts.note ?? null],
      );
      const row = r.rows[0];
      if (!row) throw new ConflictError('approval:decided', 'This request was already decided.');
      if (isOrder) await decideOrder(row, agent, decision, opts.note);
      else if (decision === 'approve') await approveCart(row, agent);
      else await tellCartDecision(row, agent, 'reject');
      const a = await load(id);
      changed(a);
      return a;
    },
  };
}

export type Approvals = ReturnType<typeof createApprovals>;
