import type { PendingActionPayload } from '../../src/chat/protocol.js';
import { h } from './dom.js';
import { t, type MessageKey } from '../i18n/live.js';

const STATE_TEXT: Record<Exclude<PendingActionPayload['status'], 'pending'>, MessageKey> = {
  awaiting_approval: 'action.awaitingApproval',
  done: 'action.done',
  cancelled: 'action.cancelled',
  expired: 'action.expired',
  refused: 'action.refused',
};

/**
 * The change the assistant prepared, with Confirm and Cancel: only this (or a plain "yes") makes
 * it happen. The summary is the server's own text, shown as text.
 */
export function actionCard(
  action: PendingActionPayload,
  decide: (actionId: string, decision: 'confirm' | 'cancel') => Promise<unknown>,
): HTMLElement {
  const note = h('p', { class: 'card-note', role: 'status' });
  const card = h(
    'div',
    { class: 'action-card', role: 'group', 'aria-label': t('action.label') },
    h('p', { class: 'action-summary', dir: 'auto' }, action.summary),
  );
  if (action.status !== 'pending') {
    note.textContent = action.outcome && action.status === 'refused' ? action.outcome : t(STATE_TEXT[action.status]);
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
