import type { ReplyKey, Say } from './replies.js';

const STATUS_KEYS: Record<string, ReplyKey> = {
  pending: 'orderChange.status.pending',
  processed: 'orderChange.status.processed',
  shipped: 'orderChange.status.shipped',
  delivered: 'orderChange.status.delivered',
  cancelled: 'orderChange.status.cancelled',
  return_requested: 'orderChange.status.returnRequested',
  exchange_requested: 'orderChange.status.exchangeRequested',
  returned: 'orderChange.status.returned',
};

/** An order's status in the shopper's language ("pending" → "در انتظار پردازش"); an unknown one as written. */
export const orderStatusWord = (say: Say, status: string): string =>
  STATUS_KEYS[status] ? say(STATUS_KEYS[status]) : status.replace('_', ' ');
