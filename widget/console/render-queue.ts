import type { QueueItem } from '../../src/handoff/agent-protocol.js';
import { h, replaceKeepingFocus } from './dom.js';
import { languageBadge, statusLabel, waitingFor } from './format.js';
import type { ConsoleState, Filter } from './state.js';
import { number, t, type MessageKey } from '../i18n/live.js';

const FILTERS: { id: Filter; label: MessageKey }[] = [
  { id: 'waiting', label: 'queue.waiting' },
  { id: 'mine', label: 'queue.mine' },
  { id: 'all', label: 'queue.all' },
];

const URGENCY: Record<NonNullable<QueueItem['urgency']>, MessageKey> = {
  low: 'urgency.low',
  normal: 'urgency.normal',
  high: 'urgency.high',
};

const EMPTY: Record<Filter, MessageKey> = {
  waiting: 'queue.empty.waiting',
  mine: 'queue.empty.mine',
  all: 'queue.empty.all',
};

/** The live queue: who is waiting, for how long and why; a click opens the conversation. */
export function createQueuePanel(
  root: HTMLElement,
  deps: {
    state: ConsoleState;
    open: (conversationId: string) => void;
    /** The filter or the number of rows changed: load that view. */
    reload: () => void;
  },
) {
  const { state } = deps;
  const filters = h('div', { class: 'segmented', role: 'group', 'aria-label': t('queue.show') });
  const list = h('ul', { class: 'queue-list', 'aria-label': t('queue.list') });
  root.append(h('div', { class: 'panel-head' }, h('h2', { text: t('console.queue') }), filters), list);

  const count = (f: Filter) => state.counts[f];

  function item(q: QueueItem): HTMLElement {
    const active = state.view?.id === q.conversationId;
    const mine = state.isMine(q);
    const badges = h(
      'div',
      { class: 'badges' },
      q.urgency
        ? h('span', {
            class: `badge urgency-${q.urgency}`,
            text: t(URGENCY[q.urgency]),
          })
        : null,
      q.language ? languageBadge(q.language) : null,
      h('span', {
        class: `badge status-${q.status}${mine ? ' mine' : ''}`,
        text: statusLabel(q.status, q.assignedAgentName, mine),
      }),
      q.pendingApprovals > 0
        ? h('span', {
            class: 'badge approvals',
            text: t('queue.approvals', { count: q.pendingApprovals }),
          })
        : null,
    );
    const button = h(
      'button',
      {
        type: 'button',
        class: `queue-item${active ? ' active' : ''}${state.unread.has(q.conversationId) ? ' unread' : ''}`,
        'data-key': `q:${q.conversationId}`,
        'aria-current': active ? 'true' : null,
        onClick: () => deps.open(q.conversationId),
      },
      h(
        'div',
        { class: 'row' },
        h('span', {
          class: `who${q.customer ? '' : ' anon'}`,
          dir: 'auto',
          text: q.customer?.name ?? t('queue.anonymous'),
        }),
        q.waitingSince
          ? h('span', {
              class: 'waiting',
              'data-since': q.waitingSince,
              title: t('queue.waitingTime'),
              text: waitingFor(q.waitingSince),
            })
          : null,
      ),
      h('div', { class: 'reason', dir: 'auto', text: q.reason ?? q.lastMessage ?? t('queue.noReason') }),
      badges,
    );
    return h('li', {}, button);
  }

  return {
    render(): void {
      replaceKeepingFocus(
        filters,
        ...FILTERS.map((f) =>
          h(
            'button',
            {
              type: 'button',
              'data-key': `f:${f.id}`,
              'aria-pressed': String(state.filter === f.id),
              onClick: () => {
                state.setFilter(f.id);
                deps.reload();
              },
            },
            t(f.label),
            h('span', { class: 'count', text: number(count(f.id)) }),
          ),
        ),
      );
      const items = state.visibleQueue();
      const more =
        state.total > items.length
          ? h(
              'li',
              { class: 'more' },
              h('button', {
                type: 'button',
                'data-key': 'more',
                text: t('queue.more', { shown: items.length, total: state.total }),
                onClick: () => {
                  state.showMore();
                  deps.reload();
                },
              }),
            )
          : null;
      replaceKeepingFocus(
        list,
        ...(items.length > 0 ? items.map(item) : [h('li', { class: 'empty', text: t(EMPTY[state.filter]) })]),
        ...(more ? [more] : []),
      );
    },
    /** Updates the waiting times in place (no redraw, focus untouched). */
    tick(): void {
      for (const el of list.querySelectorAll<HTMLElement>('[data-since]'))
        el.textContent = waitingFor(el.dataset.since || null);
    },
  };
}
