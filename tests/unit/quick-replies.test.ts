import { describe, expect, it } from 'vitest';
import { quickReplies } from '../../src/agent/quick-replies.js';
import { LANGUAGES } from '../../src/shared/language.js';

const call = (name: string) => ({ id: `call_${name}`, name, arguments: '{}' });

describe('quick replies', () => {
  it('offers next steps from what the turn did', () => {
    expect(quickReplies([call('add_to_cart')], { productCount: 1, signedIn: false })).toEqual([
      'Show my cart',
      'Keep shopping',
    ]);
    expect(quickReplies([call('search_products')], { productCount: 5, signedIn: false })).toHaveLength(3);
    expect(quickReplies([call('request_human')], { productCount: 0, signedIn: true })).toEqual([]);
    expect(quickReplies([call('get_orders')], { productCount: 0, signedIn: false })).toEqual([]);
  });

  it('speaks the conversation’s language, with as many buttons in every language', () => {
    const en = quickReplies([], { productCount: 0, signedIn: false });
    for (const language of LANGUAGES) {
      const words = quickReplies([], { productCount: 0, signedIn: false, language });
      expect(words).toHaveLength(en.length);
      if (language !== 'en') expect(words).not.toEqual(en);
    }
    expect(quickReplies([call('add_to_cart')], { productCount: 1, signedIn: false, language: 'fa' })[0]).toBe(
      'سبد خریدم رو نشون بده',
    );
  });
});
