import { type z } from 'zod';
import { type readArgs } from './action-args.js';
import type { Tau2Db } from './tau2-db.js';
import { getItem, getOrder, getProduct, getUser, Tau2ActionError } from './tau2-lookup.js';

type ReadArgs = { [K in keyof typeof readArgs]: z.infer<(typeof readArgs)[K]> };

/**
 * Case- and accent-insensitive, as tau2's lookups are (its fold_for_match; the exact folding is
 * our guess: NFD, drop combining marks, lower case). The zip must match exactly.
 */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The read tools change nothing, but they fail where tau2's fail (unknown order, user, product or item),
 * so a gold action that names a missing record is caught.
 */
export const readActions: { [K in keyof ReadArgs]: (db: Tau2Db, args: ReadArgs[K]) => void } = {
  find_user_id_by_email: (db, { email }) => {
    const found = Object.values(db.users).some((u) => fold(u.email) === fold(email));
    if (!found) throw new Tau2ActionError('User not found');
  },
  find_user_id_by_name_zip: (db, { first_name, last_name, zip }) => {
    const found = Object.values(db.users).some(
      (u) =>
        fold(u.name.first_name) === fold(first_name) &&
        fold(u.name.last_name) === fold(last_name) &&
        u.address.zip === zip,
    );
    if (!found) throw new Tau2ActionError('User not found');
  },
  get_order_details: (db, { order_id }) => void getOrder(db, order_id),
  get_product_details: (db, { product_id }) => void getProduct(db, product_id),
  get_item_details: (db, { item_id }) => void getItem(db, item_id),
  get_user_details: (db, { user_id }) => void getUser(db, user_id),
  list_all_product_types: () => undefined,
  calculate: (_db, { expression }) => {
    // tau2 evaluates the expression; only its character check can fail, and nothing is stored.
    if (!/^[0-9+\-*/(). ]*$/.test(expression)) throw new Tau2ActionError('Invalid characters in expression');
  },
  transfer_to_human_agents: () => undefined,
};
