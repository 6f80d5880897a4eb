import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/shared/choose-language.js';
import { compilePrompts, type PromptFile } from '../../src/agent/prompts/load-prompts.js';
import { templateProblem } from '../../src/agent/prompts/render-prompt.js';

describe('chooseLanguage', () => {
  const all = { message: 'fa', conversation: 'ar', customer: 'de', page: 'en', shop: 'de' } as const;

  it('takes the message first, then the conversation, the customer, the page and the shop', () => {
    expect(chooseLanguage(all)).toBe('fa');
    expect(chooseLanguage({ ...all, message: null })).toBe('ar');
    expect(chooseLanguage({ ...all, message: null, conversation: null })).toBe('de');
    expect(chooseLanguage({ ...all, message: null, conversation: null, customer: null })).toBe('en');
    expect(chooseLanguage({ shop: 'de' })).toBe('de');
  });

  it('skips what Concierge does not speak (a French customer, a page in Japanese)', () => {
    expect(chooseLanguage({ customer: 'fr', page: 'ja', shop: 'en' })).toBe('en');
    expect(chooseLanguage({ customer: 'fr', page: 'fa', shop: 'en' })).toBe('fa');
  });
});

describe('the prompts and the language variables', () => {
  const file = (raw: string): PromptFile[] =>
    ['system', 'persona', 'answer-rules', 'handoff-rules'].map((name) => ({ name, path: name, raw }));

  it('accepts language_name and catalog_language_name in a template, as the studio checks it', () => {
    expect(templateProblem('Answer in {language_name}; search in {catalog_language_name}.')).toBeNull();
    expect(templateProblem('Answer in {langauge_name}.')).toMatch(/langauge_name/);
  });

  it('renders the shopper language and the catalog language, English when not given', () => {
    const prompts = compilePrompts(file('Answer in {language_name}, search in {catalog_language_name}.'));
    const vars = { shop_name: 'Shop', currency: 'EUR' };
    expect(prompts.render({ ...vars, language_name: 'Persian', catalog_language_name: 'German' })).toContain(
      'Answer in Persian, search in German.',
    );
    expect(prompts.render(vars)).toContain('Answer in English, search in English.');
  });
});
