import { describe, expect, it } from 'vitest';
import { useLanguageRoot } from '../helpers/language-root.js';
import { ConsoleError } from '../../widget/console/api.js';
import { errorText } from '../../widget/console/error-text.js';
import { setLanguage } from '../../widget/i18n/live.js';

useLanguageRoot();

describe('the console’s errors in the agent’s language (the server’s message is English, for API clients)', () => {
  const taken = new ConsoleError('handoff:already_taken', 'Already taken by Sam.', { agentName: 'Sam' });

  it('words a refusal it knows by its code, with the colleague’s name from the details', () => {
    setLanguage('fa');
    expect(errorText(taken, 'conv.failed')).toBe('Sam این گفتگو را زودتر برداشته است.');
    expect(
      errorText(
        new ConsoleError('handoff:not_yours', 'Sam holds this conversation.', { agentName: 'Sam' }),
        'conv.failed',
      ),
    ).toBe('این گفتگو دست Sam است.');
    setLanguage('de');
    expect(
      errorText(new ConsoleError('approval:decided', 'This request was already decided.'), 'approvals.failed'),
    ).toBe('Über diese Anfrage wurde bereits entschieden.');
    setLanguage('ar');
    expect(
      errorText(new ConsoleError('order:anonymous', 'This shopper is not signed in…'), 'orderActions.failed'),
    ).toBe('هذا المتسوق لم يسجّل الدخول: لا توجد طلبات لتعديلها.');
  });

  it('keeps the server’s words for a code it does not know, or a naming refusal without the name', () => {
    setLanguage('fa');
    expect(errorText(new ConsoleError('cart:out_of_stock', 'Only 2 left.'), 'cartPanel.failed')).toBe('Only 2 left.');
    expect(errorText(new ConsoleError('handoff:already_taken', 'Already taken by Sam.'), 'conv.failed')).toBe(
      'Already taken by Sam.',
    );
    expect(errorText(new ConsoleError('cart:out_of_stock', ''), 'cartPanel.failed')).toBe('تغییر سبد خرید ممکن نشد.');
  });

  it('says anything that is not a ConsoleError with the fallback, in the language', () => {
    setLanguage('de');
    expect(errorText(new TypeError('x is undefined'), 'compose.notSent')).toBe(
      'Nicht gesendet. Bitte erneut versuchen.',
    );
    setLanguage('en');
    expect(errorText(new TypeError('x is undefined'), 'orderActions.failed')).toBe('Could not change the order.');
  });
});
