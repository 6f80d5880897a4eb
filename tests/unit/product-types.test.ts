import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/catalog/catalog-vocabulary.js';
import { askedType, indexProductTypes, modifierCompounds, widerType } from '../../src/catalog/product-types.js';
import { stem } from '../../src/catalog/terms.js';
import { catalogEntry } from '../fixtures/catalog-entry.js';

const entry = (handle: string, title: string, productType: string): CatalogEntry =>
  catalogEntry({ handle, title, productType, categoryPath: ['Outdoor', productType] });

const ENTRIES = [
  entry('lark-chair', 'Lark Camping Chair', 'Camp furniture'),
  entry('wren-chair', 'Wren Low Camp Chair', 'Camp furniture'),
  entry('finch-table', 'Finch Camping Table', 'Camp furniture'),
  entry('heron-kettle', 'Heron Kettle', 'Cookware'),
];
const types = indexProductTypes(ENTRIES);

describe('product types', () => {
  it('asks for the most specific kind a query names, from types, categories and title ends', () => {
    expect([...askedType('camping tables', types)!.handles]).toEqual(['finch-table']);
    expect([...askedType('a kettle for the stove', types)!.handles]).toEqual(['heron-kettle']);
    expect(askedType('something nice', types)).toBeNull();
  });

  it('takes names that differ only by "-ing" as one kind ("camping chair", "camp chair")', () => {
    expect([...askedType('camping chairs', types)!.handles].sort()).toEqual(['lark-chair', 'wren-chair']);
    expect([...askedType('camp chair', types)!.handles].sort()).toEqual(['lark-chair', 'wren-chair']);
  });

  it('counts a compound ending in a kind another title names as that kind ("Wristwatch" is a watch, "Earring" no ring)', () => {
    const shop = indexProductTypes([
      entry('smart-watch', 'Smart Watch', 'Electronics'),
      entry('wristwatch', 'Wristwatch', 'Accessories'),
      entry('signet', 'Signet Ring', 'Jewellery'),
      entry('hoops', 'Hoop Earring', 'Jewellery'),
    ]);
    expect([...askedType('watches', shop)!.handles].sort()).toEqual(['smart-watch', 'wristwatch']);
    expect([...askedType('rings', shop)!.handles]).toEqual(['signet']);
  });

  it('reads a title\'s kind before a comma or a word joining what comes with it ("Rope with Hooks")', () => {
    const shop = indexProductTypes(
      [
        entry('rope-hooks', 'Rope with Hooks', 'Climbing'),
        entry('rope-loop', 'Rope with Loop', 'Climbing'),
        entry('tin-cups', 'Tin Cups, Set of 2', 'Cookware'),
        entry('mug-set', 'Fell Mug Set of 4', 'Cookware'),
      ],
      { titleLinks: new Set(['with', 'of']) },
    );
    expect([...askedType('ropes', shop)!.handles].sort()).toEqual(['rope-hooks', 'rope-loop']);
    expect(askedType('hooks', shop)).toBeNull();
    expect([...askedType('cups', shop)!.handles]).toEqual(['tin-cups']);
    expect([...askedType('mug set', shop)!.handles]).toEqual(['mug-set']);
    // Without the catalog language's joining words, the title's end stays its kind.
    expect([
      ...askedType('hooks', indexProductTypes([entry('rope-hooks', 'Rope with Hooks', 'Climbing')]))!.handles,
    ]).toEqual(['rope-hooks']);
  });
});

describe('product types said together', () => {
  const shop = indexProductTypes([
    entry('bicycle', 'Bicycle', 'Bicycle'),
    entry('cycling-helmet', 'Cycling Helmet', 'Helmet'),
    entry('atlas-duffel', 'Atlas Expedition Duffel', 'Duffel'),
    entry('harbour-duffel-bag', 'Harbour Duffel Bag', 'Bags'),
    entry('tote', 'Market Tote Bag', 'Bags'),
    catalogEntry({
      handle: 'ocean-shirt',
      title: 'Ocean Blue Shirt',
      productType: 'Shirts',
      categoryPath: ['Shirts'],
    }),
    catalogEntry({
      handle: 'linen-shirt',
      title: 'Linen Shirt',
      productType: 'Shirts',
      categoryPath: ['Shirts'],
      options: { Color: ['Blue', 'White'] },
    }),
  ]);

  it('reads the last of two kinds side by side as the one asked for ("bike helmets" are helmets)', () => {
    expect([...askedType('bicycle helmets', shop)!.handles]).toEqual(['cycling-helmet']);
    expect([...askedType('helmet for a bicycle', shop)!.handles]).toEqual(['cycling-helmet']);
    // Two kinds that are one kind together are that kind, not the last word's.
    expect([...askedType('duffel bags', shop)!.handles]).toEqual(['harbour-duffel-bag']);
  });

  it('takes no colour or other option value of the shop for part of a kind ("Ocean Blue Shirt" is a shirt)', () => {
    expect([...askedType('blue shirt', shop)!.handles].sort()).toEqual(['linen-shirt', 'ocean-shirt']);
  });
});

describe('the catalog stem', () => {
  it('meets singular and plural of words ending in -ie and -y', () => {
    expect(stem('cookies')).toBe(stem('cookie'));
    expect(stem('parties')).toBe(stem('party'));
    expect(stem('forks')).toBe(stem('fork'));
    expect(stem('boxes')).toBe(stem('box'));
    expect(stem('day')).toBe('day');
  });

  it('meets "scarf" and "scarves", "shelf" and "shelves", and keeps "gloves" apart from "glof"', () => {
    expect(stem('scarves')).toBe(stem('scarf'));
    expect(stem('shelves')).toBe(stem('shelf'));
    expect(stem('gloves')).toBe(stem('glove'));
    const kinds = indexProductTypes([
      entry('scarf-1', 'Wool Scarf', 'Gloves & scarves'),
      entry('gloves-1', 'Insulated Gloves', 'Gloves & scarves'),
    ]);
    expect([...askedType('scarves', kinds)!.handles]).toEqual(['scarf-1']);
  });
});

describe("a shopper's word for a family of kinds", () => {
  const broader = new Map([['jewellery', ['necklace', 'bracelet', 'earrings']]]);
  const jeweller = [
    entry('bird-necklace', 'Gold Bird Necklace', 'Necklace'),
    entry('moon-bracelet', 'Moon Charm Bracelet', 'Bracelet'),
    entry('mug', 'Enamel Mug', 'Mugs'),
  ];

  it("asks for the kinds it takes in that the shop has, and marks the kind as the shopper's word", () => {
    const shop = indexProductTypes(jeweller, { broader });
    const asked = askedType('gold jewellery', shop)!;
    expect([...asked.handles].sort()).toEqual(['bird-necklace', 'moon-bracelet']);
    expect(asked.broader).toBe(true);
    // The head of the request still decides: a "jewellery mug" is a mug.
    expect(askedType('jewellery mug', shop)!.key).toBe('mug');
  });

  it("leaves the shop's own kind of that name as it is, and adds none the shop has no kind for", () => {
    const own = indexProductTypes([...jeweller, entry('jewel-box', 'Velvet Box', 'Jewellery')], { broader });
    expect([...askedType('jewellery', own)!.handles]).toEqual(['jewel-box']);
    expect(askedType('jewellery', own)!.broader).toBeUndefined();
    const none = indexProductTypes([entry('mug', 'Enamel Mug', 'Mugs')], { broader });
    expect(askedType('jewellery', none)).toBeNull();
  });
});

describe('product types named by attributes', () => {
  const shop = indexProductTypes([
    entry('harbour-beanie', 'Harbour Beanie', 'Hats'),
    catalogEntry({
      handle: 'skerry-cap',
      title: 'Skerry Watch Cap',
      productType: 'Hats',
      attributes: { style: 'Beanie' },
    }),
    entry('atlas-duffel', 'Atlas Expedition Duffel', 'Bags'),
    catalogEntry({
      handle: 'harbour-bag',
      title: 'Harbour Duffel Bag',
      productType: 'Bags',
      attributes: { style: 'Duffel' },
    }),
  ]);

  it('counts a product whose attributes call it a kind the shop names elsewhere as that kind', () => {
    expect([...askedType('beanies', shop)!.handles].sort()).toEqual(['harbour-beanie', 'skerry-cap']);
  });

  it('leaves a kind as it was when the product is already named by it ("Duffel Bag" with style "Duffel")', () => {
    expect([...askedType('duffel bags', shop)!.handles]).toEqual(['harbour-bag']);
    expect([...shop.get('duffel')!.handles]).toEqual(['atlas-duffel']);
  });
});

describe('the wider kind', () => {
  const shop = indexProductTypes([
    catalogEntry({ handle: 'silk-top', title: 'Silk Summer Top', productType: '', categoryPath: [] }),
    catalogEntry({ handle: 'cotton-top', title: 'Long Sleeve Cotton Top', productType: '', categoryPath: [] }),
    entry('eider-bag', 'Eider Summer Sleeping Bag', 'Sleeping bags'),
    entry('tote', 'Market Tote Bag', 'Tote bags'),
  ]);

  it('is the kind its last word names, when the shop has more of it', () => {
    const summer = askedType('summer tops', shop)!;
    expect([...widerType(summer, shop)!.handles].sort()).toEqual(['cotton-top', 'silk-top']);
  });

  it('is none for a kind the shop declares as a product type ("Sleeping bags" is no sort of bag)', () => {
    expect(widerType(askedType('sleeping bags', shop)!, shop)).toBeNull();
  });

  it('is the smallest declared kind holding every product of a kind only titles name ("jumper" → knitwear)', () => {
    const knit = (handle: string, title: string) =>
      catalogEntry({ handle, title, productType: '', categoryPath: ['Clothing', 'Knitwear'] });
    const shop = indexProductTypes([
      knit('bute-jumper', 'Bute Wool Jumper'),
      knit('harris-jumper', 'Harris Cable Knit Jumper'),
      knit('jura-crew', 'Jura Merino Crew'),
      knit('mull-cardigan', "Women's Mull Cardigan"),
      catalogEntry({
        handle: 'rain-shell',
        title: 'Drizzle Shell Jacket',
        productType: '',
        categoryPath: ['Clothing'],
      }),
    ]);
    const jumper = askedType('jumper', shop)!;
    expect(jumper.declared).toBeFalsy();
    const wider = widerType(jumper, shop)!;
    expect(wider.label).toBe('Knitwear');
    expect([...wider.handles].sort()).toEqual(['bute-jumper', 'harris-jumper', 'jura-crew', 'mull-cardigan']);
    // A declared kind stays itself: a knitwear search finds nothing wider than knitwear by this rule.
    expect(widerType(askedType('knitwear', shop)!, shop)).toBeNull();
  });

  it('reads a hyphenated title word used as a modifier as naming no kind ("a roll-top" is no top)', () => {
    const shop = [
      entry('ridge-pack', 'Ridge 20 Roll-top Backpack', 'Backpacks'),
      entry('rime-top', 'Rime Thermal Top', 'Tops'),
      entry('tee', 'Classic T-Shirt', 'Tops'),
      entry('cut-off', 'Denim Cut-Off', 'Shorts'),
    ];
    const compounds = modifierCompounds(shop.map((e) => e.title));
    // Only a compound some title has before another word, never as its last word.
    expect([...compounds]).toEqual(['roll top']);
    const kinds = indexProductTypes(shop);
    expect(askedType('a roll-top backpack', kinds, compounds)?.label).toBe('Backpacks');
    expect(askedType('ideally a roll-top', kinds, compounds)).toBeNull();
    expect(askedType('thermal tops', kinds, compounds)?.label).toBe('Thermal Top');
  });
});
