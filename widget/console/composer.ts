import { CANNED_RESPONSES } from '../../src/handoff/agent-constants.js';
import type { Actions } from './actions.js';
import { ConsoleError } from './api.js';
import { h } from './dom.js';
import type { ConsoleState } from './state.js';

const MAX_CHARS = 4_000;

/**
 * The reply box: canned responses, Send, and a "Private note" switch that turns it into a
 * note only agents see. Enter sends, Shift+Enter starts a new line.
 */
export function createComposer(root: HTMLElement, deps: { state: ConsoleState; actions: Actions }) {
  const { state, actions } = deps;
  const noteToggle = h('input', { type: 'checkbox', id: 'note-mode' });
  const canned = h(
    'select',
    { 'aria-label': 'Insert a canned response' },
    h('option', { value: '', text: 'Canned responses…' }),
    ...CANNED_RESPONSES.map((t, i) => h('option', { value: String(i), text: t })),
  );
  const text = h('textarea', { id: 'reply', rows: 3, maxlength: MAX_CHARS, 'aria-describedby': 'composer-hint' });
  const hint = h('p', { id: 'composer-hint', class: 'muted small' });
  const send = h('button', { type: 'submit', class: 'primary' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'composer' },
    h(
      'div',
      { class: 'composer-tools' },
      h('label', { class: 'toggle', for: 'note-mode' }, noteToggle, 'Private note'),
      canned,
    ),
    h('label', { for: 'reply', class: 'sr-only', text: 'Message' }),
    text,
    h('div', { class: 'composer-foot' }, hint, send),
    error,
  );
  root.append(form);

  const noteMode = () => noteToggle.checked;

  canned.addEventListener('change', () => {
    const chosen = CANNED_RESPONSES[Number(canned.value)];
    canned.value = '';
    if (chosen === undefined) return;
    text.value = text.value.trim() ? `${text.value.trimEnd()}\n${chosen}` : chosen;
    text.focus();
    render();
  });
  noteToggle.addEventListener('change', () => {
    if (noteMode()) actions.stopTyping();
    render();
  });
  text.addEventListener('input', () => {
    if (!noteMode() && text.value) actions.typing();
  });
  text.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const value = text.value.trim();
    if (!value || send.disabled) return;
    error.textContent = '';
    send.disabled = true;
    try {
      if (noteMode()) await actions.note(value);
      else await actions.reply(value);
      text.value = '';
    } catch (err) {
      error.textContent = err instanceof ConsoleError ? err.message : 'Not sent. Try again.';
    } finally {
      render();
      text.focus();
    }
  });

  function render(): void {
    const view = state.view;
    const note = noteMode();
    const mine = !!view && view.status === 'human' && state.isMine(view);
    const online = state.connection === 'online' && !!view?.loaded;
    const canSend = online && (note || mine);
    form.classList.toggle('note-mode', note);
    text.placeholder = note ? 'Write a private note for colleagues…' : 'Reply to the shopper…';
    send.textContent = note ? 'Add note' : 'Send';
    send.disabled = !canSend;
    canned.disabled = note;
    hint.textContent = !online
      ? 'Reconnecting… you can keep typing.'
      : note
        ? 'Private note — not visible to the shopper.'
        : mine
          ? 'Enter to send · Shift+Enter for a new line'
          : view?.status === 'closed'
            ? 'This conversation is closed.'
            : 'Take the conversation to reply to the shopper. Private notes work any time.';
  }

  return {
    render,
    reset(): void {
      actions.stopTyping();
      text.value = '';
      error.textContent = '';
      noteToggle.checked = false;
      render();
    },
  };
}
