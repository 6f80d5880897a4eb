import type { Entry, MessageEntry } from './conversation-view.js';
import { h, multiline } from './dom.js';
import { clock } from './format.js';
import { language, t, type MessageKey } from '../i18n/live.js';

const WHO: Record<Exclude<MessageEntry['role'], 'system'>, MessageKey> = {
  user: 'transcript.shopper',
  assistant: 'transcript.assistant',
  agent: 'transcript.agent',
};

export interface TranscriptOptions {
  /** Whether a message may be machine-translated into the console's language. */
  translatable(e: MessageEntry): boolean;
  translate(key: string): void;
}

/** Under a shopper's message: a Translate button, or the translation (or why there is none). */
function translationNode(e: MessageEntry, opts: TranscriptOptions): HTMLElement | null {
  const tr = e.translation;
  if (tr?.status === 'done') {
    return h(
      'div',
      { class: 'translation', lang: language(), dir: 'auto' },
      h('span', { class: 'muted small', text: `${t('transcript.translation')}: ` }),
      multiline(tr.text),
    );
  }
  if (tr?.status === 'loading')
    return h('div', { class: 'translation muted small', text: t('transcript.translating') });
  if (!opts.translatable(e)) return null;
  return h(
    'div',
    { class: 'translation' },
    tr?.status === 'failed'
      ? h('span', { class: 'error small', role: 'alert', text: t('transcript.translateFailed', { error: tr.text }) })
      : null,
    h('button', {
      type: 'button',
      class: 'link small',
      text: t('transcript.translate'),
      onClick: () => opts.translate(e.key),
    }),
  );
}

function entryNode(e: Entry, opts: TranscriptOptions): HTMLElement {
  const time = h('time', { datetime: e.at, text: clock(e.at) });
  if (e.kind === 'note') {
    return h(
      'li',
      { class: 'entry note' },
      h('div', { class: 'meta' }, h('strong', { text: t('transcript.note') }), ` · ${e.author} · `, time),
      h('div', { class: 'text' }, multiline(e.text)),
    );
  }
  if (e.role === 'system') return h('li', { class: 'entry system' }, h('span', {}, multiline(e.text)), ' · ', time);
  const status = e.streaming
    ? h('span', { class: 'streaming', text: t('transcript.writing') })
    : e.interrupted
      ? h('span', { class: 'muted', text: t('transcript.stopped') })
      : e.failed
        ? h('span', { class: 'failed', text: t('transcript.failed') })
        : null;
  return h(
    'li',
    { class: `entry msg ${e.role}` },
    h(
      'div',
      { class: 'meta' },
      h('strong', { text: e.role === 'agent' ? (e.author ?? t(WHO.agent)) : t(WHO[e.role]) }),
      ' · ',
      time,
      status ? ' · ' : null,
      status,
      e.promptVersions
        ? h('span', { class: 'prompt-versions', text: ` · ${Object.values(e.promptVersions).join(', ')}` })
        : null,
    ),
    h('div', { class: 'text' }, multiline(e.text)),
    e.role === 'user' ? translationNode(e, opts) : null,
    e.products.length > 0
      ? h(
          'ul',
          { class: 'chips' },
          ...e.products.map((p) =>
            h('li', {}, h('span', { text: p.title }), h('span', { class: 'price', text: p.price.formatted })),
          ),
        )
      : null,
  );
}

/**
 * The live transcript, redrawn entry by entry: an entry's node is rebuilt only when it changed
 * (a streaming reply grows without touching the rest), and the view follows new messages
 * unless the agent has scrolled up to read.
 */
export function createTranscript(scroller: HTMLElement, typing: HTMLElement, opts: TranscriptOptions) {
  // A list of entries, announced politely (role=log would hide the list from assistive technology).
  const list = h('ol', {
    class: 'transcript',
    'aria-live': 'polite',
    'aria-label': t('chat.conversation'),
  });
  scroller.append(list);
  let nodes = new Map<string, { rev: number; el: HTMLElement }>();

  return {
    render(entries: Entry[]): void {
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
      const next = new Map<string, { rev: number; el: HTMLElement }>();
      let cursor: ChildNode | null = list.firstChild;
      for (const e of entries) {
        const old = nodes.get(e.key);
        const el = old && old.rev === e.rev ? old.el : entryNode(e, opts);
        if (old && old.el !== el) {
          old.el.replaceWith(el);
          if (cursor === old.el) cursor = el;
        }
        next.set(e.key, { rev: e.rev, el });
        if (el === cursor) cursor = cursor.nextSibling;
        else list.insertBefore(el, cursor);
      }
      for (const [key, n] of nodes) if (!next.has(key)) n.el.remove();
      nodes = next;
      if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    },
    clear(): void {
      list.replaceChildren();
      nodes = new Map();
    },
    typing(shopper: boolean, agentName: string | null): void {
      const text = [
        shopper ? t('transcript.shopperTyping') : '',
        agentName ? t('transcript.typing', { name: agentName }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      typing.textContent = text;
      typing.hidden = !text;
    },
  };
}
