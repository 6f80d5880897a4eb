import type { CartPayload } from '../../src/chat/protocol.js';
import type { ChatMessage } from './conversation-state.js';
import { h } from './dom.js';
import { toDom } from './dom-tree.js';
import { parseMarkdown } from './markdown.js';
import { actionCard } from './action-card.js';
import { productCard } from './product-card.js';
import { textDirection } from './text-direction.js';

export interface MessageActions {
  retry(messageId: string): Promise<unknown>;
  /** The shopper's Confirm or Cancel on a change the assistant prepared. */
  decideAction(actionId: string, decision: 'confirm' | 'cancel'): Promise<unknown>;
  addToCart(sku: string): Promise<CartPayload>;
  base: string;
  /** Origins the assistant's links may point to (the shop's page and this server). */
  linkOrigins: readonly string[];
}

/**
 * Who wrote a message, said plainly: the AI assistant or a person on the shop's team. Shown
 * above their replies; the shopper's own messages and notices are labelled for screen readers.
 */
function author(m: ChatMessage): HTMLElement {
  if (m.role === 'user' || m.role === 'system')
    return h('span', { class: 'sr' }, m.role === 'user' ? 'You: ' : 'Notice: ');
  const person = m.role === 'agent';
  return h(
    'p',
    { class: 'from' },
    h('span', { class: 'author' }, person ? (m.author ?? 'Our team') : 'AI assistant'),
    person && m.author ? h('span', { class: 'role' }, ' (team member)') : null,
  );
}

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
    this.el = h('li', { class: `msg msg-${m.role}` }, author(m), this.bubble, this.extras);
    this.update(m);
  }

  /** Renders again, e.g. once the shop's page origin is known and more of the links may be clickable. */
  refresh() {
    this.update(this.m);
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
        // A person on the shop's team may link anywhere; the model only to the shop's own origins.
        toDom(parseMarkdown(m.text, m.role === 'agent' ? 'any' : this.actions.linkOrigins)),
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
    if (!m.streaming && m.action) extras.push(actionCard(m.action, (id, d) => this.actions.decideAction(id, d)));
    this.extras.replaceChildren(...extras);
  }
}
