import type {
  CartPayload,
  ConversationEvent,
  JoinResult,
  PendingActionPayload,
  ProductCard,
  Language,
  StatusNotice,
} from '../../src/chat/protocol.js';
import type { StatusInfo } from '../loader/frame-messages.js';

export interface ChatMessage {
  /** `c:<clientMessageId>` for the shopper's own messages, `m:<messageId>` or `s:<seq>` otherwise. */
  key: string;
  role: 'user' | 'assistant' | 'agent' | 'system';
  messageId: string | null;
  text: string;
  author: string | null;
  streaming: boolean;
  products: ProductCard[];
  quickReplies: string[];
  failed: boolean;
  retryable: boolean;
  /** A shopper message the server has not stored yet. */
  pending: boolean;
  /** Why the server refused a shopper message. */
  error: string | null;
  /** A change this reply asks the shopper to confirm, as it now stands. */
  action: PendingActionPayload | null;
  /** A status notice as data: worded in the widget's language (the text is the server's English). */
  notice?: StatusNotice;
}

export type Typing = { role: 'assistant' | 'agent'; name: string | null } | null;
export type MessageChange = 'added' | 'updated' | 'completed';

export interface StateListener {
  reset(): void;
  /** `live` is false while history is replayed at load. */
  message(m: ChatMessage, change: MessageChange, live: boolean): void;
  status(s: StatusInfo, live: boolean): void;
  cart(c: CartPayload): void;
  typing(t: Typing): void;
  /** The conversation's language (docs/languages.md): the widget's own words follow it. */
  language(language: Language): void;
}

const blank = (key: string, role: ChatMessage['role'], messageId: string | null, text = ''): ChatMessage => ({
  key,
  role,
  messageId,
  text,
  author: null,
  streaming: false,
  products: [],
  quickReplies: [],
  failed: false,
  retryable: false,
  pending: false,
  error: null,
  action: null,
});

/**
 * The conversation as the shopper sees it, built from sequence-numbered events. Events are
 * applied once each, in order: anything at or below the last applied seq is a duplicate, and
 * anything beyond the next one waits while the caller re-joins to fill the gap.
 */
export class ConversationState {
  conversationId: string | null = null;
  lastSeq = 0;
  status: StatusInfo = { status: 'bot', agentName: null, queuePosition: null };
  cart: CartPayload | null = null;
  language: Language | null = null;
  readonly messages: ChatMessage[] = [];
  private readonly byKey = new Map<string, ChatMessage>();
  private readonly early = new Map<number, ConversationEvent>();
  private live = true;

  constructor(private readonly on: StateListener) {}

  reset(conversationId: string | null) {
    this.conversationId = conversationId;
    this.lastSeq = 0;
    this.status = { status: 'bot', agentName: null, queuePosition: null };
    this.messages.length = 0;
    this.byKey.clear();
    this.early.clear();
    this.on.reset();
  }

  /** Applies what `conversation:join` returned: the events after the seq we asked from. */
  applyJoin(r: JoinResult, opts: { initial: boolean }) {
    // Messages typed while connecting are kept, after the history.
    const carried = r.conversationId !== this.conversationId ? this.messages.filter((m) => m.pending) : [];
    if (r.conversationId !== this.conversationId) this.reset(r.conversationId);
    this.setCart(r.cart);
    this.live = !opts.initial;
    try {
      for (const e of r.events) if (e.seq === this.lastSeq + 1) this.apply(e);
    } finally {
      this.live = true;
    }
    if (r.status !== this.status.status)
      this.setStatus({ status: r.status, agentName: this.status.agentName, queuePosition: null });
    this.drain();
    this.setLanguage(r.language);
    for (const m of carried) if (!this.byKey.has(m.key)) this.add(m);
  }

  private setLanguage(language: Language) {
    if (language === this.language) return;
    this.language = language;
    this.on.language(language);
  }

  /** A live event. Returns true when events are missing before it: the caller should re-join. */
  receive(e: ConversationEvent): boolean {
    if (e.conversationId !== this.conversationId || e.seq <= this.lastSeq) return false;
    if (e.seq > this.lastSeq + 1) this.early.set(e.seq, e);
    else {
      this.apply(e);
      this.drain();
    }
    return this.early.size > 0;
  }

  get hasGap(): boolean {
    return this.early.size > 0;
  }

  addPending(clientMessageId: string, text: string): void {
    const m = { ...blank(`c:${clientMessageId}`, 'user', null, text), pending: true };
    this.add(m);
  }

  markRefused(clientMessageId: string, error: string): void {
    const m = this.byKey.get(`c:${clientMessageId}`);
    if (!m || !m.pending) return;
    Object.assign(m, { pending: false, error });
    this.on.message(m, 'updated', true);
  }

  /** A cart from an event or an ack; an older version than the one shown is ignored. */
  setCart(c: CartPayload): void {
    if (this.cart && this.cart.id === c.id && c.version < this.cart.version) return;
    this.cart = c;
    this.on.cart(c);
  }

  private drain() {
    for (let next = this.early.get(this.lastSeq + 1); next; next = this.early.get(this.lastSeq + 1)) {
      this.early.delete(next.seq);
      this.apply(next);
    }
    for (const seq of this.early.keys()) if (seq <= this.lastSeq) this.early.delete(seq);
  }

  private add(m: ChatMessage) {
    this.messages.push(m);
    this.byKey.set(m.key, m);
    this.on.message(m, 'added', this.live);
  }

  private setStatus(s: StatusInfo) {
    this.status = s;
    this.on.status(s, this.live);
  }

  private apply(e: ConversationEvent) {
    this.lastSeq = e.seq;
    switch (e.type) {
      case 'message.created': {
        const own = e.clientMessageId ? this.byKey.get(`c:${e.clientMessageId}`) : undefined;
        if (own) {
          Object.assign(own, { pending: false, error: null, messageId: e.messageId, text: e.text });
          this.on.message(own, 'updated', this.live);
        } else if (!this.byKey.has(`m:${e.messageId}`)) {
          this.add({
            ...blank(e.clientMessageId ? `c:${e.clientMessageId}` : `m:${e.messageId}`, e.role, e.messageId, e.text),
            author: e.author ?? null,
          });
        }
        if (e.role === 'agent' && this.live) this.on.typing(null);
        break;
      }
      case 'message.started':
        if (!this.byKey.has(`m:${e.messageId}`))
          this.add({ ...blank(`m:${e.messageId}`, 'assistant', e.messageId), streaming: true });
        break;
      case 'message.delta': {
        const m = this.byKey.get(`m:${e.messageId}`);
        if (m && m.streaming) {
          m.text += e.text;
          this.on.message(m, 'updated', this.live);
        }
        break;
      }
      case 'message.completed': {
        let m = this.byKey.get(`m:${e.messageId}`);
        if (!m) this.add((m = blank(`m:${e.messageId}`, 'assistant', e.messageId)));
        Object.assign(m, {
          text: e.text,
          products: e.products,
          quickReplies: e.quickReplies,
          action: e.pendingAction ?? null,
          failed: !!e.failed,
          retryable: !!e.retryable,
          streaming: false,
        });
        this.on.message(m, 'completed', this.live);
        if (this.live) this.on.typing(null);
        break;
      }
      case 'cart.updated':
        this.setCart(e.cart);
        break;
      case 'action.updated':
        for (const m of this.byKey.values()) {
          if (m.action?.id !== e.action.id) continue;
          m.action = e.action;
          this.on.message(m, 'updated', this.live);
        }
        break;
      case 'status.changed':
        this.setStatus({
          status: e.status,
          agentName: e.agentName ?? (e.status === 'human' ? this.status.agentName : null),
          queuePosition: e.queuePosition ?? null,
        });
        if (e.text) this.add({ ...blank(`s:${e.seq}`, 'system', null, e.text), notice: e.notice });
        break;
      case 'language.changed':
        // Replayed history ends with the join's own language; live changes apply at once.
        if (this.live) this.setLanguage(e.language);
        break;
      case 'typing':
        // Typing is momentary: replayed history says nothing about now, and the shopper's own is not shown.
        if (this.live && e.role !== 'shopper')
          this.on.typing(e.isTyping ? { role: e.role, name: e.role === 'agent' ? this.status.agentName : null } : null);
        break;
    }
  }
}
