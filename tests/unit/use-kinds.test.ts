import { describe, expect, it } from 'vitest';
import type { ProductType } from '../../src/catalog/product-types.js';
import { typeOfUses, usesOf } from '../../src/catalog/use-kinds.js';

/** A shop's product types by their stemmed names, each with its products' handles. */
function shopTypes(byName: Record<string, string[]>): Map<string, ProductType> {
  return new Map(Object.entries(byName).map(([key, handles]) => [key, { label: key, key, handles: new Set(handles) }]));
}

const types = shopTypes({
  kettle: ['steel-kettle'],
  'coffee maker': ['drip-machine'],
  speaker: ['boom-box'],
  sofa: ['green-sofa'],
  'bean bag': ['round-bag'],
  bag: ['round-bag', 'tote'],
});

describe('needs in a query', () => {
  it('reads a query made of a need as the kinds of product the shop has for it', () => {
    expect(usesOf('kitchen', types)).toEqual([{ use: 'kitchen', handles: new Set(['steel-kettle', 'drip-machine']) }]);
    expect(usesOf('something for music', types).map((u) => [...u.handles])).toEqual([['boom-box']]);
  });

  it('joins several needs and skips the words around them', () => {
    const uses = usesOf('comfy sit lounge', types);
    expect(uses.map((u) => u.use)).toEqual(['sit', 'lounge']);
    expect(typeOfUses(uses)?.handles).toEqual(new Set(['green-sofa', 'round-bag']));
  });

  it('leaves a query that names a product alone, even beside a need', () => {
    expect(usesOf('sleeping bags', types)).toEqual([]);
    expect(usesOf('winter gloves', types)).toEqual([]);
    expect(usesOf('gaiters for hiking', types)).toEqual([]);
  });

  it('gives nothing when the shop has none of the kinds, or names the need itself', () => {
    expect(usesOf('gardening', types)).toEqual([]);
    expect(usesOf('kitchen', shopTypes({ kitchen: ['pan'], kettle: ['k'] }))).toEqual([]);
    expect(typeOfUses([])).toBeNull();
  });
});
