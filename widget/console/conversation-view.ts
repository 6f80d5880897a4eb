import type { CartPayload, ConversationEvent, ConversationStatusValue, ProductCard } from '../../src/chat/protocol.js';
import type {
  Approval,
  ConversationDetail,
  Customer360,
  HandoffPacket,
  Note,
  OrderActionView,
} from '../../src/handoff/agent-protocol.js';

export interface MessageEntry {
  kind: 'message';
  key: string;
  role: 'user' | 'assistant' | 'agent' | 'system';
  text: string;
  author: string | null;
  at: string;
  /** The assistant is still writing it. */
  streaming: boolean;
  /** The assistant stopped mid-reply because a person took over. */
  interrupted: boolean;
  failed: boolean;
  products: ProductCard[];
  /** The prompt versions an assistant reply was written with (`persona.v3`…), when known. */
  promptVersions?: Record<string, string>;
  /** A machine translation the agent asked for (`text:translate`). */
  translation?: { status: 'loading' | 'done' | 'failed'; text: string };
  /** Bumped on each change, so the renderer redraws only what changed. */
  rev: number;
}

export interface NoteEntry {
  kind: 'note';
  key: string;
  author: string;
  text: string;
  at: string;
  rev: number;
}

export type Entry = MessageEntry | NoteEntry;
export type ViewChange = 'header' | 'details' | 'transcript' | 'cart' | 'approvals' | 'typing';

/**
 * One conversation on screen, built from `conversation:open` results and live events. Events
 * are applied once each, in seq order: at or below the last applied seq is a duplicate; above
 * the next one is kept aside and reported as a gap, which the caller fills by re-opening with
 * `afterSeq = lastSeq`.
 */
export class ConversationView {
  lastSeq = 0;
  loaded = false;
  status: ConversationStatusValue = 'bot';
  assignedAgent: string | null = null;
  assignedAgentName: string | null = null;
  packet: HandoffPacket | null = null;
  customer: Customer360 | null = null;
  cart: CartPayload | null = null;
  approvals = new Map<number, Approval>();
  /** The conversation's order changes, newest first, and the reasons a cancellation may give. */
  orderActions: OrderActionView[] = [];
  cancelReasons: string[] = [];
  /** The shopper's language (docs/languages.md), from the open and `language.changed` events. */
  language: string | null = null;
  /** Machine translation is available (a model is configured). */
  translation = false;
  shopperTyping = false;
  /** A colleague typing here (their name). */
  agentTyping: string | null = null;
  private messages: MessageEntry[] = [];
  private byMessageId = new Map<string, MessageEntry>();
  private notes = new Map<number, NoteEntry>();
  private early = new Map<number, ConversationEvent>();

  constructor(
    readonly id: string,
    private readonly changed: (c: ViewChange) => void,
  ) {}

  /** What `conversation:open` returned: fresh details, then the events after the seq we asked from. */
  applyDetail(d: ConversationDetail): void {
    if (d.conversationId !== this.id) return;
    this.packet = d.packet;
    this.customer = d.customer;
    this.setCart(d.packet.cart);
    this.notes.clear();
    for (const n of d.notes) this.addNote(n);
    this.approvals = new Map(d.approvals.map((a) => [a.id, a]));
    this.orderActions = d.orderActions;
    this.cancelReasons = d.cancelReasons;
    for (const e of d.events) if (e.seq === this.lastSeq + 1) this.apply(e);
    this.drain();
    this.language = d.language;
    this.translation = d.translation;
    // The status as of now, after the events that led to it.
    this.setStatus(d.status, d.assignedAgent, d.assignedAgentName);
    this.loaded = true;
    for (const c of ['details', 'transcript', 'approvals', 'typing'] as const) this.changed(c);
  }

  /** A live event. Returns 'gap' when events are missing before it: re-open to fill them. */
  receive(e: ConversationEvent): 'applied' | 'ignored' | 'gap' {
    if (e.conversationId !== this.id || e.seq <= this.lastSeq) return 'ignored';
    if (e.seq > this.lastSeq + 1) {
      this.early.set(e.seq, e);
      return this.loaded ? 'gap' : 'ignored'; // before the first open, the open result fills it
    }
    this.apply(e);
    this.drain();
    return this.early.size > 0 ? 'gap' : 'applied';
  }

  /** A message's text, for translating it. */
  messageText(key: string): string | null {
    return this.messages.find((m) => m.key === key)?.text ?? null;
  }

  /** Shows (or clears, with null) the machine translation of a message. */
  setTranslation(key: string, translation: MessageEntry['translation'] | null): void {
    const entry = this.messages.find((m) => m.key === key);
    if (!entry) return;
    entry.translation = translation ?? undefined;
    entry.rev++;
    this.changed('transcript');
  }

  get hasGap(): boolean {
    return this.early.size > 0;
  }

  addNote(n: Note): void {
    if (n.conversationId !== this.id || this.notes.has(n.id)) return;
    this.notes.set(n.id, { kind: 'note', key: `n:${n.id}`, author: n.author, text: n.text, at: n.at, rev: 0 });
    this.changed('transcript');
  }

  /** An order change the agent prepared or ran (from an ack); newest first. */
  setOrderAction(a: OrderActionView): void {
    this.orderActions = [a, ...this.orderActions.filter((x) => x.id !== a.id)];
    this.changed('details');
  }

  setApproval(a: Approval): void {
    if (a.conversationId !== this.id) return;
    this.approvals.set(a.id, a);
    this.changed('approvals');
  }

  /** A cart from an event or an ack; an older version of the same cart is ignored. */
  setCart(c: CartPayload): void {
    if (this.cart && this.cart.id === c.id && c.version < this.cart.version) return;
    this.cart = c;
    this.changed('cart');
  }

  setStatus(status: ConversationStatusValue, agent: string | null, agentName: string | null): void {
    if (status === this.status && agent === this.assignedAgent && agentName === this.assignedAgentName) return;
    this.status = status;
    this.assignedAgent = agent;
    this.assignedAgentName = agentName;
    this.changed('header');
  }

  setShopperTyping(on: boolean): void {
    if (this.shopperTyping === on) return;
    this.shopperTyping = on;
    this.changed('typing');
  }

  setAgentTyping(name: string | null): void {
    if (this.agentTyping === name) return;
    this.agentTyping = name;
    this.changed('typing');
  }

  /** Messages in seq order with private notes placed by time. */
  entries(): Entry[] {
    const notes = [...this.notes.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const out: Entry[] = [];
    let i = 0;
    for (const m of this.messages) {
      while (i < notes.length && Date.parse(notes[i].at) < Date.parse(m.at)) out.push(notes[i++]);
      out.push(m);
    }
    return out.concat(notes.slice(i));
  }

  private drain() {
    for (let next = this.early.get(this.lastSeq + 1); next; next = this.early.get(this.lastSeq + 1)) {
      this.early.delete(next.seq);
      this.apply(next);
    }
    for (const seq of this.early.keys()) if (seq <= this.lastSeq) this.early.delete(seq);
  }

  private add(
    m: Omit<MessageEntry, 'kind' | 'rev' | 'streaming' | 'interrupted' | 'failed' | 'products' | 'author'> &
      Partial<MessageEntry>,
  ) {
    const entry: MessageEntry = {
      kind: 'message',
      rev: 0,
      streaming: false,
      interrupted: false,
      failed: false,
      products: [],
      author: null,
      ...m,
    };
    this.messages.push(entry);
    this.changed('transcript');
    return entry;
  }

  private update(m: MessageEntry, patch: Partial<MessageEntry>) {
    Object.assign(m, patch, { rev: m.rev + 1 });
    this.changed('transcript');
  }

  private apply(e: ConversationEvent) {
    this.lastSeq = e.seq;
    switch (e.type) {
      case 'message.created': {
        if (this.byMessageId.has(e.messageId)) return;
        const m = this.add({ key: `m:${e.messageId}`, role: e.role, text: e.text, author: e.author ?? null, at: e.at });
        this.byMessageId.set(e.messageId, m);
        if (e.role === 'user') this.setShopperTyping(false);
        return;
      }
      case 'message.started': {
        if (this.byMessageId.has(e.messageId)) return;
        this.byMessageId.set(
          e.messageId,
          this.add({ key: `m:${e.messageId}`, role: 'assistant', text: '', at: e.at, streaming: true }),
        );
        return;
      }
      case 'message.delta': {
        const m = this.byMessageId.get(e.messageId);
        if (m) this.update(m, { text: m.text + e.text });
        return;
      }
      case 'message.completed': {
        const m = this.byMessageId.get(e.messageId);
        const patch = {
          text: e.text,
          products: e.products,
          failed: e.failed === true,
          streaming: false,
          interrupted: false,
          ...(e.promptVersions ? { promptVersions: e.promptVersions } : {}),
        };
        if (m) this.update(m, patch);
        else
          this.byMessageId.set(
            e.messageId,
            this.add({ key: `m:${e.messageId}`, role: 'assistant', at: e.at, ...patch }),
          );
        if (e.pendingAction && !this.orderActions.some((a) => a.id === e.pendingAction!.id)) {
          const kind = e.pendingAction.kind as OrderActionView['kind'];
          const { detail = null, refusal = null } = e.pendingAction;
          this.setOrderAction({ ...e.pendingAction, kind, detail, refusal, preparedBy: null, createdAt: e.at });
        }
        return;
      }
      case 'cart.updated':
        this.setCart(e.cart);
        return;
      case 'action.updated':
        // A shopper's change moved on (confirmed, held, decided): the caller re-opens for the orders.
        this.orderActions = this.orderActions.map((a) =>
          a.id === e.action.id
            ? {
                ...a,
                status: e.action.status,
                outcome: e.action.outcome,
                detail: e.action.detail ?? a.detail,
                refusal: e.action.refusal ?? null,
              }
            : a,
        );
        this.changed('details');
        return;
      case 'status.changed': {
        // The event names the agent, not their email: keep the email only if it is the same person.
        const sameAgent = e.agentName == null || e.agentName === this.assignedAgentName;
        const agentName = e.status === 'human' ? (e.agentName ?? this.assignedAgentName) : null;
        this.setStatus(e.status, e.status === 'human' && sameAgent ? this.assignedAgent : null, agentName);
        // Once a person owns the conversation the assistant's unfinished reply is dropped.
        if (e.status === 'human' || e.status === 'closed') {
          for (const m of this.messages) if (m.streaming) this.update(m, { streaming: false, interrupted: true });
        }
        if (e.text) this.add({ key: `s:${e.seq}`, role: 'system', text: e.text, at: e.at });
        return;
      }
      case 'typing':
        if (e.role === 'shopper') this.setShopperTyping(e.isTyping);
        return;
      case 'language.changed':
        this.language = e.language;
        this.changed('header');
        return;
    }
  }
}
