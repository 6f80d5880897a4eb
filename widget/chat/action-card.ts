import type { PendingActionPayload } from '../../src/chat/protocol.js';
import { h } from './dom.js';
import { language, relabel, t, type MessageKey } from '../i18n/live.js';
import { orderChangeText, refusalText } from './order-change-text.js';

const STATE_TEXT: Record<Exclude<PendingActionPayload['status'], 'pending'>, MessageKey> = {
  awaiting_approval: 'action.awaitingApproval',
  done: 'action.done',
  cancelled: 'action.cancelled',
  expired: 'action.expired',
  refused: 'action.refused',
};

/**
 * The change the assistant prepared, with Confirm and Cancel: only this (or a plain "yes") makes
 * it happen. The summary is said from the change's data in the widget's language (the server's
 * English text for an older event without it), shown as text, and follows a change of language.
 */
export function actionCard(
  action: PendingActionPayload,
  decide: (actionId: string, decision: 'confirm' | 'cancel') => Promise<unknown>,
): HTMLElement {
  const note = h('p', { class: 'card-note', role: 'status' });
  const summary = relabel(h('p', { class: 'action-summary', dir: 'auto' }), (p) => {
    p.textContent = action.detail ? orderChangeText(action.detail, language()) : action.summary;
  });
  const card = relabel(h('div', { class: 'action-card', role: 'group' }, summary), (div) =>
    div.setAttribute('aria-label', t('action.label')),
  );
  if (action.status !== 'pending') {
    const status = action.status;
    relabel(note, (p) => {
      // Why the rules refused it; a person's own words when they rejected it.
      p.textContent =
        status === 'refused' && action.refusal
          ? refusalText(action.refusal, language())
          : status === 'refused' && action.outcome
            ? action.outcome
            : t(STATE_TEXT[status]);
    });
    card.append(note);
    return card;
  }
  const buttons = ['confirm', 'cancel'].map((decision) => {
    const label = decision === 'confirm' ? t('action.confirm') : t('action.cancel');
    const button = h(
      'button',
      { type: 'button', class: decision === 'confirm' ? 'btn small' : 'btn ghost small' },
      label,
    );
    button.addEventListener('click', () => {
      for (const b of buttons) b.disabled = true;
      decide(action.id, decision as 'confirm' | 'cancel').catch((err: Error) => {
        note.textContent = err.message;
        for (const b of buttons) b.disabled = false;
      });
    });
    return button;
  });
  card.append(h('div', { class: 'action-buttons' }, ...buttons), note);
  return card;
}
