import { z } from 'zod';
import { LANGUAGES, type Language } from '../shared/language.js';
import type { Ack } from '../shared/ack.js';
import {
  platformCartReport,
  type Platform,
  type PlatformCartAnswer,
  type PlatformCartCommand,
} from '../carts/platform-cart.js';
import type {
  CartPayload,
  ConversationEvent,
  ConversationStatusValue,
  PendingActionPayload,
} from '../conversations/event-types.js';

/**
 * The shopper socket protocol, shared by the server and the widget. Namespace `/shopper`;
 * the handshake carries `auth: { token }` from `POST /api/sessions`. Every client event has an
 * ack `{ ok: true, data } | { ok: false, error }`; every server event carries a per-conversation
 * sequence number, and a client that reconnects sends the last one it has to get the rest.
 */
export const SHOPPER_NAMESPACE = '/shopper';
export const MAX_MESSAGE_CHARS = 2_000;

export type {
  CartPayload,
  ConversationEvent,
  ConversationEventBody,
  ConversationStatusValue,
  MoneyPayload,
  PendingActionPayload,
  ProductCard,
  StatusNotice,
} from '../conversations/event-types.js';
export type { Ack } from '../shared/ack.js';
export type { Language } from '../shared/language.js';
export type { Platform, PlatformCartAnswer, PlatformCartCommand, PlatformCartReport } from '../carts/platform-cart.js';

const conversationId = z.string().min(1).max(100);
const sku = z.string().trim().min(1).max(120);

export const joinPayload = z.strictObject({
  conversationId: conversationId.optional(),
  afterSeq: z.number().int().min(0).default(0),
  /** The language the shop's page declares (its `lang`, or the widget's data-lang), when Concierge speaks it. */
  pageLanguage: z.enum(LANGUAGES).optional(),
});
export const sendPayload = z.strictObject({
  conversationId,
  /** Client-made id: sending the same message twice (a retry after reconnect) stores it once. */
  clientMessageId: z.string().min(8).max(100),
  text: z
    .string()
    .trim()
    .min(1, 'message is empty')
    .max(MAX_MESSAGE_CHARS, `message is longer than ${MAX_MESSAGE_CHARS} characters`),
});
export const stopPayload = z.strictObject({ conversationId });
export const retryPayload = z.strictObject({ conversationId, messageId: z.string().min(1).max(100) });
export const cartAddPayload = z.strictObject({ sku, quantity: z.number().int().min(1).max(20).default(1) });
export const cartSetPayload = z.strictObject({ sku, quantity: z.number().int().min(0).max(20) });
export const cartRemovePayload = z.strictObject({ sku });
/** The shop platform's cart as the shop's page read it (Shopify, WooCommerce). */
export const cartSyncPayload = z.strictObject({ cart: platformCartReport });
export const actionPayload = z.strictObject({ conversationId, actionId: z.string().min(1).max(100) });
export const typingPayload = z.strictObject({ conversationId, isTyping: z.boolean() });
export const ratePayload = z.strictObject({
  conversationId,
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(1_000).optional(),
});

export interface JoinResult {
  conversationId: string;
  status: ConversationStatusValue;
  cart: CartPayload;
  lastSeq: number;
  /** Every event after `afterSeq`, in order: apply these, then live events with a higher seq. */
  events: ConversationEvent[];
  customer: { id: string; firstName: string } | null;
  /** The shop platform whose own cart this server changes through the page; null for our own cart. */
  cartPlatform: Platform | null;
  /** The conversation's language: the widget speaks it; later changes come as `language.changed` events. */
  language: Language;
}

export interface ClientToServerEvents {
  'conversation:join': (p: z.input<typeof joinPayload>, ack: (r: Ack<JoinResult>) => void) => void;
  'message:send': (
    p: z.input<typeof sendPayload>,
    ack: (r: Ack<{ messageId: string; seq: number; queued: boolean }>) => void,
  ) => void;
  'turn:stop': (p: z.input<typeof stopPayload>, ack: (r: Ack<{ stopped: boolean }>) => void) => void;
  'turn:retry': (p: z.input<typeof retryPayload>, ack: (r: Ack<{ queued: boolean }>) => void) => void;
  'cart:add': (p: z.input<typeof cartAddPayload>, ack: (r: Ack<CartPayload>) => void) => void;
  'cart:set': (p: z.input<typeof cartSetPayload>, ack: (r: Ack<CartPayload>) => void) => void;
  'cart:remove': (p: z.input<typeof cartRemovePayload>, ack: (r: Ack<CartPayload>) => void) => void;
  'cart:sync': (p: z.input<typeof cartSyncPayload>, ack: (r: Ack<CartPayload>) => void) => void;
  'typing:set': (p: z.input<typeof typingPayload>, ack?: (r: Ack<null>) => void) => void;
  /** The shopper confirms a change the assistant prepared (the card's Confirm): it runs once. */
  'action:confirm': (p: z.input<typeof actionPayload>, ack: (r: Ack<PendingActionPayload>) => void) => void;
  'action:cancel': (p: z.input<typeof actionPayload>, ack: (r: Ack<PendingActionPayload>) => void) => void;
  'conversation:rate': (p: z.input<typeof ratePayload>, ack: (r: Ack<null>) => void) => void;
}

export interface ServerToClientEvents {
  'conversation:event': (e: ConversationEvent) => void;
  /** Apply this to the shop platform's cart (the page does it) and answer with the cart as it then is. */
  'cart:command': (command: PlatformCartCommand, ack: (answer: PlatformCartAnswer) => void) => void;
}

/** `POST /api/sessions` body: a signed-in shopper passes the id and HMAC the shop computed. */
export const sessionRequestSchema = z.strictObject({
  customerId: z.string().trim().min(1).max(100).optional(),
  customerHash: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{64}$/i, 'must be a hex HMAC-SHA256')
    .optional(),
  /** An existing session token to carry on (e.g. an anonymous shopper who just signed in). */
  token: z.string().max(1_000).optional(),
});

export interface SessionResponse {
  token: string;
  conversationId: string;
  customer: { id: string; firstName: string } | null;
}
