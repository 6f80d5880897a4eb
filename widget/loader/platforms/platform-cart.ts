/**
 * The shop platform's own cart, driven from the shop's page (same origin as its cart API). The
 * server never talks to it: it sends the loader a cart command over the chat's socket, the
 * loader applies it here and reports the resulting snapshot back.
 */
export type PlatformName = 'shopify' | 'woocommerce';

/** One line of the platform's cart, in the platform's own ids. */
export interface PlatformCartLine {
  /** Shopify variant id, WooCommerce product or variation id (as a string). */
  variantId: string;
  quantity: number;
  sku: string | null;
  title: string;
  /** Unit price in minor units, as the platform charges it. */
  unitPriceMinor: number;
}

export interface PlatformCartSnapshot {
  platform: PlatformName;
  lines: PlatformCartLine[];
  currency: string;
  itemCount: number;
  /** Where the shopper pays: `/checkout` on Shopify, the shop's checkout page on WooCommerce. */
  checkoutUrl: string;
}

/** Why the platform refused a change; `unavailable` is a sold-out or unknown variant. */
export class PlatformCartError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected' | 'network',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlatformCartError';
  }
}

export interface PlatformCart {
  readonly platform: PlatformName;
  read(): Promise<PlatformCartSnapshot>;
  /** Adds to the line of this variant (creating it). */
  add(variantId: string, quantity: number): Promise<PlatformCartSnapshot>;
  /** Sets the line's quantity; 0 removes the line. */
  setQuantity(variantId: string, quantity: number): Promise<PlatformCartSnapshot>;
  /** Stores the conversation id on the cart (a cart attribute or its equivalent), for order attribution. */
  tagConversation(conversationId: string): Promise<void>;
  /** Makes the theme's cart count and drawer show the cart as it is now. */
  refreshTheme(): Promise<void>;
  /**
   * Calls `onChange` when the page's own code changes the cart (a cart request it makes) and when
   * the window regains focus; returns the unsubscribe function.
   */
  watch(onChange: () => void): () => void;
}
