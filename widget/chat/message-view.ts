import type { CartPayload } from '../../src/chat/protocol.js';
import type { ChatMessage } from './conversation-state.js';
import { h } from './dom.js';
import { toDom } from './dom-tree.js';
import { parseMarkdown } from './markdown.js';
import { productCard } from './product-card.js';
import { textDirection } from './text-direction.js';

export interface MessageActions {
  retry(messageId: string): Promise<unknown>;
  addToCart(sku: string): Promise<CartPayload>;
  base: string;
}

const WHO: Record<ChatMessage['role'], string> = {
  user: 'You',
  assistant: 'Assistant',
  agent: 'Agent',
  system: 'Notice',
};

/**
 * One message in the list. Text is re-rendered as it streams; product cards are made once, when
 * the reply completes, so a shopper's variant choice survives later updates.
 */
export class MessageView {
  readonly el: HTMLLIElement;
  private readonly bubble = h('div', { class: 'bubble' });
  private readonly extras = h('div', { class: 'extras' });
  private cards: HTMLElement | null = null;
  private retried = false;

  constructor(
    private m: ChatMessage,
    private readonly actions: MessageActions,
  ) {
    const author = m.role === 'agent' ? h('p', { class: 'author' }, m.author ?? 'Support team') : null;
    this.el = h(
      'li',
      { class: `msg msg-${m.role}` },
      h('span', { class: 'sr' }, `${m.role === 'agent' ? (m.author ?? 'Agent') : WHO[m.role]}: `),
      author,
      this.bubble,
      this.extras,
    );
    this.update(m);
  }

  update(m: ChatMessage) {
    this.m = m;
    this.el.dir = textDirection(m.text);
    this.el.classList.toggle('pending', m.pending);
    this.el.classList.toggle('streaming', m.streaming);
    if (m.role === 'user' || m.role === 'system') this.bubble.textContent = m.text;
    else if (m.streaming && !m.text)
      this.bubble.replaceChildren(h('span', { class: 'dots', 'aria-label': 'Writing' }, h('i'), h('i'), h('i')));
    else
      this.bubble.replaceChildren(
        toDom(parseMarkdown(m.text)),
        m.streaming ? h('span', { class: 'caret', 'aria-hidden': 'true' }) : '',
      );

    const extras: Node[] = [];
    if (m.error) extras.push(h('p', { class: 'note error', role: 'alert' }, `Not sent: ${m.error}`));
    this.el.classList.toggle('failed', m.failed);
    if (m.failed) {
      if (!m.text) extras.push(h('p', { class: 'note error' }, "Sorry, I couldn't answer that."));
      if (m.retryable && m.messageId && !this.retried) {
        const id = m.messageId;
        const button = h('button', { type: 'button', class: 'btn ghost small' }, 'Retry');
        button.addEventListener('click', () => {
          button.disabled = true;
          this.actions.retry(id).then(
            () => {
              this.retried = true;
              button.remove();
            },
            (err: Error) => {
              button.disabled = false;
              button.textContent = `Retry (${err.message})`;
            },
          );
        });
        extras.push(button);
      }
    }
    if (!m.streaming && m.products.length > 0) {
      this.cards ??= h(
        'div',
        { class: 'cards', role: 'group', 'aria-label': 'Suggested products' },
        ...m.products.map((p) => productCard(p, this.actions)),
      );
      extras.push(this.cards);
    }
    this.extras.replaceChildren(...extras);
  }
}
