import type { RejectedAction } from './replay.js';

/**
 * Gold actions of tasks-train.json that tau2's own tools reject, each checked by hand against the
 * task's scenario. tau2's replay swallows these errors (src/tau2/evaluator/evaluator_env.py): a failed
 * read changes nothing; a failed write leaves the gold state "incomplete" and tau2 does not score the
 * task's DB match then. Any rejection not listed here is a bug in the reference or in the data.
 */
export const KNOWN_TRAIN_REJECTIONS: readonly (Omit<RejectedAction, 'error'> & { why: string })[] = [
  ...['2', '3', '4'].map((taskId) => ({
    taskId,
    actionIndex: 1,
    name: 'get_product_details',
    why: "product '6086499569' is the example id from the tool's description, not a product",
  })),
  ...['35', '37'].map((taskId) => ({
    taskId,
    actionIndex: 0,
    name: 'find_user_id_by_email',
    why: 'the user gives two emails; the first is not on file',
  })),
  ...['46', '47'].flatMap((taskId) =>
    [1, 2].map((actionIndex) => ({
      taskId,
      actionIndex,
      name: 'get_order_details',
      why: "the user gives order ids without the 'W' first (#9502126, #9502127), as the scenario says",
    })),
  ),
  { taskId: '54', actionIndex: 0, name: 'find_user_id_by_email', why: 'the first of her two emails is not on file' },
  ...[0, 1].map((actionIndex) => ({
    taskId: '67',
    actionIndex,
    name: 'find_user_id_by_name_zip',
    why: 'the scenario gives the wrong zips 98178 and 98186 before 98187',
  })),
  {
    taskId: '105',
    actionIndex: 0,
    name: 'exchange_delivered_order_items',
    why: 'a WRITE: the $21.10 difference exceeds gift card gift_card_7245904 ($17.00); the expected db stays unchanged',
  },
];

const key = (r: Pick<RejectedAction, 'taskId' | 'actionIndex' | 'name'>) => `${r.taskId}/${r.actionIndex}/${r.name}`;
const KNOWN = new Set(KNOWN_TRAIN_REJECTIONS.map(key));

export const isKnownRejection = (r: RejectedAction): boolean => KNOWN.has(key(r));
