import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/agent/model.js';
import { readHistory } from '../../src/agent/models/offline/history.js';
import { cartLine, withOptions } from '../../src/agent/models/offline/format.js';
import { loadReplies } from '../../src/agent/models/offline/replies.js';

const money = { amount: 94.95, currency: 'EUR', formatted: '€94.95' };
/** A search result as search_products returns it to a Persian turn: title and option labels translated. */
const shownInPersian = {
  handle: 'hoarfrost-jacket',
  title: 'کاپشن پفی Hoarfrost',
  originalTitle: 'Hoarfrost Puffer Jacket',
  language: 'fa',
  optionLabels: { Color: { name: 'رنگ', values: { Black: 'مشکی' } }, Size: { name: 'سایز' } },
  vendor: 'Fjellmark',
  price: money,
  inStock: true,
  optionNames: ['Size', 'Color'],
  variants: [{ sku: 'HF-M-BLK', options: { Size: 'M', Color: 'Black' }, price: money, inStock: true }],
};
const messages = (next: string): ChatMessage[] => [
  { role: 'user', content: 'کاپشن گرم' },
  {
    role: 'assistant',
    content: null,
    toolCalls: [{ id: 'c1', name: 'search_products', arguments: '{"query":"jacket warm"}' }],
  },
  { role: 'tool', toolCallId: 'c1', name: 'search_products', content: JSON.stringify({ products: [shownInPersian] }) },
  { role: 'assistant', content: 'این‌ها را پیدا کردم' },
  { role: 'user', content: next },
];

describe('translated products in the offline model’s memory', () => {
  it('keeps the translation for a turn in its language, with the options in the catalog’s terms', () => {
    const p = readHistory(messages('دومی'), 'fa').products.get('hoarfrost-jacket')!;
    expect(p.title).toBe('کاپشن پفی Hoarfrost');
    expect(p.variants[0].options).toEqual({ Size: 'M', Color: 'Black' });
    const say = loadReplies('fa');
    expect(withOptions(say, p.title, { Size: 'M', Color: 'Black' }, p.optionLabels)).toContain('رنگ مشکی');
    // A cart line (the catalog's words) of a product shown translated is named as it was shown.
    const shown = readHistory(messages('سبدم'), 'fa').products;
    const line: Parameters<typeof cartLine>[1] = {
      sku: 'HF-M-BLK',
      handle: 'hoarfrost-jacket',
      title: 'Hoarfrost Puffer Jacket',
      options: { Color: 'Black' },
      quantity: 1,
      unitPrice: money,
      lineTotal: money,
      inStock: true,
      stock: 3,
      image: null,
    };
    expect(cartLine(say, line, 1, shown)).toContain('کاپشن پفی Hoarfrost (رنگ مشکی)');
  });

  it('reads it in the catalog’s own words when the shopper has switched language', () => {
    const p = readHistory(messages('add it in M'), 'en').products.get('hoarfrost-jacket')!;
    expect(p.title).toBe('Hoarfrost Puffer Jacket');
    expect(p.optionLabels).toBeUndefined();
    expect(withOptions(loadReplies('en'), p.title, { Color: 'Black' }, p.optionLabels)).toBe(
      'Hoarfrost Puffer Jacket (Color Black)',
    );
  });
});
