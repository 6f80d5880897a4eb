import type { NextOpening } from '../shared/business-hours.js';
import type { Language } from '../shared/language.js';
import type { OrderChangeDetail, OrderRefusal } from '../shared/order-change-detail.js';

/**
 * What a conversation's event log holds, as the shopper's widget and the agent console receive
 * it. Types only (no zod), so the browser bundles that import them stay small.
 */
export interface MoneyPayload {
  /** Minor units (cents). */
  amount: number;
  currency: string;
  formatted: string;
}

export interface ProductCard {
  handle: string;
  title: string;
  vendor: string;
  price: MoneyPayload;
  compareAtPrice?: MoneyPayload | null;
  inStock: boolean;
  image: string | null;
  optionNames: string[];
  variants: { sku: string; options: Record<string, string>; price: MoneyPayload; inStock: boolean }[];
}

export interface CartLinePayload {
  sku: string;
  handle: string;
  title: string;
  options: Record<string, string>;
  quantity: number;
  unitPrice: MoneyPayload;
  lineTotal: MoneyPayload;
  inStock: boolean;
  image: string | null;
}

export interface CartPayload {
  id: string;
  version: number;
  items: CartLinePayload[];
  itemCount: number;
  subtotal: MoneyPayload;
  /** The shop platform's checkout, when the cart is the platform's own. */
  checkoutUrl: string | null;
}

export const CONVERSATION_STATUSES = ['bot', 'queued', 'human', 'closed'] as const;
export type ConversationStatusValue = (typeof CONVERSATION_STATUSES)[number];

/** Who changed a cart, as the shopper sees it. */
export type CartActorKind = 'shopper' | 'assistant' | 'agent' | 'system';

/**
 * A change to an order the assistant prepared, waiting for (or past) the shopper's confirmation;
 * `awaiting_approval` once confirmed but held for a person in the console.
 */
export interface PendingActionPayload {
  id: string;
  kind: string;
  summary: string;
  expiresAt: string;
  status: 'pending' | 'awaiting_approval' | 'done' | 'cancelled' | 'expired' | 'refused';
  /** What happened once it ran, or why it could not. */
  outcome: string | null;
  /**
   * The change as data (once done, as it ran), and why the shop's rules refused it, so the widget
   * says them in the shopper's language; `summary` and `outcome` are English, for API clients
   * (absent in older events).
   */
  detail?: OrderChangeDetail | null;
  refusal?: OrderRefusal | null;
}

/** What happened in a conversation, in order. `seq` is gapless per conversation. */
export type ConversationEventBody =
  | {
      type: 'message.created';
      messageId: string;
      role: 'user' | 'agent' | 'system';
      text: string;
      author?: string | null;
      clientMessageId?: string | null;
    }
  | { type: 'message.started'; messageId: string; role: 'assistant' }
  | { type: 'message.delta'; messageId: string; text: string }
  | {
      type: 'message.completed';
      messageId: string;
      role: 'assistant';
      text: string;
      products: ProductCard[];
      quickReplies: string[];
      /** A change this reply asks the shopper to confirm (a card with Confirm and Cancel). */
      pendingAction?: PendingActionPayload | null;
      failed?: boolean;
      retryable?: boolean;
      /** The prompts' content hash that answered (only in the console's conversation detail). */
      promptVersion?: string;
      /** The version id of each prompt that answered (only in the console's conversation detail). */
      promptVersions?: Record<string, string>;
    }
  | { type: 'cart.updated'; cart: CartPayload; actor: CartActorKind }
  | { type: 'action.updated'; action: PendingActionPayload }
  | {
      type: 'status.changed';
      status: ConversationStatusValue;
      agentName?: string | null;
      queuePosition?: number | null;
      /** The notice in English, as API clients show it. */
      text?: string | null;
      /** The same notice as data, so the widget says it in the shopper's language (absent in older events). */
      notice?: StatusNotice;
    }
  | { type: 'typing'; role: 'assistant' | 'agent' | 'shopper'; isTyping: boolean }
  /** The conversation now speaks another language (docs/languages.md): the widget's words follow. */
  | { type: 'language.changed'; language: Language };

/** What a status notice says: the widget words it from its message catalogs (`chat.notice.<kind>`). */
export type StatusNotice =
  | { kind: 'queued'; minutes: number }
  | { kind: 'away'; opens: NextOpening | null }
  | { kind: 'joined' | 'left' | 'closed'; agent: string }
  | { kind: 'resumed' };

export type ConversationEvent = ConversationEventBody & { conversationId: string; seq: number; at: string };
