import { describe, expect, it } from 'vitest';
import { textSearchConfig } from '../../src/catalog/text-search-config.js';

describe('text search configuration per language', () => {
  it('stems English and German with their own configurations and leaves their text as it is', () => {
    expect(textSearchConfig(undefined)).toMatchObject({ name: 'english' });
    expect(textSearchConfig('de')).toMatchObject({ name: 'german' });
    expect(textSearchConfig('de').normalize('Größe 42')).toBe('Größe 42');
  });

  it('reads Persian and Arabic as folded words, since Postgres has no stemmer for them', () => {
    const fa = textSearchConfig('fa-IR');
    expect(fa.name).toBe('simple');
    // Arabic yeh and kaf, a zero-width non-joiner, Persian digits, Arabic punctuation.
    expect(fa.normalize('كفش‌هاي ۴۲، مشکی')).toBe('کفش های 42 مشکی');
    expect(textSearchConfig('ar').normalize('حذاءٌ للجري')).toBe('حذاء للجری');
  });

  it('uses the simple configuration for a language it has none for', () => {
    expect(textSearchConfig('pt-BR')).toMatchObject({ name: 'simple' });
  });
});
