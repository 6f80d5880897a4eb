import type { CartStore } from '../carts/cart-store.js';
import { money, toMinor } from '../catalog/money.js';
import type { EventLog } from '../conversations/event-log.js';
import { toCartPayload } from '../conversations/product-cards.js';
import type { Database } from '../db/database.js';
import { toJson } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { AgentIdentity } from '../identity/agent-accounts.js';
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
  request: { sku: string; quantity: number; title: string; lineValueMinor: number; currency: string; cartId: string };
}

const toApproval = (r: Row): Approval => ({
  id: r.id,
  conversationId: r.conversation_id,
  tool: r.tool,
  request: {
    sku: r.request.sku,
    quantity: r.request.quantity,
    title: r.request.title,
    lineValue: money(r.request.lineValueMinor, r.request.currency),
  },
  reason: r.reason,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Assistant cart changes above configured thresholds (a quantity, a line value) wait for a
 * person: the console approves (maybe with another quantity) or rejects; the shopper is told.
 */
export function createApprovals(deps: {
  db: Database;
  events: EventLog;
  carts: CartStore;
  maxQuantity: number;
  maxLineValue: number;
  currency: string;
}) {
  const { db, events } = deps;
  const maxLineMinor = toMinor(deps.maxLineValue, deps.currency);
  const listeners = new Set<(a: Approval) => void>();
  const changed = (a: Approval) => listeners.forEach((l) => l(a));
  return {
    /** Tells `listener` about every new or decided approval. */
    onChange(listener: (a: Approval) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Why this change needs a person, or null when the assistant may make it. */
    reasonToHold(quantity: number, unitPriceMinor: number): string | null {
      if (quantity > deps.maxQuantity) return `quantity ${quantity} is over ${deps.maxQuantity}`;
      if (quantity * unitPriceMinor > maxLineMinor)
        return `line value ${money(quantity * unitPriceMinor, deps.currency).formatted} is over ${money(maxLineMinor, deps.currency).formatted}`;
      return null;
    },
    async hold(req: ApprovalRequest & { cartId: string }, reason: string): Promise<Approval> {
      const r = await db.query<Row>(
        `INSERT INTO approvals (conversation_id, tool, request, reason) VALUES ($1, $2, $3::jsonb, $4) RETURNING *`,
        [
          req.conversationId,
          req.tool,
          toJson({
            sku: req.sku,
            quantity: req.quantity,
            title: req.title,
            lineValueMinor: req.quantity * req.unitPriceMinor,
            currency: req.currency,
            cartId: req.cartId,
          }),
          reason,
        ],
      );
      const a = toApproval(r.rows[0]);
      changed(a);
      return a;
    },
    async list(conversationId: string): Promise<Approval[]> {
      const r = await db.query<Row>('SELECT * FROM approvals WHERE conversation_id = $1 ORDER BY id', [conversationId]);
      return r.rows.map(toApproval);
    },
    async pendingCounts(): Promise<Map<string, number>> {
      const r = await db.query<{ conversation_id: string; n: number }>(
        `SELECT conversation_id, count(*)::int AS n FROM approvals WHERE status = 'pending' GROUP BY conversation_id`,
      );
      return new Map(r.rows.map((x) => [x.conversation_id, x.n]));
    },
    /** Approves (making the cart change as the agent) or rejects; exactly once. */
    async decide(
      id: number,
      agent: AgentIdentity,
      decision: 'approve' | 'reject',
      quantity?: number,
    ): Promise<Approval> {
      // An approval with an edited quantity records the quantity that was actually added.
      const r = await db.query<Row>(
        `UPDATE approvals SET status = $2, decided_by = $3, decided_at = now(),
           request = CASE WHEN $4::int IS NULL THEN request ELSE jsonb_set(request, '{quantity}', to_jsonb($4::int)) END
         WHERE id = $1 AND status = 'pending' RETURNING *`,
        [
          id,
          decision === 'approve' ? 'approved' : 'rejected',
          agent.email,
          decision === 'approve' ? (quantity ?? null) : null,
        ],
      );
      const row = r.rows[0];
      if (!row) {
        const exists = await db.query('SELECT 1 FROM approvals WHERE id = $1', [id]);
        if (exists.rows.length === 0) throw new NotFoundError('approval:not_found', 'No such approval.');
        throw new ConflictError('approval:decided', 'This request was already decided.');
      }
      const qty = row.request.quantity;
      if (decision === 'approve') {
        const actor = { kind: 'agent' as const, id: agent.email };
        const change =
          row.tool === 'update_cart_item'
            ? deps.carts.setQuantity(row.request.cartId, row.request.sku, qty, actor)
            : deps.carts.add(row.request.cartId, row.request.sku, qty, actor);
        const cart = await change.catch(async (err: unknown) => {
          // The cart refused (e.g. stock ran out): the request stays open for another decision.
          await db.query(
            `UPDATE approvals SET status = 'pending', decided_by = NULL, decided_at = NULL WHERE id = $1`,
            [id],
          );
          throw err;
        });
        await events.append(row.conversation_id, { type: 'cart.updated', cart: toCartPayload(cart), actor: 'agent' });
        await events.append(row.conversation_id, {
          type: 'message.created',
          messageId: `approval_${id}`,
          role: 'system',
          text: `${agent.name} approved: ${qty} × ${row.request.title} added to your cart.`,
          author: agent.name,
        });
      } else {
        await events.append(row.conversation_id, {
          type: 'message.created',
          messageId: `approval_${id}`,
          role: 'system',
          text: `${agent.name} could not approve adding ${row.request.quantity} × ${row.request.title}. They can help you here.`,
          author: agent.name,
        });
      }
      const a = toApproval(row);
      changed(a);
      return a;
    },
  };
}

export type Approvals = ReturnType<typeof createApprovals>;
