import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../shared/language.js';
import type { ToolCall } from './model.js';

const chips = z.array(z.string().min(1)).min(1);
const setSchema = z.strictObject({ cart: chips, list: chips, policy: chips, orders: chips, start: chips });
/** The buttons' words per language (`quick-replies.json`): what the shopper sends by tapping one. */
const CHIPS = z
  .record(z.enum(LANGUAGES), setSchema)
  .parse(JSON.parse(readFileSync(path.join(import.meta.dirname, 'quick-replies.json'), 'utf8')));

/** A few next steps to offer as buttons, from what the turn did, in the conversation's language. */
export function quickReplies(
  calls: ToolCall[],
  opts: { productCount: number; signedIn: boolean; language?: Language },
): string[] {
  const words = CHIPS[opts.language ?? 'en'];
  const names = new Set(calls.map((c) => c.name));
  if (names.has('request_human')) return [];
  if (names.has('add_to_cart') || names.has('update_cart_item') || names.has('remove_from_cart')) return words.cart;
  if (opts.productCount > 1) return words.list;
  if (names.has('search_policies')) return words.policy;
  if (names.has('get_order_status') || names.has('get_orders')) return opts.signedIn ? words.orders : [];
  if (calls.length === 0) return words.start;
  return [];
}
