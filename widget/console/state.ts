import type { QueueItem, QueuePage, QueueView } from '../../src/handoff/agent-protocol.js';
import { ConversationView, type ViewChange } from './conversation-view.js';

export type Filter = 'waiting' | 'mine' | 'all';
export type Connection = 'connecting' | 'online' | 'offline';
export type Change = ViewChange | 'queue' | 'connection' | 'open';

/**
 * Everything the console shows, in one place: the queue, the filter, the connection and the
 * conversation on screen. Changes are batched and reported once per microtask.
 */
export const QUEUE_PAGE = 50;

export class ConsoleState {
  /** The loaded part of the queue for the current filter, in the server's order. */
  queue: QueueItem[] = [];
  /** How many conversations the current filter holds in all. */
  total = 0;
  counts: Record<Filter, number> = { waiting: 0, mine: 0, all: 0 };
  filter: Filter = 'waiting';
  /** How many rows to show: a page, grown by "Show more". */
  limit = QUEUE_PAGE;
  connection: Connection = 'connecting';
  view: ConversationView | null = null;
  /** Conversations with shopper messages the agent has not looked at. */
  unread = new Set<string>();
  private pending = new Set<Change>();

  constructor(
    readonly agent: { email: string; name: string },
    private readonly onChange: (changes: Set<Change>) => void,
  ) {}

  changed = (c: Change): void => {
    if (this.pending.size === 0) {
      queueMicrotask(() => {
        const batch = this.pending;
        this.pending = new Set();
        this.onChange(batch);
      });
    }
    this.pending.add(c);
  };

  isMine(item: { assignedAgent: string | null }): boolean {
    return item.assignedAgent !== null && item.assignedAgent.toLowerCase() === this.agent.email.toLowerCase();
  }

  /** The page the console wants: its filter, from the top, as many rows as shown. */
  queueView(): QueueView {
    return { filter: this.filter, limit: this.limit, offset: 0 };
  }

  /** Whether a page answers the current view (else only its counts are news). */
  matches(page: QueuePage): boolean {
    return page.filter === this.filter && page.offset === 0 && page.limit === this.limit;
  }

  /** A page of the queue from the server: the rows replace the list, never merge; counts always apply. */
  setQueue(page: QueuePage): void {
    this.counts = page.counts;
    if (this.matches(page)) {
      this.queue = page.items;
      this.total = page.total;
      const open = this.view && page.items.find((i) => i.conversationId === this.view!.id);
      if (open) this.view!.setStatus(open.status, open.assignedAgent, open.assignedAgentName);
    }
    this.changed('queue');
  }

  /** In the server's order: waiting first, most urgent first, then longest wait. */
  visibleQueue(): QueueItem[] {
    return this.queue;
  }

  setFilter(f: Filter): void {
    this.filter = f;
    this.limit = QUEUE_PAGE;
    this.changed('queue');
  }

  showMore(): void {
    this.limit += QUEUE_PAGE;
    this.changed('queue');
  }

  setConnection(c: Connection): void {
    this.connection = c;
    this.changed('connection');
  }

  /** A new conversation on screen, empty until its open result arrives. */
  openConversation(id: string): ConversationView {
    this.view = new ConversationView(id, this.changed);
    this.unread.delete(id);
    this.changed('open');
    this.changed('queue');
    return this.view;
  }

  closeView(): void {
    this.view = null;
    this.changed('open');
    this.changed('queue');
  }

  markUnread(conversationId: string): void {
    if (this.view?.id === conversationId) return;
    this.unread.add(conversationId);
    this.changed('queue');
  }
}
