import { h } from '../shared/dom.js';
import type { Experiment, ExperimentReport } from './api.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const promptSet = (prompts: Record<string, string>) => Object.values(prompts).join(', ') || 'published versions';

/** The experiments, newest first; a click opens one. */
export function experimentList(list: Experiment[], openId: string | null, open: (id: string) => void) {
  if (!list.length) return h('p', { class: 'muted', text: 'No experiments yet.' });
  return h(
    'div',
    { class: 'prompt-list' },
    ...list.map((e) =>
      h(
        'button',
        { class: `prompt-item${e.id === openId ? ' active' : ''}`, onClick: () => open(e.id) },
        h('span', { class: 'prompt-name', text: e.name }),
        h('span', { class: 'muted small', text: `${e.status} · ${e.metric}` }),
      ),
    ),
  );
}

const HEADERS = [
  'Variant',
  'Prompts',
  'Weight',
  'Conversations',
  'Add-to-cart',
  'Handoff',
  'CSAT',
  'Messages / conv.',
  'Orders',
  'Revenue (minor units)',
  'P(beats control)',
];

function variantRow(v: ExperimentReport['variants'][number], winner: number | null) {
  const csat = v.csat.average === null ? '–' : `${v.csat.average.toFixed(2)} (${v.csat.count})`;
  const cells = [
    `${v.index === 0 ? 'Control' : `Variant ${v.index}`}${v.index === winner ? ' ★ winner' : ''}`,
    promptSet(v.prompts),
    String(v.weight),
    String(v.conversations),
    pct(v.addToCartRate),
    pct(v.handoffRate),
    csat,
    v.messagesPerConversation.toFixed(1),
    String(v.attributedOrders),
    String(v.attributedRevenueMinor),
    v.probabilityToBeatControl === null ? '–' : pct(v.probabilityToBeatControl),
  ];
  return h('tr', {}, ...cells.map((c) => h('td', { text: c })));
}

/** One experiment's per-variant table, how the probability is computed, and the winner if called. */
export function experimentTable(r: ExperimentReport) {
  const winner =
    r.winner === null
      ? `No winner yet (needs ${r.minSample} conversations per variant and a 95% probability).`
      : `Winner: ${r.winner === 0 ? 'the control' : `variant ${r.winner}`}.`;
  return h(
    'div',
    { class: 'experiment-report' },
    h('p', { class: 'small', text: `Metric: ${r.metric}. ${winner}` }),
    h(
      'table',
      { class: 'experiment-table' },
      h('thead', {}, h('tr', {}, ...HEADERS.map((t) => h('th', { text: t })))),
      h('tbody', {}, ...r.variants.map((v) => variantRow(v, r.winner))),
    ),
    h('p', { class: 'muted small method', text: r.method }),
    r.metricNote ? h('p', { class: 'muted small', text: r.metricNote }) : null,
    r.attributionNote ? h('p', { class: 'muted small', text: r.attributionNote }) : null,
  );
}
