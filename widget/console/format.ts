import type { ConversationStatusValue } from '../../src/chat/protocol.js';
import { isLanguage } from '../../src/shared/language.js';
import { LANGUAGE_NAMES } from '../../src/shared/choose-language.js';
import { date, money, t, type MessageKey } from '../i18n/live.js';
import { h } from './dom.js';

/** "just now", "3 min", "1 h 05 min": how long someone has waited. */
export function waitingFor(sinceIso: string | null, now = Date.now()): string {
  if (!sinceIso) return '—';
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutes', { minutes });
  return t('time.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

export function clock(iso: string): string {
  return date(iso, 'time');
}

export function day(iso: string): string {
  return date(iso, 'date');
}

const STATUS: Record<Exclude<ConversationStatusValue, 'human'>, MessageKey> = {
  bot: 'status.bot',
  queued: 'status.queued',
  closed: 'status.closed',
};

/** How a conversation's status reads in the queue and the header. */
export function statusLabel(status: ConversationStatusValue, agentName: string | null, isMine: boolean): string {
  if (status === 'human')
    return isMine ? t('status.withYou') : t('status.withAgent', { name: agentName ?? t('status.anAgent') });
  return t(STATUS[status]);
}

/** The shopper's language as a badge: its code, with its name for a tooltip and screen readers. */
export function languageBadge(language: string): HTMLElement {
  const name = isLanguage(language) ? LANGUAGE_NAMES[language].native : language;
  return h('span', {
    class: 'badge lang',
    lang: language,
    title: t('conv.language', { language: name }),
    text: language.toUpperCase(),
  });
}

export function stars(rating: number): string {
  const r = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(r) + '☆'.repeat(5 - r);
}

/** "€12.50" from minor units, with the currency's own number of decimals, in the console's locale. */
export function amount(amountMinor: number, currency: string): string {
  return money(amountMinor, currency);
}
