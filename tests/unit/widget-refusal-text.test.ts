import { describe, expect, it } from 'vitest';
import { useLanguageRoot } from '../helpers/language-root.js';
import { setLanguage } from '../../widget/i18n/live.js';
import { refusalText } from '../../widget/chat/refusal-text.js';

useLanguageRoot();

describe('refusals in the chat’s language (the server’s message is English, for API clients)', () => {
  const limited = { code: 'limits:rate_limited', message: 'Too many messages. Try again in 30 seconds.' };

  it('says a rate limit with its wait, in seconds or minutes, with the locale’s digits', () => {
    setLanguage('en');
    expect(refusalText({ ...limited, details: { retryAfterSeconds: 30 } })).toBe(
      "You're sending messages quickly: please wait 30 seconds and try again.",
    );
    expect(refusalText({ ...limited, details: { retryAfterSeconds: 1 } })).toContain('wait 1 second and');
    expect(refusalText({ ...limited, details: { retryAfterSeconds: 150 } })).toContain('wait 3 minutes');
    setLanguage('fa');
    expect(refusalText({ ...limited, details: { retryAfterSeconds: 30 } })).toContain('۳۰ ثانیه صبر کنید');
    setLanguage('de');
    expect(refusalText({ ...limited, details: { retryAfterSeconds: 120 } })).toContain('warten Sie 2 Minuten');
  });

  it('says known refusals in the language and keeps the server’s words for unknown ones', () => {
    setLanguage('ar');
    expect(refusalText({ code: 'conversation:not_found', message: 'Conversation not found.' })).toBe(
      'انتهت هذه المحادثة. أعد تحميل الصفحة لبدء محادثة جديدة.',
    );
    expect(refusalText({ ...limited })).toContain('60 ثانية');
    expect(refusalText({ code: 'cart:out_of_stock', message: 'Only 2 left.' })).toBe('Only 2 left.');
    expect(refusalText({ code: 'cart:out_of_stock', message: '' })).toBe('تعذّر على المتجر تنفيذ ذلك.');
  });
});
