import { describe, expect, it } from 'vitest';
import { toModelContent } from '../../src/agent/model-view.js';
import { fakeProduct } from '../fixtures/fake-shop.js';

describe('the model view of a tool result', () => {
  const long = `${'A grippy sole for wet rock and muddy fields. '.repeat(12)}Runs slightly narrow in the forefoot.`;
  const boot = {
    ...fakeProduct({ handle: 'crest', title: 'Crest Boot', price: 140, category: 'Boots' }),
    description: long,
  };

  it("keeps one product's details whole, where the answer to a question about it may be near the end", () => {
    const seen = JSON.parse(toModelContent({ product: boot }));
    expect(seen.product.description).toBe(long);
    expect(seen.product.image).toBeUndefined();
  });

  it('cuts the descriptions of listed products, so several lists fit the history', () => {
    const seen = JSON.parse(toModelContent({ products: [boot, boot] }));
    for (const p of seen.products) {
      expect(p.description.length).toBeLessThanOrEqual(301);
      expect(p.description.endsWith('…')).toBe(true);
    }
  });
});
