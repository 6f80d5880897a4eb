import { h } from '../shared/dom.js';
import type { PreviewReply } from './api.js';
import { lineDiff } from './line-diff.js';

/** The editor's text against the published version, line by line. */
export function diffView(published: string, draft: string): HTMLElement {
  const lines = lineDiff(published, draft);
  const changed = lines.some((l) => l.kind !== 'same');
  if (!changed) return h('p', { class: 'muted', text: 'Same as the published version.' });
  const sign = { same: ' ', added: '+', removed: '−' } as const;
  return h(
    'pre',
    { class: 'diff', 'aria-label': 'Changes against the published version' },
    ...lines.map((l) => h('span', { class: `diff-${l.kind}`, text: `${sign[l.kind]} ${l.text}\n` })),
  );
}

/** One column of a side-by-side preview. */
export function previewColumn(title: string, reply: PreviewReply | null, error: string | null): HTMLElement {
  const body = error
    ? h('p', { class: 'error', text: error })
    : reply
      ? h(
          'div',
          {},
          h('div', { class: 'answer', text: reply.text }),
          h('p', {
            class: 'muted small',
            text: [
              reply.tools.length > 0 ? `tools: ${reply.tools.join(', ')}` : 'no tools',
              reply.products.length > 0 ? `products: ${reply.products.join(', ')}` : '',
              `prompts ${reply.promptVersion}`,
            ]
              .filter(Boolean)
              .join(' · '),
          }),
        )
      : h('p', { class: 'muted', text: 'Writing…' });
  return h('section', { class: 'preview-col', 'aria-label': title }, h('h3', { text: title }), body);
}
