import { applyAction, isWriteAction, type ReferenceOptions } from './reference-actions.js';
import type { DiffScope } from './state-diff.js';
import type { Tau2Action, Tau2Db, Tau2Task } from './tau2-db.js';
import { Tau2ActionError } from './tau2-lookup.js';

/** A gold action that the tool rejected: tau2 returns the error to the agent and the db stays as it was. */
export interface RejectedAction {
  taskId: string;
  actionIndex: number;
  name: string;
  error: string;
}

const goldActions = (task: Tau2Task): Tau2Action[] => task.evaluation_criteria.actions ?? [];

/**
 * The expected db after a task: its gold actions applied in order to a deep copy of `db` (the input
 * is never changed). Some gold actions are rejected on purpose (a wrong email the user gives first,
 * an exchange the gift card cannot cover): as in tau2's replay, they change nothing and the replay
 * goes on. They are returned so callers can check them against known-rejections.ts.
 */
export function replayGoldDetailed(db: Tau2Db, task: Tau2Task, options: ReferenceOptions = {}) {
  const copy = structuredClone(db);
  const rejected: RejectedAction[] = [];
  goldActions(task).forEach((action, actionIndex) => {
    try {
      applyAction(copy, action, options);
    } catch (error) {
      if (!(error instanceof Tau2ActionError)) throw error;
      rejected.push({ taskId: task.id, actionIndex, name: action.name, error: error.message });
    }
  });
  // tau2 calls the gold state incomplete (and leaves the DB unscored) when a write was rejected.
  const complete = rejected.every((r) => !isWriteAction(r.name));
  return { db: copy, rejected, complete };
}

/** The expected db after a task's gold actions (see replayGoldDetailed). */
export const replayGold = (db: Tau2Db, task: Tau2Task, options: ReferenceOptions = {}): Tau2Db =>
  replayGoldDetailed(db, task, options).db;

export const countWrites = (task: Tau2Task): number => goldActions(task).filter((a) => isWriteAction(a.name)).length;

/**
 * The orders and users a task's gold writes name (with each order's owner), for a diff restricted
 * to what the task may change. Read from the db before the task.
 */
export function taskScope(db: Tau2Db, task: Tau2Task): Required<DiffScope> {
  const orders = new Set<string>();
  const users = new Set<string>();
  for (const action of goldActions(task).filter((a) => isWriteAction(a.name))) {
    const { order_id: orderId, user_id: userId } = action.arguments;
    if (typeof orderId === 'string') orders.add(orderId);
    if (typeof userId === 'string') users.add(userId);
    const owner = typeof orderId === 'string' ? db.orders[orderId]?.user_id : undefined;
    if (owner) users.add(owner);
  }
  return { users: [...users].sort(), orders: [...orders].sort() };
}
