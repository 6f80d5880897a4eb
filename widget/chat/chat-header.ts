import type { Customer, StatusInfo } from '../loader/frame-messages.js';
import type { Child } from '../shared/dom.js';
import { t } from '../i18n/live.js';
import { h } from './dom.js';

function statusText(s: StatusInfo, customer: Customer): string {
  if (s.status === 'queued')
    return s.queuePosition ? t('chat.status.queuedAt', { position: s.queuePosition }) : t('chat.status.queued');
  if (s.status === 'human') return t('chat.status.human', { name: s.agentName ?? t('chat.status.ourTeam') });
  if (s.status === 'closed') return t('chat.status.closed');
  return customer ? t('chat.status.greeting', { name: customer.firstName }) : t('chat.status.default');
}

/**
 * The chat's header: the shop's name for its assistant, a visible label saying who answers (the
 * AI assistant, or a team member once a person has taken over) and a status line. `title` is the
 * shop's own (data-title), or the catalog's name for an assistant when it gave none.
 */
export function createChatHeader(opts: { title: string | null; end: Child[] }) {
  const who = h('span', { class: 'who-tag' });
  const sub = h('p', { class: 'sub', role: 'status' });
  const heading = h('h1', { dir: 'auto' });
  const avatar = h('div', { class: 'avatar', 'aria-hidden': 'true' });
  const el = h(
    'header',
    { class: 'head' },
    avatar,
    h('div', { class: 'who' }, h('div', { class: 'title' }, heading, who), sub),
    ...opts.end,
  );
  let shown: { status: StatusInfo; customer: Customer } = {
    status: { status: 'bot', agentName: null, queuePosition: null },
    customer: null,
  };
  const show = (status: StatusInfo, customer: Customer) => {
    shown = { status, customer };
    const person = status.status === 'human';
    const title = opts.title ?? t('chat.title');
    heading.textContent = title;
    avatar.textContent = title.trim().charAt(0).toUpperCase() || 'C';
    who.textContent = person ? t('chat.teamTag') : t('chat.aiTag');
    who.classList.toggle('person', person);
    sub.textContent = statusText(status, customer);
  };
  show(shown.status, shown.customer);
  return {
    el,
    show,
    /** Says it all again in the page's current language. */
    relabel: () => show(shown.status, shown.customer),
  };
}
