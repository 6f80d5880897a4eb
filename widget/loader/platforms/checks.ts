/** Refuses a quantity that is not a whole number in range, before any request is made. */
export function checkQuantity(quantity: number, min: number): string | null {
  return Number.isSafeInteger(quantity) && quantity >= min && quantity <= 10_000
    ? null
    : `Invalid quantity ${quantity}`;
}

/**
 * Refuses a conversation id that is not the server's shape (`conv_<uuid>`): it ends up in a cart
 * attribute or a cookie, and in the order the shop's own code reads.
 */
export function checkConversationId(id: string): string | null {
  return /^[A-Za-z0-9_-]{1,100}$/.test(id) ? null : 'Invalid conversation id';
}
