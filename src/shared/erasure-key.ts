import { createHash } from 'node:crypto';

/** The tombstone key of an erased customer: a hash of the id, never the id itself. */
export const erasureKey = (customerId: string) => createHash('sha256').update(customerId).digest('hex');
