import type { Language, StatusNotice } from '../../src/chat/protocol.js';
import { CATALOGS, type MessageKey } from '../i18n/catalogs.js';
import { formatMessage, LOCALES, type MessageVars } from '../i18n/format.js';

// 2024-01-07 was a Sunday: weekday n is that date plus n days (read in UTC).
const SUNDAY = Date.UTC(2024, 0, 7);

/** A weekday's name and a time of day, as the shopper's language writes them. */
function weekdayName(language: Language, weekday: number): string {
  const locale = LOCALES[language];
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(SUNDAY + weekday * 86_400_000);
}

function timeOfDay(language: Language, hhmm: string): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const at = Date.UTC(2024, 0, 7, hours, minutes);
  return new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(at);
}

/** A status notice in the widget's language (the server's English text is for API clients). */
export function noticeText(notice: StatusNotice, language: Language): string {
  const t = (key: MessageKey, vars?: MessageVars) => formatMessage(language, CATALOGS[language][key], vars);
  switch (notice.kind) {
    case 'queued':
      return t('chat.notice.queued', { minutes: notice.minutes });
    case 'away': {
      const opens = notice.opens;
      const when = !opens
        ? t('chat.notice.soon')
        : opens.inDays === 0
          ? t('chat.notice.today', { time: timeOfDay(language, opens.time) })
          : opens.inDays === 1
            ? t('chat.notice.tomorrow', { time: timeOfDay(language, opens.time) })
            : t('chat.notice.day', {
                day: weekdayName(language, opens.weekday),
                time: timeOfDay(language, opens.time),
              });
      return t('chat.notice.away', { when });
    }
    case 'joined':
    case 'left':
    case 'closed':
      return t(`chat.notice.${notice.kind}`, { name: notice.agent });
    case 'resumed':
      return t('chat.notice.resumed');
  }
}
