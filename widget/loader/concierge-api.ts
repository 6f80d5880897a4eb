import type { CartPayload } from '../../src/chat/protocol.js';
import type { Customer, DemoOrder, StatusInfo } from './frame-messages.js';

export interface ConciergeEvents {
  /** The chat connected; sent again after a sign-in or sign-out switches the session. */
  ready: { conversationId: string; customer: Customer };
  /** The shopper's cart changed (from the chat, the assistant, an agent or the page). */
  cart: CartPayload;
  /** The conversation moved between assistant, queue, human agent and closed. */
  status: StatusInfo;
}

/**
 * `window.Concierge`, set by `widget.js`. Commands return promises that settle when the chat
 * answers; `on()` listeners get the latest value at once if there is one, then every change.
 * A page whose script may run first can wait for the `concierge:load` window event.
 */
export interface ConciergeApi {
  open(): void;
  close(): void;
  /** Sends a message as the shopper (the chat opens). */
  send(text: string): Promise<void>;
  addToCart(sku: string, quantity?: number): Promise<CartPayload>;
  /** Sets a cart line's quantity; 0 removes it. */
  setQuantity(sku: string, quantity: number): Promise<CartPayload>;
  /** Signs the shopper in with the HMAC the shop's backend computed; null id = sign out. */
  signIn(customerId: string | null, customerHash?: string): Promise<Customer>;
  signOut(): Promise<Customer>;
  /** The demo checkout: places an order for the cart (built-in carts only) and empties it. */
  checkout(): Promise<DemoOrder>;
  on<K extends keyof ConciergeEvents>(event: K, fn: (value: ConciergeEvents[K]) => void): () => void;
}

declare global {
  interface Window {
    Concierge?: ConciergeApi;
  }
}
