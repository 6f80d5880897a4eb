import { z } from 'zod';
import { LANGUAGES, type Language } from '../shared/language.js';
import type { Ack } from '../shared/ack.js';
import type {
  CartPayload,
  ConversationEvent,
  ConversationStatusValue,
  ProductCard,
} from '../conversations/event-types.js';
import type { Address } from '../catalog/records.js';
import { orderChangeSchema } from '../orders/order-change.js';
import type { OrderActionView, PendingActionStatus } from '../orders/pending-actions.js';
import type {
  CustomerProfile,
  OrderEventView,
  OrderMoneyMovement,
  PaymentMethodView,
} from '../customers/customer-types.js';

export type { Address, OrderActionView, OrderEventView, OrderMoneyMovement, PaymentMethodView };

/**
 * The agent console protocol, shared by the server and the console page. Namespace `/agent`;
 * the handshake carries `auth: { token }` from `POST /api/agent/sessions`. Acks are
 * `{ ok: true, data } | { ok: false, error }` as on the shopper side.
 */
export { AGENT_NAMESPACE, CANNED_RESPONSES } from './agent-constants.js';

export interface QueueItem {
  conversationId: string;
  status: ConversationStatusValue;
  assignedAgent: string | null;
  assignedAgentName: string | null;
  /** When the conversation was queued (ISO), for the waiting time. */
  waitingSince: string | null;
  reason: string | null;
  urgency: 'low' | 'normal' | 'high' | null;
  language: string | null;
  customer: { id: string; name: string } | null;
  lastMessage: string | null;
  pendingApprovals: number;
}

export type QueueFilter = 'all' | 'waiting' | 'mine';

export interface QueueView {
  filter: QueueFilter;
  limit: number;
  offset: number;
}

export const DEFAULT_QUEUE_VIEW: QueueView = { filter: 'all', limit: 50, offset: 0 };

/** One page of the queue, with the size of each filter for the tabs. */
export interface QueuePage extends QueueView {
  items: QueueItem[];
  /** Conversations in this filter, on every page. */
  total: number;
  counts: Record<QueueFilter, number>;
}

export interface Money {
  amount: number;
  currency: string;
  formatted: string;
}

/** The facts a summary without a model states, for a client to word them in its own language. */
export interface SummaryFacts {
  shopperMessages: number;
  /** The last three, each clipped to 120 characters. */
  lastShopperMessages: string[];
  toolsUsed: string[];
}

export interface HandoffPacket {
  summary: string;
  summarySource: 'model' | 'extractive';
  summaryFacts: SummaryFacts;
  identity:
    { verified: true; customerId: string; name: string; email: string } | { verified: false; label: 'anonymous' };
  cart: CartPayload;
  productsShown: ProductCard[];
  policiesCited: { source: string; title: string; heading: string }[];
  toolTrace: { at: string; name: string; arguments: string; result: string; isError: boolean }[];
  reason: string | null;
  urgency: 'low' | 'normal' | 'high' | null;
}

export interface Customer360 {
  profile: CustomerProfile;
  orders: {
    id: string;
    status: string;
    placedAt: string;
    total: Money;
    items: { sku: string; title: string; quantity: number; trackingNumber: string | null }[];
    tracking: { carrier: string; number: string; url: string | null } | null;
    shippingAddress: Address | null;
    payments: OrderMoneyMovement[];
    refunds: OrderMoneyMovement[];
    /** The return or exchange asked for, as stored. */
    requestedChange: Record<string, unknown> | null;
    /** What happened to the order and who did it, oldest first. */
    events: OrderEventView[];
    /** The conversation the order is attributed to (platform order webhooks), if any. */
    attributedConversationId: string | null;
  }[];
  pastConversations: {
    conversationId: string;
    startedAt: string;
    status: ConversationStatusValue;
    resolution: string | null;
    csat: { rating: number; comment: string | null } | null;
  }[];
}

interface ApprovalBase {
  id: number;
  conversationId: string;
  tool: string;
  /** Why it was held for a person. */
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
  /** The deciding agent's email, and their reason when they rejected it. */
  decidedBy: string | null;
  note: string | null;
}

/**
 * What waits for a person: a cart change of the assistant beyond its limits (`cart`), or an order
 * change the shopper confirmed that refunds more than the assistant may (`order`).
 */
export type Approval = ApprovalBase &
  (
    | { kind: 'cart'; request: { sku: string; quantity: number; title: string; lineValue: Money } }
    | {
        kind: 'order';
        request: {
          actionId: string;
          orderId: string | null;
          summary: string;
          refundValue: Money;
          /** The order action's state, and what happened once decided. */
          actionStatus: PendingActionStatus;
          outcome: string | null;
        };
      }
  );

export interface Note {
  id: number;
  conversationId: string;
  author: string;
  text: string;
  at: string;
}

export interface ConversationDetail {
  conversationId: string;
  status: ConversationStatusValue;
  assignedAgent: string | null;
  assignedAgentName: string | null;
  epoch: number;
  packet: HandoffPacket;
  /** The shopper-visible event log after `afterSeq` (the same events the widget shows). */
  events: ConversationEvent[];
  lastSeq: number;
  notes: Note[];
  customer: Customer360 | null;
  approvals: Approval[];
  /** The conversation's order changes (the shopper's and the agents'), newest first. */
  orderActions: OrderActionView[];
  /** The reasons a cancellation may give (the shop's order rules); empty: any. */
  cancelReasons: string[];
  /** The conversation's language (docs/languages.md); later changes come as `language.changed` events. */
  language: Language;
  /** Machine translation (`text:translate`) is available: a model is configured. */
  translation: boolean;
}

export type AgentServerEvent =
  /** The queue changed: the first page of everything (a console showing another view asks for it again). */
  | ({ type: 'queue' } & QueuePage)
  | { type: 'conversation'; event: ConversationEvent }
  | { type: 'note'; note: Note }
  | { type: 'approval'; approval: Approval }
  | { type: 'typing'; conversationId: string; role: 'shopper' | 'agent'; isTyping: boolean; agentName?: string };

const conversationId = z.string().min(1).max(100);
const sku = z.string().trim().min(1).max(120);

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});
export const queueListPayload = z.strictObject({
  filter: z.enum(['all', 'waiting', 'mine']).default('all'),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export const openPayload = z.strictObject({ conversationId, afterSeq: z.number().int().min(0).default(0) });
export const conversationPayload = z.strictObject({ conversationId });
export const replyPayload = z.strictObject({
  conversationId,
  text: z.string().trim().min(1, 'reply is empty').max(4_000),
});
export const closePayload = z.strictObject({
  conversationId,
  resolution: z.string().trim().min(1, 'say how it was resolved').max(500),
});
export const agentCartPayload = z.strictObject({ conversationId, sku, quantity: z.number().int().min(0).max(20) });
export const agentTypingPayload = z.strictObject({ conversationId, isTyping: z.boolean() });
export const decidePayload = z.strictObject({
  approvalId: z.number().int().positive(),
  decision: z.enum(['approve', 'reject']),
  /** Approve with a changed quantity (cart approvals). */
  quantity: z.number().int().min(1).max(20).optional(),
  /** Why it was rejected; the shopper is told. */
  note: z.string().trim().min(1).max(500).optional(),
});
export const orderPreparePayload = z.strictObject({ conversationId, change: orderChangeSchema });
export const translatePayload = z.strictObject({
  conversationId,
  text: z.string().trim().min(1, 'nothing to translate').max(4_000),
  to: z.enum(LANGUAGES),
});
export const orderExecutePayload = z.strictObject({ conversationId, actionId: z.string().min(1).max(100) });

export interface AgentClientEvents {
  'queue:list': (p: z.input<typeof queueListPayload>, ack: (r: Ack<QueuePage>) => void) => void;
  'conversation:open': (p: z.input<typeof openPayload>, ack: (r: Ack<ConversationDetail>) => void) => void;
  'conversation:claim': (
    p: z.input<typeof conversationPayload>,
    ack: (r: Ack<{ status: ConversationStatusValue }>) => void,
  ) => void;
  'conversation:release': (
    p: z.input<typeof conversationPayload>,
    ack: (r: Ack<{ status: ConversationStatusValue }>) => void,
  ) => void;
  'conversation:close': (
    p: z.input<typeof closePayload>,
    ack: (r: Ack<{ status: ConversationStatusValue }>) => void,
  ) => void;
  'message:send': (p: z.input<typeof replyPayload>, ack: (r: Ack<{ seq: number }>) => void) => void;
  'note:add': (p: z.input<typeof replyPayload>, ack: (r: Ack<Note>) => void) => void;
  'cart:set': (p: z.input<typeof agentCartPayload>, ack: (r: Ack<CartPayload>) => void) => void;
  'typing:set': (p: z.input<typeof agentTypingPayload>, ack?: (r: Ack<null>) => void) => void;
  'approval:decide': (p: z.input<typeof decidePayload>, ack: (r: Ack<Approval>) => void) => void;
  /** Checks an order change for the conversation's signed-in customer and says what it would do; nothing changes. */
  'order:prepare': (p: z.input<typeof orderPreparePayload>, ack: (r: Ack<OrderActionView>) => void) => void;
  /** Runs a change this console prepared, as the agent, with the rules checked again. */
  'order:execute': (p: z.input<typeof orderExecutePayload>, ack: (r: Ack<OrderActionView>) => void) => void;
  /** A machine translation by the configured model: a shopper's message for the agent, or a draft for the shopper. */
  'text:translate': (
    p: z.input<typeof translatePayload>,
    ack: (r: Ack<{ text: string; to: Language }>) => void,
  ) => void;
}

export interface AgentServerEvents {
  'agent:event': (e: AgentServerEvent) => void;
}
