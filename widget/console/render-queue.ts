import type { QueueItem } from '../../src/handoff/agent-protocol.js';
import { h, replaceKeepingFocus } from './dom.js';
import { statusLabel, waitingFor } from './format.js';
import type { ConsoleState, Filter } from './state.js';

const FILTERS: { id: Filter; label: string }[] = [
  { id: 'waiting', label: 'Waiting' },
  { id: 'mine', label: 'Mine' },
  { id: 'all', label: 'All' },
];

const EMPTY: Record<Filter, string> = {
  waiting: 'Nobody is waiting. New requests appear here as they come in.',
  mine: 'You have no conversations. Take one from “Waiting”.',
  all: 'No conversations right now.',
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
  const filters = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show conversations' });
  const list = h('ul', { class: 'queue-list', 'aria-label': 'Conversations' });
  root.append(h('div', { class: 'panel-head' }, h('h2', { text: 'Queue' }), filters), list);

  const count = (f: Filter) => state.counts[f];

  function item(q: QueueItem): HTMLElement {
    const active = state.view?.id === q.conversationId;
    const mine = state.isMine(q);
    const badges = h(
      'div',
      { class: 'badges' },
      q.urgency
        ? h('span', { class: `badge urgency-${q.urgency}`, text: q.urgency === 'high' ? 'High urgency' : q.urgency })
        : null,
      q.language ? h('span', { class: 'badge', title: 'Language', text: q.language.toUpperCase() }) : null,
      h('span', {
        class: `badge status-${q.status}${mine ? ' mine' : ''}`,
        text: statusLabel(q.status, q.assignedAgentName, mine),
      }),
      q.pendingApprovals > 0
        ? h('span', {
            class: 'badge approvals',
            text: `${q.pendingApprovals} approval${q.pendingApprovals === 1 ? '' : 's'}`,
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
        h('span', { class: `who${q.customer ? '' : ' anon'}`, text: q.customer?.name ?? 'anonymous' }),
        q.waitingSince
          ? h('span', {
              class: 'waiting',
              'data-since': q.waitingSince,
              title: 'Waiting time',
              text: waitingFor(q.waitingSince),
            })
          : null,
      ),
      h('div', { class: 'reason', text: q.reason ?? q.lastMessage ?? 'No reason given' }),
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
            f.label,
            h('span', { class: 'count', text: String(count(f.id)) }),
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
                text: `Show more (${items.length} of ${state.total})`,
                onClick: () => {
                  state.showMore();
                  deps.reload();
                },
              }),
            )
          : null;
      replaceKeepingFocus(
        list,
        ...(items.length > 0 ? items.map(item) : [h('li', { class: 'empty', text: EMPTY[state.filter] })]),
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
