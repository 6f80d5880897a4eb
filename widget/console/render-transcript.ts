import type { Entry, MessageEntry } from './conversation-view.js';
import { h, multiline } from './dom.js';
import { clock } from './format.js';

const WHO: Record<MessageEntry['role'], string> = {
  user: 'Shopper',
  assistant: 'Assistant',
  agent: 'Agent',
  system: '',
};

function entryNode(e: Entry): HTMLElement {
  const time = h('time', { datetime: e.at, text: clock(e.at) });
  if (e.kind === 'note') {
    return h(
      'li',
      { class: 'entry note' },
      h(
        'div',
        { class: 'meta' },
        h('strong', { text: 'Private note — not visible to the shopper' }),
        ` · ${e.author} · `,
        time,
      ),
      h('div', { class: 'text' }, multiline(e.text)),
    );
  }
  if (e.role === 'system') return h('li', { class: 'entry system' }, h('span', {}, multiline(e.text)), ' · ', time);
  const status = e.streaming
    ? h('span', { class: 'streaming', text: 'writing…' })
    : e.interrupted
      ? h('span', { class: 'muted', text: 'stopped — a person took over' })
      : e.failed
        ? h('span', { class: 'failed', text: 'failed' })
        : null;
  return h(
    'li',
    { class: `entry msg ${e.role}` },
    h(
      'div',
      { class: 'meta' },
      h('strong', { text: e.role === 'agent' ? (e.author ?? WHO.agent) : WHO[e.role] }),
      ' · ',
      time,
      status ? ' · ' : null,
      status,
      e.promptVersions
        ? h('span', { class: 'prompt-versions', text: ` · ${Object.values(e.promptVersions).join(', ')}` })
        : null,
    ),
    h('div', { class: 'text' }, multiline(e.text)),
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
export function createTranscript(scroller: HTMLElement, typing: HTMLElement) {
  const list = h('ol', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  scroller.append(list);
  let nodes = new Map<string, { rev: number; el: HTMLElement }>();

  return {
    render(entries: Entry[]): void {
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
      const next = new Map<string, { rev: number; el: HTMLElement }>();
      let cursor: ChildNode | null = list.firstChild;
      for (const e of entries) {
        const old = nodes.get(e.key);
        const el = old && old.rev === e.rev ? old.el : entryNode(e);
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
      const text = [shopper ? 'Shopper is typing…' : '', agentName ? `${agentName} is typing…` : '']
        .filter(Boolean)
        .join(' · ');
      typing.textContent = text;
      typing.hidden = !text;
    },
  };
}
