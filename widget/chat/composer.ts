import { h } from './dom.js';
import { MAX_MESSAGE_CHARS } from './limits.js';
import { textDirection } from './text-direction.js';
import { t } from '../i18n/live.js';

const SVG = 'http://www.w3.org/2000/svg';

export function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/** The message box: Enter sends, Shift+Enter breaks the line; Stop replaces Send while a reply streams. */
export function createComposer(actions: { send(text: string): void; stop(): void; typing(isTyping: boolean): void }) {
  const input = h('textarea', {
    id: 'composer-input',
    class: 'input',
    rows: 1,
    maxlength: MAX_MESSAGE_CHARS,
    autocomplete: 'off',
  });
  const send = h(
    'button',
    { type: 'submit', class: 'icon-btn send' },
    icon('M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z'),
  );
  const stopLabel = h('span');
  const stop = h('button', { type: 'button', class: 'btn stop', hidden: true }, icon('M7 7h10v10H7z'), stopLabel);
  const label = h('label', { for: 'composer-input', class: 'sr' });
  const form = h('form', { class: 'composer' }, label, input, stop, send);
  let typingSent = 0;
  const relabel = () => {
    input.placeholder = t('composer.placeholder');
    send.setAttribute('aria-label', t('composer.send'));
    stopLabel.textContent = t('composer.stop');
    label.textContent = t('composer.label');
  };
  relabel();

  const grow = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 132)}px`;
  };
  const submit = () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    input.dir = 'auto';
    grow();
    actions.typing(false);
    typingSent = 0;
    actions.send(text);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    input.dir = input.value.trim() ? textDirection(input.value) : 'auto';
    grow();
    if (Date.now() - typingSent > 3_000) {
      typingSent = Date.now();
      actions.typing(true);
    }
  });
  input.addEventListener('blur', () => {
    if (typingSent) actions.typing(false);
    typingSent = 0;
  });
  stop.addEventListener('click', () => actions.stop());

  return {
    el: form,
    relabel,
    focus: () => input.focus(),
    setStreaming(streaming: boolean) {
      const hadFocus = document.activeElement === stop;
      stop.hidden = !streaming;
      send.hidden = streaming;
      if (hadFocus && !streaming) input.focus();
    },
    setText(text: string) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    },
  };
}
