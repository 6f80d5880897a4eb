import type { Actions } from './actions.js';
import { ConsoleError } from './api.js';
import type { ConversationView } from './conversation-view.js';
import { h } from './dom.js';
import { statusLabel } from './format.js';
import type { ConsoleState } from './state.js';

/**
 * The conversation's header: who, status, and the agent's moves: take it, hand it back to the
 * assistant, or close it with a resolution. Server refusals ("already taken by Sam") show here.
 */
export function createConversationHeader(root: HTMLElement, deps: { state: ConsoleState; actions: Actions }) {
  const { state, actions } = deps;
  const title = h('h2', { id: 'conv-title' });
  const status = h('span', { class: 'badge' });
  const sub = h('span', { class: 'muted small' });
  const claim = h('button', { type: 'button', class: 'primary', text: 'Take conversation' });
  const release = h('button', { type: 'button', class: 'secondary', text: 'Hand back to assistant' });
  const close = h('button', { type: 'button', class: 'secondary', text: 'Close…', 'aria-haspopup': 'dialog' });
  const error = h('p', { class: 'error banner-error', role: 'alert' });
  const resolution = h('textarea', {
    id: 'resolution',
    rows: 3,
    maxlength: 500,
    required: true,
    placeholder: 'e.g. Exchanged for size M, new order sent',
  });
  const dialogError = h('p', { class: 'error', role: 'alert' });
  const dialog = h(
    'dialog',
    { class: 'close-dialog', 'aria-labelledby': 'close-title' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'close-title', text: 'Close the conversation' }),
      h('label', { for: 'resolution', text: 'How was it resolved?' }),
      resolution,
      dialogError,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', value: 'cancel', onClick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary', value: 'close' }, 'Close conversation'),
      ),
    ),
  );
  root.append(
    h(
      'div',
      { class: 'conv-head' },
      h('div', { class: 'who' }, title, h('div', { class: 'sub' }, status, sub)),
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
      error.textContent = err instanceof ConsoleError ? err.message : 'That did not work. Try again.';
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
      dialogError.textContent = 'Say how it was resolved.';
      return;
    }
    try {
      await actions.close(text);
      dialog.close();
    } catch (err) {
      dialogError.textContent = err instanceof ConsoleError ? err.message : 'Could not close the conversation.';
    }
  });

  function render(view: ConversationView | null): void {
    if (!view) return;
    const identity = view.packet?.identity;
    title.textContent = identity ? (identity.verified ? identity.name : 'Anonymous shopper') : 'Loading…';
    const mine = view.status === 'human' && state.isMine(view);
    status.textContent = statusLabel(view.status, view.assignedAgentName, mine);
    status.className = `badge status-${view.status}${mine ? ' mine' : ''}`;
    sub.textContent = identity?.verified ? identity.email : 'not signed in';
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
