import type { QueueItem } from '../../src/handoff/agent-protocol.js';
import { ConversationView, type ViewChange } from './conversation-view.js';

export type Filter = 'waiting' | 'mine' | 'all';
export type Connection = 'connecting' | 'online' | 'offline';
export type Change = ViewChange | 'queue' | 'connection' | 'open';

/**
 * Everything the console shows, in one place: the queue, the filter, the connection and the
 * conversation on screen. Changes are batched and reported once per microtask.
 */
export class ConsoleState {
  queue: QueueItem[] = [];
  filter: Filter = 'waiting';
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

  /** The server sends the whole queue each time: replace, never merge. */
  setQueue(items: QueueItem[]): void {
    this.queue = items;
    const open = this.view && items.find((i) => i.conversationId === this.view!.id);
    if (open) this.view!.setStatus(open.status, open.assignedAgent, open.assignedAgentName);
    this.changed('queue');
  }

  /** In the server's order: waiting first, most urgent first, then longest wait. */
  visibleQueue(): QueueItem[] {
    if (this.filter === 'waiting') return this.queue.filter((i) => i.status === 'queued');
    if (this.filter === 'mine') return this.queue.filter((i) => this.isMine(i));
    return this.queue;
  }

  setFilter(f: Filter): void {
    this.filter = f;
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
