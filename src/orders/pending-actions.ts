import { randomUUID } from 'node:crypto';
import { toJson, type Database } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { applyOrderPlan, type OrderActor } from './order-apply.js';
import { OrderRefused, type OrderChange, type OrderChangeKind } from './order-change.js';
import { planOrderChange } from './order-plans.js';
import type { OrderRules } from './order-rules.js';

export type PendingActionStatus = 'pending' | 'done' | 'cancelled' | 'expired' | 'refused';

/** A prepared change as the shopper and the console see it. */
export interface PendingActionView {
  id: string;
  kind: OrderChangeKind;
  summary: string;
  expiresAt: string;
  status: PendingActionStatus;
  /** What happened once it ran, or why it could not. */
  outcome: string | null;
}

/** A decision's result: the action as it now is, and whether this call decided it. */
export interface Decided {
  action: PendingActionView;
  changed: boolean;
}

interface Row {
  id: string;
  conversation_id: string;
  customer_id: string;
  kind: OrderChangeKind;
  args: OrderChange;
  summary: string;
  status: PendingActionStatus | 'awaiting_approval';
  expires_at: Date;
  result: { outcome?: string } | null;
}

function view(r: Row, now: Date): PendingActionView {
  const expired = r.status === 'pending' && new Date(r.expires_at) <= now;
  return {
    id: r.id,
    kind: r.kind,
    summary: r.summary,
    expiresAt: new Date(r.expires_at).toISOString(),
    status: expired ? 'expired' : r.status === 'awaiting_approval' ? 'pending' : r.status,
    outcome: r.result?.outcome ?? null,
  };
}

/**
 * Order changes in two steps. `prepare` checks a change and keeps it waiting, changing nothing;
 * only `confirm` — the shopper's own confirm event, or their plain yes the server recognised —
 * runs it, once: the rules are checked again on the order as it is then, and confirming twice
 * returns the first outcome. The model has no way to confirm.
 */
export function createOrderActions(deps: { db: Database; rules: OrderRules; currency: string; now?: () => Date }) {
  const { db, rules } = deps;
  const now = deps.now ?? (() => new Date());
  const planOpts = { currency: deps.currency };

  return {
    rules,

    async prepare(at: { conversationId: string; customerId: string }, change: OrderChange): Promise<PendingActionView> {
      const plan = await planOrderChange(db, at.customerId, change, rules, { ...planOpts, now: now() });
      const expires = new Date(now().getTime() + rules.confirmMinutes * 60_000);
      const id = `act_${randomUUID()}`;
      const row = await db.transaction(async (tx) => {
        // One question at a time: a new change replaces one still waiting.
        await tx.query(
          `UPDATE pending_actions SET status = 'cancelled', decided_at = now() WHERE conversation_id = $1 AND status = 'pending'`,
          [at.conversationId],
        );
        const r = await tx.query<Row>(
          `INSERT INTO pending_actions (id, conversation_id, customer_id, kind, order_id, args, summary, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) RETURNING *`,
          [
            id,
            at.conversationId,
            at.customerId,
            change.kind,
            'orderId' in change ? change.orderId : null,
            toJson(plan.change),
            plan.summary,
            expires,
          ],
        );
        return r.rows[0];
      });
      return view(row, now());
    },

    /** Runs the action for the shopper who confirmed it; an expired, cancelled or refused one stays so. */
    async confirm(conversationId: string, actionId: string, actor: OrderActor): Promise<Decided> {
      const result = await db.transaction(async (tx) => {
        const r = await tx.query<Row>(
          'SELECT * FROM pending_actions WHERE id = $1 AND conversation_id = $2 FOR UPDATE',
          [actionId, conversationId],
        );
        const row = r.rows[0];
        if (!row) throw new NotFoundError('action:not_found', 'There is no such change waiting for you.');
        const current = view(row, now());
        if (current.status !== 'pending') return { row, refused: null, changed: false };
        try {
          const plan = await planOrderChange(tx, row.customer_id, row.args, rules, {
            ...planOpts,
            now: now(),
            forUpdate: true,
          });
          await applyOrderPlan(tx, row.customer_id, plan, actor);
          const done = await tx.query<Row>(
            `UPDATE pending_actions SET status = 'done', decided_at = now(), result = $2::jsonb WHERE id = $1 RETURNING *`,
            [actionId, toJson({ outcome: plan.done })],
          );
          return { row: done.rows[0], refused: null, changed: true };
        } catch (err) {
          if (err instanceof OrderRefused) return { row, refused: err.message, changed: true };
          throw err;
        }
      });
      if (result.refused === null) return { action: view(result.row, now()), changed: result.changed };
      // The rules no longer allow it (the order moved on meanwhile): say so, and keep it closed.
      const closed = await db.query<Row>(
        `UPDATE pending_actions SET status = 'refused', decided_at = now(), result = $2::jsonb WHERE id = $1 RETURNING *`,
        [actionId, toJson({ outcome: result.refused })],
      );
      return { action: view(closed.rows[0], now()), changed: true };
    },

    async cancel(conversationId: string, actionId: string): Promise<Decided> {
      const before = await db.query<Row>('SELECT * FROM pending_actions WHERE id = $1 AND conversation_id = $2', [
        actionId,
        conversationId,
      ]);
      const was = before.rows[0] ? view(before.rows[0], now()).status : null;
      const r = await db.query<Row>(
        `UPDATE pending_actions SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
           decided_at = coalesce(decided_at, now()), result = coalesce(result, '{"outcome":"Cancelled: nothing was changed."}'::jsonb)
         WHERE id = $1 AND conversation_id = $2 RETURNING *`,
        [actionId, conversationId],
      );
      if (!r.rows[0]) throw new NotFoundError('action:not_found', 'There is no such change waiting for you.');
      const v = view(r.rows[0], now());
      if (v.status === 'done') throw new ConflictError('action:done', 'That change was already made.');
      return { action: v, changed: was === 'pending' };
    },

    /** The changes of this conversation still waiting for the shopper, newest first. */
    async waiting(conversationId: string): Promise<PendingActionView[]> {
      const r = await db.query<Row>(
        `SELECT * FROM pending_actions WHERE conversation_id = $1 AND status = 'pending' AND expires_at > now()
         ORDER BY created_at DESC`,
        [conversationId],
      );
      return r.rows.map((x) => view(x, now()));
    },
  };
}

export type OrderActions = ReturnType<typeof createOrderActions>;
