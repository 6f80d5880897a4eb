import type { CartPayload } from '../../src/chat/protocol.js';
import type { ChatMessage } from './conversation-state.js';
import { h } from './dom.js';
import { toDom } from './dom-tree.js';
import { parseMarkdown } from './markdown.js';
import { actionCard } from './action-card.js';
import { productCard } from './product-card.js';
import { noticeText } from './notice-text.js';
import { textDirection } from './text-direction.js';
import { language, relabel, t } from '../i18n/live.js';

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
    return h('span', { class: 'sr' }, m.role === 'user' ? t('message.you') : t('message.notice'));
  const person = m.role === 'agent';
  return h(
    'p',
    { class: 'from' },
    h('bdi', { class: 'author' }, person ? (m.author ?? t('message.ourTeam')) : t('chat.aiTag')),
    person && m.author ? h('span', { class: 'role' }, t('message.teamMember')) : null,
  );
}

/**
 * One message in the list. Text is re-rendered as it streams; product cards are made once, when
 * the reply completes, so a shopper's variant choice survives later updates.
 */
export class MessageView {
  readonly el: HTMLLIElement;
  // The text's own direction: a Persian reply in an English page, a product name in an Arabic one.
  private readonly bubble = h('div', { class: 'bubble' });
  private author: HTMLElement;
  private readonly extras = h('div', { class: 'extras' });
  private cards: HTMLElement | null = null;
  private retried = false;

  constructor(
    private m: ChatMessage,
    private readonly actions: MessageActions,
  ) {
    this.author = author(m);
    this.el = h('li', { class: `msg msg-${m.role}` }, this.author, this.bubble, this.extras);
    this.update(m);
  }

  /**
   * Renders again: once the shop's page origin is known and more of the links may be clickable,
   * or in another language (the product cards re-label themselves).
   */
  refresh() {
    const label = author(this.m);
    this.author.replaceWith(label);
    this.author = label;
    this.update(this.m);
  }

  update(m: ChatMessage) {
    this.m = m;
    const text = m.notice ? noticeText(m.notice, language()) : m.text;
    this.bubble.dir = text ? textDirection(text) : 'auto';
    this.el.classList.toggle('pending', m.pending);
    this.el.classList.toggle('streaming', m.streaming);
    if (m.role === 'user' || m.role === 'system') this.bubble.textContent = text;
    else if (m.streaming && !m.text)
      this.bubble.replaceChildren(
        h('span', { class: 'dots', role: 'img', 'aria-label': t('message.writing') }, h('i'), h('i'), h('i')),
      );
    else
      this.bubble.replaceChildren(
        // A person on the shop's team may link anywhere; the model only to the shop's own origins.
        toDom(parseMarkdown(m.text, m.role === 'agent' ? 'any' : this.actions.linkOrigins)),
        m.streaming ? h('span', { class: 'caret', 'aria-hidden': 'true' }) : '',
      );

    const extras: Node[] = [];
    if (m.error) extras.push(h('p', { class: 'note error', role: 'alert' }, t('message.notSent', { reason: m.error })));
    this.el.classList.toggle('failed', m.failed);
    if (m.failed) {
      if (!m.text) extras.push(h('p', { class: 'note error' }, t('message.failed')));
      if (m.retryable && m.messageId && !this.retried) {
        const id = m.messageId;
        const button = h('button', { type: 'button', class: 'btn ghost small' }, t('message.retry'));
        button.addEventListener('click', () => {
          button.disabled = true;
          this.actions.retry(id).then(
            () => {
              this.retried = true;
              button.remove();
            },
            (err: Error) => {
              button.disabled = false;
              button.textContent = t('message.retryFailed', { reason: err.message });
            },
          );
        });
        extras.push(button);
      }
    }
    if (!m.streaming && m.products.length > 0) {
      this.cards ??= relabel(
        h('div', { class: 'cards', role: 'group' }, ...m.products.map((p) => productCard(p, this.actions))),
        (cards) => cards.setAttribute('aria-label', t('message.products')),
      );
      extras.push(this.cards);
    }
    if (!m.streaming && m.action) extras.push(actionCard(m.action, (id, d) => this.actions.decideAction(id, d)));
    this.extras.replaceChildren(...extras);
  }
}
