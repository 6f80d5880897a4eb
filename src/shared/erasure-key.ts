import { createHash } from 'node:crypto';

/** The tombstone key of an erased customer: a hash of the id, never the id itself. */
export const erasureKey = (customerId: string) => createHash('sha256').update(customerId).digest('hex');

/** What an erased customer's order payments name instead of the method that paid them. */
export const ERASED_PAYMENT_METHOD = 'erased';
