import { CANNED_RESPONSES } from '../../src/handoff/agent-constants.js';
import type { Actions } from './actions.js';
import { errorText } from './error-text.js';
import { h } from './dom.js';
import type { ConsoleState } from './state.js';
import { language, t } from '../i18n/live.js';

/** A language's name in the console's language ("Persian", "Persisch", "فارسی"). */
const languageName = (code: string) => new Intl.DisplayNames([language()], { type: 'language' }).of(code) ?? code;
import { isLanguage } from '../../src/shared/language.js';

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
    { 'aria-label': t('compose.cannedLabel') },
    h('option', { value: '', text: t('compose.canned') }),
  );
  const text = h('textarea', { id: 'reply', rows: 3, maxlength: MAX_CHARS, 'aria-describedby': 'composer-hint' });
  const hint = h('p', { id: 'composer-hint', class: 'muted small' });
  const send = h('button', { type: 'submit', class: 'primary' });
  // Machine translation of the draft into the shopper's language, for the agent to check before sending.
  const translate = h('button', { type: 'button', class: 'secondary', hidden: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'composer' },
    h(
      'div',
      { class: 'composer-tools' },
      h('label', { class: 'toggle', for: 'note-mode' }, noteToggle, t('compose.note')),
      canned,
    ),
    h('label', { for: 'reply', class: 'sr-only', text: t('compose.message') }),
    text,
    h('div', { class: 'composer-foot' }, hint, translate, send),
    error,
  );
  root.append(form);

  const noteMode = () => noteToggle.checked;
  // Canned responses go to the shopper: in the conversation's language, English when it has none.
  const cannedFor = () => {
    const language = state.view?.language;
    return CANNED_RESPONSES[isLanguage(language) ? language : 'en'];
  };
  let cannedShown: readonly string[] | null = null;
  const showCanned = () => {
    const list = cannedFor();
    if (list === cannedShown) return;
    cannedShown = list;
    canned.replaceChildren(
      canned.options[0],
      ...list.map((reply, i) => h('option', { value: String(i), dir: 'auto', text: reply })),
    );
  };

  canned.addEventListener('change', () => {
    const chosen = cannedFor()[Number(canned.value)];
    canned.value = '';
    if (chosen === undefined) return;
    text.value = text.value.trim() ? `${text.value.trimEnd()}\n${chosen}` : chosen;
    text.focus();
    render();
  });
  translate.addEventListener('click', async () => {
    const draft = text.value.trim();
    if (!draft) return;
    error.textContent = '';
    translate.disabled = true;
    translate.textContent = t('compose.translating');
    try {
      text.value = await actions.translateDraft(draft);
    } catch (err) {
      error.textContent = errorText(err, 'console.error.failed');
    } finally {
      translate.disabled = false;
      render();
      text.focus();
    }
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
      error.textContent = errorText(err, 'compose.notSent');
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
    text.placeholder = note ? t('compose.notePlaceholder') : t('compose.replyPlaceholder');
    send.textContent = note ? t('compose.addNote') : t('compose.send');
    showCanned();
    send.disabled = !canSend;
    canned.disabled = note;
    const shopperLanguage = view?.language;
    translate.hidden = note || !view?.translation || !isLanguage(shopperLanguage) || shopperLanguage === language();
    if (!translate.hidden && !translate.disabled) {
      translate.textContent = t('compose.translateTo', { language: languageName(shopperLanguage!) });
    }
    hint.textContent = t(
      !online
        ? 'compose.hint.offline'
        : note
          ? 'compose.hint.note'
          : mine
            ? 'compose.hint.mine'
            : view?.status === 'closed'
              ? 'compose.hint.closed'
              : 'compose.hint.take',
    );
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
