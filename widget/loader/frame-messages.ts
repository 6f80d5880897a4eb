import type {
  CartPayload,
  ConversationStatusValue,
  PlatformCartAnswer,
  PlatformCartCommand,
} from '../../src/chat/protocol.js';
import type { PlatformCartSnapshot, PlatformName } from './platforms/platform-cart.js';

/**
 * Messages between the loader (the shop's page) and the chat iframe (the server's origin).
 * Both sides post with an explicit target origin and accept only messages whose `event.origin`
 * is the other side's origin and whose `event.source` is the other window.
 */
export type Customer = { id: string; firstName: string } | null;

export interface StatusInfo {
  status: ConversationStatusValue;
  agentName: string | null;
  queuePosition: number | null;
}

/** What the shop's page can ask of the chat. Each command gets one `result` back. */
export type Command =
  | { name: 'send'; text: string }
  | { name: 'addToCart'; sku: string; quantity: number }
  | { name: 'setQuantity'; sku: string; quantity: number }
  | { name: 'signIn'; customerId: string; customerHash: string }
  | { name: 'signOut' }
  /** The demo storefront's checkout (built-in carts only): places an order for the cart. */
  | { name: 'checkout' };

/** An order the demo checkout placed (POST /api/storefront/checkout). */
export interface DemoOrder {
  id: string;
  placedAt: string;
  itemCount: number;
  total: { amount: number; currency: string; formatted: string };
  conversationId: string | null;
}

export type ParentToFrame =
  | {
      type: 'concierge:init';
      identity: { customerId: string; customerHash: string } | null;
      open: boolean;
      /** The shop platform this page is on (its cart API is same-origin here), if any. */
      platform: PlatformName | null;
    }
  | { type: 'concierge:visibility'; open: boolean }
  | { type: 'concierge:command'; id: number; command: Command }
  /** The platform's cart as the page just read it (the chat opened, the theme changed it, focus). */
  | { type: 'concierge:platform-cart'; cart: PlatformCartSnapshot }
  /** The page's answer to a `platform-command`. */
  | { type: 'concierge:platform-result'; id: number; answer: PlatformCartAnswer };

export type FrameToParent =
  | { type: 'concierge:hello' }
  | { type: 'concierge:ready'; conversationId: string; customer: Customer }
  | { type: 'concierge:cart'; cart: CartPayload }
  | { type: 'concierge:status'; status: StatusInfo }
  /** `text` says the count in the chat's language, for screen readers on the launcher. */
  | { type: 'concierge:unread'; count: number; text: string }
  /** The chat now speaks `language`: the launcher's words (from the chat's catalogs) and side follow. */
  | { type: 'concierge:language'; language: string; dir: 'ltr' | 'rtl'; open: string; title: string }
  | { type: 'concierge:close' }
  /** The server changes this page's platform cart: tag it with the conversation, report it, watch it. */
  | { type: 'concierge:platform-active'; conversationId: string }
  /** Apply this to the platform's cart and answer with a `platform-result`. */
  | { type: 'concierge:platform-command'; id: number; command: PlatformCartCommand }
  | { type: 'concierge:result'; id: number; ok: true; data: unknown }
  | { type: 'concierge:result'; id: number; ok: false; error: { code: string; message: string } };

/** True for an object whose `type` is one of ours; the caller has already checked origin and source. */
export function isOurMessage<T extends { type: string }>(data: unknown): data is T {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('concierge:')
  );
}
