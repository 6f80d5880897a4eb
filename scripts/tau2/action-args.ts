import { z } from 'zod';

/**
 * The arguments of tau2's retail tools, strict like a Python signature: a missing or unknown
 * argument makes the call fail, as it would in tau2.
 */
const orderId = z.string();
const itemIds = z.array(z.string());
const paymentMethodId = z.string();
const addressFields = {
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
  zip: z.string(),
};

export const cancelArgs = z.strictObject({ order_id: orderId, reason: z.string() });
export const orderAddressArgs = z.strictObject({ order_id: orderId, ...addressFields });
export const userAddressArgs = z.strictObject({ user_id: z.string(), ...addressFields });
export const paymentArgs = z.strictObject({ order_id: orderId, payment_method_id: paymentMethodId });
export const returnArgs = z.strictObject({
  order_id: orderId,
  item_ids: itemIds,
  payment_method_id: paymentMethodId,
});
/** Shared by modify_pending_order_items and exchange_delivered_order_items. */
export const swapArgs = z.strictObject({
  order_id: orderId,
  item_ids: itemIds,
  new_item_ids: itemIds,
  payment_method_id: paymentMethodId,
});

export const readArgs = {
  find_user_id_by_email: z.strictObject({ email: z.string() }),
  find_user_id_by_name_zip: z.strictObject({ first_name: z.string(), last_name: z.string(), zip: z.string() }),
  get_order_details: z.strictObject({ order_id: orderId }),
  get_product_details: z.strictObject({ product_id: z.string() }),
  get_item_details: z.strictObject({ item_id: z.string() }),
  get_user_details: z.strictObject({ user_id: z.string() }),
  list_all_product_types: z.strictObject({}),
  calculate: z.strictObject({ expression: z.string() }),
  transfer_to_human_agents: z.strictObject({ summary: z.string() }),
};

export type SwapArgs = z.infer<typeof swapArgs>;
