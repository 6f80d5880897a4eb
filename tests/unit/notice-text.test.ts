import { describe, expect, it } from 'vitest';
import { noticeText } from '../../widget/chat/notice-text.js';

describe('status notices in the shopper’s language', () => {
  it('words each notice as the server does in English', () => {
    expect(noticeText({ kind: 'queued', minutes: 6 }, 'en')).toBe(
      "You're in the queue (about 6 min). A member of our team will join here.",
    );
    expect(noticeText({ kind: 'joined', agent: 'Alex' }, 'en')).toBe('Alex joined the conversation.');
    expect(noticeText({ kind: 'away', opens: { inDays: 3, weekday: 1, time: '09:00' } }, 'en')).toMatch(
      /will reply Monday at 09:00\./,
    );
    expect(noticeText({ kind: 'away', opens: null }, 'en')).toMatch(/will reply soon\./);
  });

  it('says them in Persian with Persian digits and weekday, and in German', () => {
    expect(noticeText({ kind: 'queued', minutes: 6 }, 'fa')).toMatch(/^در صف انتظار هستید \(حدود ۶ دقیقه\)/);
    expect(noticeText({ kind: 'away', opens: { inDays: 3, weekday: 1, time: '09:00' } }, 'fa')).toContain(
      'دوشنبه ساعت ۰۹:۰۰',
    );
    expect(noticeText({ kind: 'left', agent: 'Sam' }, 'fa')).toBe('Sam گفتگو را ترک کرد — دستیار برگشت.');
    expect(noticeText({ kind: 'away', opens: { inDays: 1, weekday: 2, time: '08:30' } }, 'de')).toContain(
      'morgen um 08:30',
    );
    expect(noticeText({ kind: 'resumed' }, 'de')).toBe('Der Assistent ist wieder da.');
  });
});
