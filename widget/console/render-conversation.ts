import type { Actions } from './actions.js';
import { errorText } from './error-text.js';
import type { ConversationView } from './conversation-view.js';
import { h } from './dom.js';
import { languageBadge, statusLabel } from './format.js';
import type { ConsoleState } from './state.js';
import { t } from '../i18n/live.js';

/**
 * The conversation's header: who, status, and the agent's moves: take it, hand it back to the
 * assistant, or close it with a resolution. Server refusals ("already taken by Sam") show here.
 */
export function createConversationHeader(root: HTMLElement, deps: { state: ConsoleState; actions: Actions }) {
  const { state, actions } = deps;
  const title = h('h2', { id: 'conv-title' });
  const status = h('span', { class: 'badge' });
  const sub = h('span', { class: 'muted small' });
  const language = h('span', { class: 'conv-language' });
  const claim = h('button', { type: 'button', class: 'primary', text: t('conv.take') });
  const release = h('button', { type: 'button', class: 'secondary', text: t('conv.release') });
  const close = h('button', { type: 'button', class: 'secondary', text: t('conv.close'), 'aria-haspopup': 'dialog' });
  const error = h('p', { class: 'error banner-error', role: 'alert' });
  const resolution = h('textarea', {
    id: 'resolution',
    rows: 3,
    maxlength: 500,
    required: true,
    placeholder: t('conv.resolvedExample'),
  });
  const dialogError = h('p', { class: 'error', role: 'alert' });
  const dialog = h(
    'dialog',
    { class: 'close-dialog', 'aria-labelledby': 'close-title' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'close-title', text: t('conv.closeTitle') }),
      h('label', { for: 'resolution', text: t('conv.resolved') }),
      resolution,
      dialogError,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'secondary', value: 'cancel', onClick: () => dialog.close() },
          t('conv.cancel'),
        ),
        h('button', { type: 'submit', class: 'primary', value: 'close' }, t('conv.closeConfirm')),
      ),
    ),
  );
  root.append(
    h(
      'div',
      { class: 'conv-head' },
      h('div', { class: 'who' }, title, h('div', { class: 'sub' }, status, language, sub)),
      h('div', { class: 'actions' }, claim, release, close),
    ),
    error,
    dialog,
  );

  async function run(button: HTMLButtonElement, act: () => Promise<void>) {
    error.textContent = '';
    button.disabled = true;
    try {
      await act();
    } catch (err) {
      error.textContent = errorText(err, 'conv.failed');
    } finally {
      render(state.view);
    }
  }

  claim.addEventListener('click', () => void run(claim, actions.claim));
  release.addEventListener('click', () => void run(release, actions.release));
  close.addEventListener('click', () => {
    dialogError.textContent = '';
    resolution.value = '';
    dialog.showModal();
    resolution.focus();
  });
  dialog.querySelector('form')!.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = resolution.value.trim();
    if (!text) {
      dialogError.textContent = t('conv.sayResolution');
      return;
    }
    try {
      await actions.close(text);
      dialog.close();
    } catch (err) {
      dialogError.textContent = errorText(err, 'conv.closeFailed');
    }
  });

  function render(view: ConversationView | null): void {
    if (!view) return;
    const identity = view.packet?.identity;
    title.textContent = identity ? (identity.verified ? identity.name : t('conv.anonymous')) : t('conv.loading');
    const mine = view.status === 'human' && state.isMine(view);
    status.textContent = statusLabel(view.status, view.assignedAgentName, mine);
    status.className = `badge status-${view.status}${mine ? ' mine' : ''}`;
    sub.textContent = identity?.verified ? identity.email : t('conv.notSignedIn');
    language.replaceChildren(view.language ? languageBadge(view.language) : '');
    const online = state.connection === 'online' && view.loaded;
    claim.disabled = !online || mine || view.status === 'closed';
    release.disabled = !online || !mine;
    close.disabled = !online || view.status === 'closed';
  }

  return {
    render,
    reset(): void {
      error.textContent = '';
      if (dialog.open) dialog.close();
    },
  };
}
