import { h } from '../shared/dom.js';
import { drawDailyChart } from './analytics-charts.js';
import { StudioError, type CommerceAnalytics, type StudioApi } from './api.js';

type Report = CommerceAnalytics;
type Cell = string | number;

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;
const moneyList = (list: { formatted: string }[]) => list.map((m) => m.formatted).join(' + ') || '0';
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A table with a header row; every cell is text. */
function table(caption: string, head: string[], rows: Cell[][], empty: string) {
  if (!rows.length)
    return h('section', { class: 'report' }, h('h3', { text: caption }), h('p', { class: 'muted', text: empty }));
  return h(
    'section',
    { class: 'report' },
    h('h3', { text: caption }),
    h(
      'table',
      { class: 'figures', 'aria-label': caption },
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { text: c })))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', { text: String(c) }))))),
    ),
  );
}

function headline(label: string, value: string, detail = '') {
  return h(
    'div',
    { class: 'headline' },
    h('p', { class: 'muted small', text: label }),
    h('p', { class: 'figure', text: value }),
    detail ? h('p', { class: 'muted small', text: detail }) : null,
  );
}

function headlines(r: Report) {
  const revenue = r.attributedOrders.revenue.map((x) => x.total);
  const csat = r.csat.average === null ? '–' : r.csat.average.toFixed(2);
  return h(
    'div',
    { class: 'headlines', 'aria-label': 'Headline figures' },
    headline('Conversations', String(r.conversations)),
    headline('Contained', percent(r.containment.rate), `${r.containment.conversations} without a human`),
    headline('Handoff rate', percent(r.handoffs.rate), `${r.handoffs.conversations} handed off`),
    headline('CSAT', csat, count(r.csat.count, 'rating', 'ratings')),
    headline(
      'Add to cart',
      String(r.addToCart.conversations),
      `${count(r.addToCart.items, 'item', 'items')}, ${moneyList(r.addToCart.value)}`,
    ),
    headline('Attributed orders', String(r.attributedOrders.orders), moneyList(revenue)),
    headline('Searches', String(r.searches.total), `${r.searches.zeroResult} with no result`),
  );
}

function tables(r: Report) {
  const versions = r.byPromptVersion.map((v) => [
    Object.values(v.promptVersions).join(', ') || v.promptVersion.slice(0, 10),
    v.conversations,
    percent(v.containmentRate),
    percent(v.handoffRate),
    percent(v.addToCartRate),
    v.csat.average === null ? '–' : `${v.csat.average.toFixed(2)} (${v.csat.count})`,
    v.attributedOrders,
    v.attributedRevenue.formatted,
    `${v.searches} / ${v.zeroResultSearches}`,
  ]);
  const reasons = r.handoffs.reasons.map((x) => [x.reason, x.source, x.conversations]);
  return [
    table(
      'Zero-result searches',
      ['Search', 'Times', 'Last'],
      r.zeroResultSearches.map((s) => [s.query, s.searches, new Date(s.lastAt).toLocaleString()]),
      'Every search found something.',
    ),
    table(
      'Top searches',
      ['Search', 'Times', 'With no result'],
      r.topSearches.map((s) => [s.query, s.searches, s.zeroResult]),
      'No searches in this range.',
    ),
    table(
      'Products most asked about',
      ['Product', 'Conversations'],
      r.productsAskedAbout.map((p) => [p.title ?? p.handle, p.conversations]),
      'The assistant showed no products in this range.',
    ),
    table(
      'Per prompt version',
      ['Versions', 'Conv.', 'Contained', 'Handoff', 'Add to cart', 'CSAT', 'Orders', 'Revenue', 'Searches / none'],
      versions,
      'No answered conversations in this range.',
    ),
    table('Handoff reasons', ['Reason', 'Asked by', 'Conversations'], reasons, 'No handoffs in this range.'),
    table(
      'Unanswered questions',
      ['Question', 'Times', 'Answered'],
      r.unansweredQuestions.map((g) => [g.representative, g.count, g.resolved ? 'yes' : 'no']),
      'The assistant answered every question in this range.',
    ),
  ];
}

/** Draws the three charts over the days; returns what destroys them. */
function charts(parent: HTMLElement, r: Report): (() => void)[] {
  const days = r.daily.map((d) => d.day);
  const pick = (f: (d: Report['daily'][number]) => number) => r.daily.map(f);
  return [
    drawDailyChart(parent, 'Conversations and handoffs', days, [
      { label: 'Conversations', kind: 'bar', color: '#1f5f4a', data: pick((d) => d.conversations) },
      { label: 'Handoffs', kind: 'line', color: '#b42318', data: pick((d) => d.handoffs) },
    ]),
    drawDailyChart(parent, 'Add to cart and attributed orders', days, [
      {
        label: 'Conversations with an add to cart',
        kind: 'bar',
        color: '#6a9c89',
        data: pick((d) => d.addToCartConversations),
      },
      { label: 'Attributed orders', kind: 'bar', color: '#1f5f4a', data: pick((d) => d.attributedOrders) },
      {
        label: `Revenue (${r.currency})`,
        kind: 'line',
        color: '#8a5a00',
        right: true,
        data: pick((d) => d.attributedRevenueMinor / 100),
      },
    ]),
    drawDailyChart(parent, 'Searches and zero-result searches', days, [
      { label: 'Searches', kind: 'bar', color: '#1f5f4a', data: pick((d) => d.searches) },
      { label: 'Zero-result', kind: 'bar', color: '#b42318', data: pick((d) => d.zeroResultSearches) },
    ]),
  ];
}

/**
 * The Analytics tab: a date range (the last 30 days by default), the headline figures, charts per
 * day and tables of searches, products and prompt versions. All shop and shopper text is set as text.
 */
export function createAnalyticsTab(root: HTMLElement, api: StudioApi, toast: (text: string) => void) {
  const today = new Date();
  const from = h('input', {
    type: 'date',
    'aria-label': 'From',
    value: isoDay(new Date(today.getTime() - 29 * DAY_MS)),
  });
  const to = h('input', { type: 'date', 'aria-label': 'To', value: isoDay(today) });
  const show = h('button', { class: 'primary', text: 'Show' });
  const problem = h('p', { class: 'error', role: 'alert' });
  const report = h('div', { class: 'analytics-report', 'aria-live': 'polite' });
  let destroy: (() => void)[] = [];

  async function load() {
    problem.textContent = '';
    try {
      const r = await api.analytics(from.value, to.value);
      destroy.forEach((d) => d());
      const chartRow = h('div', { class: 'charts' });
      report.replaceChildren(headlines(r), chartRow, ...tables(r));
      destroy = charts(chartRow, r);
      report.dataset.loaded = `${r.from}/${r.to}`;
    } catch (err) {
      problem.textContent = err instanceof StudioError ? err.message : 'Could not load the analytics.';
      if (!(err instanceof StudioError)) toast('Could not load the analytics.');
    }
  }
  show.addEventListener('click', () => void load());

  root.replaceChildren(
    h(
      'section',
      { class: 'analytics' },
      h(
        'div',
        { class: 'row range' },
        h('h2', { text: 'Commerce analytics' }),
        h('div', { class: 'actions' }, 'From', from, 'to', to, show),
      ),
      problem,
      report,
    ),
  );
  return { load };
}
