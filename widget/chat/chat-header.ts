import type { Customer, StatusInfo } from '../loader/frame-messages.js';
import type { Child } from '../shared/dom.js';
import { h } from './dom.js';

/** Shown before the first message: the shopper knows from the start that an AI answers (EU AI Act, Art. 50). */
export const AI_NOTICE = "You're chatting with an AI assistant. You can ask for a person at any time.";

function statusText(s: StatusInfo, customer: Customer): string {
  if (s.status === 'queued')
    return s.queuePosition ? `Waiting for our team · #${s.queuePosition} in line` : 'Waiting for our team…';
  if (s.status === 'human') return `You're chatting with ${s.agentName ?? 'our team'}`;
  if (s.status === 'closed') return 'This conversation has ended';
  return customer ? `Hi ${customer.firstName}! Ask me anything` : 'Typically replies in seconds';
}

/**
 * The chat's header: the shop's name for its assistant, a visible label saying who answers (the
 * AI assistant, or a team member once a person has taken over) and a status line.
 */
export function createChatHeader(opts: { title: string; end: Child[] }) {
  const who = h('span', { class: 'who-tag' }, 'AI assistant');
  const sub = h('p', { class: 'sub', role: 'status' });
  const el = h(
    'header',
    { class: 'head' },
    h('div', { class: 'avatar', 'aria-hidden': 'true' }, opts.title.trim().charAt(0).toUpperCase() || 'C'),
    h('div', { class: 'who' }, h('div', { class: 'title' }, h('h1', {}, opts.title), who), sub),
    ...opts.end,
  );
  return {
    el,
    show(status: StatusInfo, customer: Customer) {
      const person = status.status === 'human';
      who.textContent = person ? 'Team member' : 'AI assistant';
      who.classList.toggle('person', person);
      sub.textContent = statusText(status, customer);
    },
  };
}
