import type { ToolCall } from './model.js';

/** A few next steps to offer as buttons, from what the turn did. */
export function quickReplies(calls: ToolCall[], opts: { productCount: number; signedIn: boolean }): string[] {
  const names = new Set(calls.map((c) => c.name));
  if (names.has('request_human')) return [];
  if (names.has('add_to_cart') || names.has('update_cart_item') || names.has('remove_from_cart'))
    return ['Show my cart', 'Keep shopping'];
  if (opts.productCount > 1) return ['Tell me about the first one', 'Show cheaper options', 'Only in stock'];
  if (names.has('search_policies')) return ['Shipping costs', 'How do I return an item?', 'Talk to a person'];
  if (names.has('get_order_status') || names.has('get_orders'))
    return opts.signedIn ? ['Show my orders', 'Talk to a person'] : [];
  if (calls.length === 0) return ['Show me gift ideas', 'Shipping costs', 'Talk to a person'];
  return [];
}
