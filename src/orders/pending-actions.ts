import { randomUUID } from 'node:crypto';
import { toJson, type Database, type Queryable } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { OrderChangeDetail, OrderRefusal } from '../shared/order-change-detail.js';
import { applyOrderPlan, type OrderActor } from './order-apply.js';
import { OrderRefused, type OrderChange, type OrderChangeKind } from './order-change.js';
import { planOrderChange } from './order-plans.js';
import type { OrderRules } from './order-rules.js';

export type PendingActionStatus = 'pending' | 'awaiting_approval' | 'done' | 'cancelled' | 'expired' | 'refused';

/** A prepared change as the shopper and the console see it. */
export interface PendingActionView {
  id: string;
  kind: OrderChangeKind;
  summary: string;
  expiresAt: string;
  status: PendingActionStatus;
  /** What happened once it ran, or why it could not (English). */
  outcome: string | null;
  /** The change as data (once done, as it ran); null for one prepared before changes were kept as data. */
  detail: OrderChangeDetail | null;
  /** Why the shop's rules refused it, as data; null otherwise (and for a person's rejection, said in `outcome`). */
  refusal: OrderRefusal | null;
}

/** An action as the console lists it: who prepared it (an agent's email, or null for the shopper's assistant). */
export interface OrderActionView extends PendingActionView {
  preparedBy: string | null;
  createdAt: string;
}

/** A decision's result: the action as it now is, and whether this call decided it. */
export interface Decided {
  action: PendingActionView;
  changed: boolean;
}

/** What a held change asks a person to approve. */
export interface HeldOrderAction {
  conversationId: string;
  actionId: string;
  kind: OrderChangeKind;
  orderId: string | null;
  summary: string;
  refundValueMinor: number;
  currency: string;
}

/**
 * A person's approval for changes that send much money back (the console's approvals). The
 * channel that confirms for a shopper passes it; an agent's own change needs none.
 */
export interface OrderApprovalGate {
  /** Why a change refunding this much needs a person, or null. */
  reasonToHold(refundValueMinor: number): string | null;
  /** Records the request in the caller's transaction; returns what to do once that committed. */
  hold(tx: Queryable, held: HeldOrderAction, reason: string): Promise<() => void>;
}

interface Row {
  id: string;
  conversation_id: string;
  customer_id: string;
  kind: OrderChangeKind;
  order_id: string | null;
  args: OrderChange;
  summary: string;
  status: PendingActionStatus;
  expires_at: Date;
  created_at: Date;
  prepared_by: string | null;
  detail: OrderChangeDetail | null;
  result: Outcome | null;
}

/** What a decision left in `result`: the English outcome, and the change as it ran or why it was refused. */
interface Outcome {
  outcome?: string;
  detail?: OrderChangeDetail;
  refusal?: OrderRefusal;
}

function view(r: Row, now: Date): PendingActionView {
  const expired = r.status === 'pending' && new Date(r.expires_at) <= now;
  return {
    id: r.id,
    kind: r.kind,
    summary: r.summary,
    expiresAt: new Date(r.expires_at).toISOString(),
    status: expired ? 'expired' : r.status,
    outcome: r.result?.outcome ?? null,
    detail: r.result?.detail ?? r.detail ?? null,
    refusal: r.result?.refusal ?? null,
  };
}

const NOT_FOUND = 'There is no such change waiting for you.';

/** Who may run an action: the shopper (their assistant's), an agent (their console's), or an approver (a held one). */
type Runner =
  | { by: 'shopper'; conversationId: string; gate?: OrderApprovalGate }
  | { by: 'agent'; conversationId: string }
  | { by: 'approver' };

const FROM_STATUS: Record<Runner['by'], PendingActionStatus> = {
  shopper: 'pending',
  agent: 'pending',
  approver: 'awaiting_approval',
};

/**
 * Order changes in two steps. `prepare` checks a change and keeps it waiting, changing nothing;
 * only `confirm` — the shopper's own confirm event, or their plain yes the server recognised —
 * runs it, once: the rules are checked again on the order as it is then, and confirming twice
 * returns the first outcome. The model has no way to confirm. A change refunding more than the
 * approval gate allows waits for a person (`approve` / `reject`). An agent prepares and
 * `execute`s changes of their own from the console, under the same rules.
 */
export function createOrderActions(deps: { db: Database; rules: OrderRules; currency: string; now?: () => Date }) {
  const { db, rules } = deps;
  const now = deps.now ?? (() => new Date());
  const planOpts = { currency: deps.currency };

  const update = async (q: Queryable, id: string, status: PendingActionStatus, result: Outcome) =>
    (
      await q.query<Row>(
        `UPDATE pending_actions SET status = $2, decided_at = now(), result = $3::jsonb WHERE id = $1 RETURNING *`,
        [id, status, toJson(result)],
      )
    ).rows[0];

  async function lockRow(tx: Queryable, actionId: string, runner: Runner): Promise<Row> {
    const r = await tx.query<Row>('SELECT * FROM pending_actions WHERE id = $1 FOR UPDATE', [actionId]);
    const row = r.rows[0];
    const mine =
      row &&
      (runner.by === 'approver' ||
        (row.conversation_id === runner.conversationId && (row.prepared_by !== null) === (runner.by === 'agent')));
    if (!mine) throw new NotFoundError('action:not_found', NOT_FOUND);
    return row;
  }

  /** Runs a waiting action once, with the rules checked again; a shopper's big refund is held instead. */
  async function run(actionId: string, runner: Runner, actor: OrderActor): Promise<Decided> {
    let afterCommit = () => {};
    const result = await db.transaction(async (tx) => {
      const row = await lockRow(tx, actionId, runner);
      if (view(row, now()).status !== FROM_STATUS[runner.by]) return { row, refused: null, changed: false };
      try {
        const plan = await planOrderChange(tx, row.customer_id, row.args, rules, {
          ...planOpts,
          now: now(),
          forUpdate: true,
        });
        const gate = runner.by === 'shopper' ? runner.gate : undefined;
        const why = gate?.reasonToHold(plan.refundValueMinor);
        if (gate && why) {
          const held = { conversationId: row.conversation_id, actionId, kind: row.kind, orderId: row.order_id };
          afterCommit = await gate.hold(
            tx,
            { ...held, summary: row.summary, refundValueMinor: plan.refundValueMinor, currency: plan.currency },
            why,
          );
          const waiting = `This needs a person's approval first (${why}): someone from our team will look at it, and you will see the outcome here. Nothing has changed yet.`;
          const outcome = { outcome: waiting, detail: plan.detail };
          return { row: await update(tx, actionId, 'awaiting_approval', outcome), refused: null, changed: true };
        }
        await applyOrderPlan(tx, row.customer_id, plan, actor);
        const outcome = { outcome: plan.done, detail: plan.detail };
        return { row: await update(tx, actionId, 'done', outcome), refused: null, changed: true };
      } catch (err) {
        if (err instanceof OrderRefused) {
          const refused: Outcome = { outcome: err.message, ...(err.refusal ? { refusal: err.refusal } : {}) };
          return { row, refused, changed: true };
        }
        throw err;
      }
    });
    afterCommit();
    if (result.refused === null) return { action: view(result.row, now()), changed: result.changed };
    // The rules no longer allow it (the order moved on meanwhile): say so, and keep it closed.
    return { action: view(await update(db, actionId, 'refused', result.refused), now()), changed: true };
  }

  return {
    rules,

    /** Checks a change and keeps it waiting; `preparedBy` (an agent's email) makes it the agent's to run. */
    async prepare(
      at: { conversationId: string; customerId: string },
      change: OrderChange,
      preparedBy: string | null = null,
    ): Promise<PendingActionView> {
      const plan = await planOrderChange(db, at.customerId, change, rules, { ...planOpts, now: now() });
      const expires = new Date(now().getTime() + rules.confirmMinutes * 60_000);
      const id = `act_${randomUUID()}`;
      const row = await db.transaction(async (tx) => {
        // One question at a time: a new change replaces one still waiting for the shopper.
        if (preparedBy === null) {
          await tx.query(
            `UPDATE pending_actions SET status = 'cancelled', decided_at = now()
             WHERE conversation_id = $1 AND status = 'pending' AND prepared_by IS NULL`,
            [at.conversationId],
          );
        }
        const r = await tx.query<Row>(
          `INSERT INTO pending_actions (id, conversation_id, customer_id, kind, order_id, args, summary, expires_at, prepared_by, detail)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb) RETURNING *`,
          [
            id,
            at.conversationId,
            at.customerId,
            change.kind,
            'orderId' in change ? change.orderId : null,
            toJson(plan.change),
            plan.summary,
            expires,
            preparedBy,
            toJson(plan.detail),
          ],
        );
        return r.rows[0];
      });
      return view(row, now());
    },

    /**
     * Runs the action for the shopper who confirmed it; an expired, cancelled or refused one stays
     * so. With a gate, a change refunding too much waits for a person instead.
     */
    confirm(conversationId: string, actionId: string, actor: OrderActor, gate?: OrderApprovalGate): Promise<Decided> {
      return run(actionId, { by: 'shopper', conversationId, gate }, actor);
    },

    /** Runs a change an agent prepared in the console, as that agent, once; a refusal by the rules is thrown. */
    async execute(conversationId: string, actionId: string, agentEmail: string): Promise<Decided> {
      const decided = await run(actionId, { by: 'agent', conversationId }, { kind: 'agent', id: agentEmail });
      const { action } = decided;
      if (action.status === 'refused') throw new OrderRefused(action.outcome ?? 'The rules do not allow this change.');
      if (action.status !== 'done') {
        throw new ConflictError('action:decided', `This change is ${action.status}: prepare it again.`);
      }
      return decided;
    },

    /** A person approved a held change: it runs as them, once, with the rules checked again. */
    approve(actionId: string, actor: OrderActor): Promise<Decided> {
      return run(actionId, { by: 'approver' }, actor);
    },

    /** A person rejected a held change: it closes with their reason, nothing changed. */
    async reject(actionId: string, outcome: string): Promise<Decided> {
      const r = await db.query<Row>(
        `UPDATE pending_actions SET status = 'refused', decided_at = now(), result = $2::jsonb
         WHERE id = $1 AND status = 'awaiting_approval' RETURNING *`,
        [actionId, toJson({ outcome })],
      );
      if (r.rows[0]) return { action: view(r.rows[0], now()), changed: true };
      const was = await db.query<Row>('SELECT * FROM pending_actions WHERE id = $1', [actionId]);
      if (!was.rows[0]) throw new NotFoundError('action:not_found', NOT_FOUND);
      return { action: view(was.rows[0], now()), changed: false };
    },

    async cancel(conversationId: string, actionId: string): Promise<Decided> {
      const before = await db.query<Row>(
        'SELECT * FROM pending_actions WHERE id = $1 AND conversation_id = $2 AND prepared_by IS NULL',
        [actionId, conversationId],
      );
      const was = before.rows[0] ? view(before.rows[0], now()).status : null;
      const r = await db.query<Row>(
        `UPDATE pending_actions SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
           decided_at = coalesce(decided_at, now()), result = coalesce(result, '{"outcome":"Cancelled: nothing was changed."}'::jsonb)
         WHERE id = $1 AND conversation_id = $2 AND prepared_by IS NULL RETURNING *`,
        [actionId, conversationId],
      );
      if (!r.rows[0]) throw new NotFoundError('action:not_found', NOT_FOUND);
      const v = view(r.rows[0], now());
      if (v.status === 'done') throw new ConflictError('action:done', 'That change was already made.');
      return { action: v, changed: was === 'pending' };
    },

    /** The changes of this conversation still waiting for the shopper, newest first. */
    async waiting(conversationId: string): Promise<PendingActionView[]> {
      const r = await db.query<Row>(
        `SELECT * FROM pending_actions WHERE conversation_id = $1 AND status = 'pending' AND expires_at > now()
           AND prepared_by IS NULL ORDER BY created_at DESC`,
        [conversationId],
      );
      return r.rows.map((x) => view(x, now()));
    },

    /** Every order change of this conversation (the shopper's and the agents'), newest first, for the console. */
    async list(conversationId: string, limit = 20): Promise<OrderActionView[]> {
      const r = await db.query<Row>(
        'SELECT * FROM pending_actions WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT $2',
        [conversationId, limit],
      );
      return r.rows.map((x) => ({
        ...view(x, now()),
        preparedBy: x.prepared_by,
        createdAt: new Date(x.created_at).toISOString(),
      }));
    },
  };
}

export type OrderActions = ReturnType<typeof createOrderActions>;
