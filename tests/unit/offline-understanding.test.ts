import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/agent/model.js';
import { createOfflineModel } from '../../src/agent/models/offline-model.js';
import { trainIntentModel } from '../../src/agent/models/offline/intent-classifier.js';
import { loadLanguagePack } from '../../src/agent/models/offline/language-pack.js';
import { buildShopIndex } from '../../src/agent/models/offline/shop-index.js';
import { createOptionReader } from '../../src/agent/models/offline/product-options.js';
import { createUnderstanding } from '../../src/agent/models/offline/understand.js';
import { parseAddress } from '../../src/agent/models/offline/address-text.js';
import { asksAboutRules } from '../../src/agent/models/offline/message-readings.js';
import { classifyRequest } from '../../src/agent/models/offline/request-sentence.js';
import type { IntentScore } from '../../src/agent/models/offline/intent-classifier.js';
import type { CatalogEntry } from '../../src/catalog/catalog-vocabulary.js';
import { catalogEntry } from '../fixtures/catalog-entry.js';
import { ALL_TOOLS, collect } from '../fixtures/fake-shop.js';

// A made-up shop: knitwear, boots, a mug, a fountain pen and a trail shoe, with the options spelled its own way.
const entry = catalogEntry;
const ENTRIES: CatalogEntry[] = [
  entry({
    handle: 'heron-wool-jumper',
    title: 'Heron Merino Wool Jumper',
    productType: 'Jumpers',
    categoryPath: ['Clothing', 'Jumpers'],
    options: { Size: ['S', 'M', 'L', 'XL'], Colour: ['Heather Grey', 'Moss Green', 'Navy'] },
    attributes: { Material: 'Merino wool' },
  }),
  entry({
    handle: 'wrenfield-cardigan',
    title: 'Wrenfield Cable Cardigan',
    productType: 'Cardigans',
    categoryPath: ['Clothing', 'Cardigans'],
    options: { Size: ['S', 'M', 'L'], Colour: ['Oatmeal'] },
  }),
  entry({
    handle: 'tidewrack-fleece',
    title: 'Tidewrack Fleece Jacket',
    productType: 'Jackets',
    categoryPath: ['Clothing', 'Jackets'],
    vendor: 'Northmoor',
    options: { Size: ['M', 'L'], Colour: ['Rust'] },
  }),
  entry({
    handle: 'marlin-wellington',
    title: 'Marlin Wellington Boot',
    productType: 'Boots',
    categoryPath: ['Shoes', 'Boots'],
    vendor: 'Northmoor',
    options: { Size: ['38', '39', '40', '41', '42'] },
  }),
  entry({
    handle: 'cloud-runner-trail',
    title: 'Cloud Runner Trail Shoe',
    productType: 'Trail shoes',
    categoryPath: ['Shoes', 'Trail shoes'],
    vendor: 'Fellstride',
    options: { Size: ['40', '41', '42', '43'], Colour: ['Slate', 'Ember'] },
  }),
  entry({ handle: 'lantern-mug', title: 'Lantern Stoneware Mug', productType: 'Mugs', vendor: 'Potterfield' }),
  entry({
    handle: 'quillon-pen',
    title: 'Quillon Fountain Pen',
    productType: 'Pens',
    categoryPath: ['Office', 'Pens'],
    vendor: 'Inkwell & Co',
    options: { 'Nib width': ['Fine', 'Medium', 'Broad'] },
  }),
];

const pack = loadLanguagePack('en');
const index = buildShopIndex(ENTRIES, pack);
const engine = createUnderstanding(pack);
const read = (text: string) => engine.understand(text, index);
const model = createOfflineModel({ shop: () => index });
const step = (content: string, history: ChatMessage[] = []) =>
  collect(model, [...history, { role: 'user', content }], ALL_TOOLS);

describe('intent classifier', () => {
  const probes = ['where is my order', 'do you have __type__ under __price__', 'add the __ordinal__ one', 'hmm'];

  it('trains deterministically: two models from the same examples read every message the same', () => {
    const a = engine.intentModel();
    const b = trainIntentModel(pack.examples);
    expect(b).not.toBe(a);
    expect(a.intents).toEqual(b.intents);
    for (const text of probes) expect(a.classify(text)).toEqual(b.classify(text));
  });

  it('gives every intent a probability, best first, summing to 1', () => {
    const m = engine.intentModel();
    for (const text of probes) {
      const scores = m.classify(text);
      expect(scores.map((s) => s.intent).sort()).toEqual([...m.intents].sort());
      expect(scores.reduce((n, s) => n + s.p, 0)).toBeCloseTo(1, 9);
      for (let i = 1; i < scores.length; i++) expect(scores[i - 1].p).toBeGreaterThanOrEqual(scores[i].p);
    }
  });

  it.each([
    ['do you have cardigans under 60?', 'search'],
    ["what's in my basket?", 'cart_show'],
    ['where is my order?', 'order_status'],
    ['how do returns work?', 'policy'],
    ['can I talk to a person', 'human'],
    ['add the second one', 'cart_add'],
  ])('reads "%s" as %s, confidently', (text, intent) => {
    const u = read(text);
    expect(u.intent).toBe(intent);
    expect(u.confidence).toBeGreaterThan(0.8);
  });

  it.each(['what?', 'the what', 'pardon'])(
    'asks a question rather than guessing when unsure what "%s" means',
    async (text) => {
      const u = read(text);
      expect(u.intent === 'other' || u.confidence < 0.5).toBe(true);
      const out = await step(text);
      expect(out.calls).toEqual([]);
      expect(out.text).toContain('?');
    },
  );
});

describe('slots', () => {
  const budget = (text: string) => {
    const p = read(text).price;
    return p && { minPrice: p.minPrice, maxPrice: p.maxPrice };
  };

  it.each([
    ['under 50', undefined, 50],
    ['no more than 150', undefined, 150],
    ["can't spend more than 150", undefined, 150],
    ['around 40', 30, 50],
    ['between 20 and 40', 20, 40],
    ['20-40 euros', 20, 40],
    ['$1,000', undefined, 1000],
    ['up to €80', undefined, 80],
    ['a jumper for 60 euros', undefined, 60],
    ['I do not wish to spend more than one hundred dollars', undefined, 100],
    // A number word is read whole: "under fourteens" is an age group, the budget comes after.
    ['bags for the under fourteens team but under a hundred euros each', undefined, 100],
  ])('reads the budget in "%s"', (text, minPrice, maxPrice) => {
    expect(budget(text)).toEqual({ minPrice, maxPrice });
  });

  it('finds no budget where there is none', () => {
    expect(read('add two in size 42').price).toBeNull();
    // A number with a unit is a measure, not money, nor is any of its digits.
    expect(read('my head is about 59 cm round').price).toBeNull();
    expect(read('a pack under 2 kg').price).toBeNull();
    expect(read('a pack under 2 kg, max 150 euros').price).toMatchObject({ maxPrice: 150 });
    expect(read('order AP-10023').price).toBeNull();
  });

  it.each([
    ['add 3 of them', 3],
    ['make it three', 3],
    ["I'll take 2 of the second one", 2],
    ['add two in size 42', 2],
    ['a couple of mugs please', 2],
  ])('reads the quantity in "%s"', (text, quantity) => {
    expect(read(text).quantity).toBe(quantity);
  });

  it('keeps sizes, budgets and positions out of the quantity', () => {
    expect(read('boots in size 41').quantity).toBeNull();
    expect(read('boots in size 41').size).toBe('41');
    expect(read('a jumper under 50').quantity).toBeNull();
    expect(read('add the second one').quantity).toBeNull();
  });

  it.each([
    ['the second one', 2],
    ['add the 2nd one', 2],
    ['number 3', 3],
    ['the last one', -1],
    ["ok I'll take the first", 1],
    ['second pls', 2],
  ])('reads the position in "%s"', (text, n) => {
    expect(read(text).ordinal?.n).toBe(n);
  });

  it('reads "she\'ll" as she will, not as the shop\'s word "shell"', () => {
    const shells = buildShopIndex(
      [catalogEntry({ handle: 'storm-shell', title: 'Storm Waterproof Shell', productType: 'Jackets' })],
      pack,
    );
    const u = engine.understand("she'll want a warm hat", shells);
    expect(u.links.type).toBeNull();
    expect(u.queryWords).not.toContain('shell');
  });

  it('reads an amount after "the one for" as a choice among the products shown, not a budget', () => {
    expect(read('and the one for 65 euros?').priceRef?.amount).toBe(65);
    expect(read('a jumper for 65 euros').priceRef).toBeNull();
  });

  it('reads a question about an order not placed yet as one about the rules ("if I order now…")', () => {
    const asOrder = (text: string) => asksAboutRules({ ...read(text), intent: 'order_status' }, pack.lexicon);
    expect(asOrder('if I order now, when does it ship?')).toBe(true);
    expect(asOrder('where is the order I placed on monday?')).toBe(false);
  });

  it('searches no position word that picks nothing ("I need a jumper first")', () => {
    expect(read('I need a jumper first').queryWords).toEqual(['jumper']);
  });

  it('reads no position in an adverb at the end ("I think about it more first")', () => {
    expect(read('ok, please remove the sofa, I think about it more first').ordinal).toBeNull();
  });

  it.each([
    ['where is #W1234567?', '#W1234567'],
    ['order AP-10023', 'AP-10023'],
    ['any news on AP-10023, please?', 'AP-10023'],
  ])('reads the order reference in "%s"', (text, orderId) => {
    expect(read(text).orderId).toBe(orderId);
  });

  it('takes no order reference from a budget or a size', () => {
    expect(read('jumpers under 150').orderId).toBeNull();
    expect(read('boots size 42').orderId).toBeNull();
  });
});

describe('linking the shop’s words', () => {
  it('links a product named partially', () => {
    expect(read('tell me about the heron jumper').links.products[0]?.handle).toBe('heron-wool-jumper');
    expect(read('is the wrenfield any good?').links.products[0]?.handle).toBe('wrenfield-cardigan');
  });

  it('links a misspelled product name and searches it as the shop spells it', async () => {
    const u = read('do you have the cloud runer');
    expect(u.links.products[0]?.handle).toBe('cloud-runner-trail');
    expect(u.words).toContain('runner');
    const out = await step('do you have the cloud runer');
    expect(out.calls).toHaveLength(1);
    expect(out.calls[0].name).toBe('search_products');
    expect(JSON.parse(out.calls[0].arguments).query).toMatch(/cloud runner/);
  });

  it('links "the cloud runer" on its own to the product', () => {
    expect(read('the cloud runer').links.products[0]?.handle).toBe('cloud-runner-trail');
  });

  it('links a product type, misspelled or plural', () => {
    expect(read('cardigans').links.type?.label).toBe('Cardigans');
    expect(read('a cardigen please').links.type?.label).toBe('Cardigans');
    // Two slips in a longer word, when only one kind of the shop is that near.
    expect(read('a cardgen please').links.type?.label).toBe('Cardigans');
    expect(read('wellington boots').links.type?.handles).toEqual(new Set(['marlin-wellington']));
  });

  it('links a vendor', () => {
    const u = read('anything from Northmoor?');
    expect(u.links.vendor?.name).toBe('Northmoor');
    expect(u.intent).toBe('search');
  });

  it('links option values as the catalog spells them, with their option name', () => {
    expect(read('the jumper in moss green').options).toEqual([
      expect.objectContaining({ name: 'Colour', value: 'Moss Green', kind: 'color' }),
    ]);
    expect(read('a pen with a broad nib').options).toEqual([
      expect.objectContaining({ name: 'Nib width', value: 'Broad' }),
    ]);
  });

  it('sends linked options to search under the shop’s own option names', async () => {
    const out = await step('a jumper in heather grey');
    expect(out.calls.map((c) => [c.name, JSON.parse(c.arguments)])).toEqual([
      ['search_products', expect.objectContaining({ options: { Colour: 'Heather Grey' } })],
    ]);
  });

  it('knows no shop words without a shop index', () => {
    const u = engine.understand('tell me about the heron jumper', null);
    expect(u.links.products).toEqual([]);
    expect(u.links.type).toBeNull();
  });
});

describe('understanding a long, polite message', () => {
  const MESSAGE =
    'Good morning! My husband feels the cold terribly in the evenings and he has been complaining about it all ' +
    'week. Could you show me a warm merino wool jumper for him, ideally something under 80 euros? Thank you so much.';

  it('reads the request inside the story: a search for the product words, with the budget', () => {
    const u = read(MESSAGE);
    expect(u.intent).toBe('search');
    expect(u.price).toMatchObject({ maxPrice: 80 });
    expect(u.queryWords).toEqual(expect.arrayContaining(['merino', 'wool', 'jumper']));
    for (const w of ['morning', 'husband', 'cold', 'evenings', 'complaining', 'week', 'thank'])
      expect(u.queryWords).not.toContain(w);
  });

  it('searches the shop for them', async () => {
    const out = await step(MESSAGE);
    expect(out.calls).toHaveLength(1);
    expect(out.calls[0].name).toBe('search_products');
    const args = JSON.parse(out.calls[0].arguments);
    expect(args.maxPrice).toBe(80);
    expect(args.query).toMatch(/merino wool jumper/);
    expect(args.query).not.toMatch(/husband|cold|morning|evening|complain/);
  });
});

describe('words the shop spells another way', () => {
  it('are read as the shop\'s word in any form ("pullovers" for a shop of jumpers)', () => {
    for (const text of ['any pullovers?', 'a sweater in navy', 'do you sell sweaters']) {
      const u = read(text);
      expect(u.links.type?.label).toBe('Jumpers');
      expect(u.queryWords.join(' ')).toMatch(/jumper/);
    }
  });
});

describe('a range of two bare amounts', () => {
  it('is a budget, unless the shop has it as an option value or a size cue comes before it', () => {
    const shop = buildShopIndex(
      [
        ...ENTRIES,
        entry({ handle: 'fell-socks', title: 'Fell Socks', productType: 'Socks', options: { Size: ['39–42'] } }),
      ],
      pack,
    );
    expect(engine.understand('trail shoes 50-70', shop).price).toMatchObject({ minPrice: 50, maxPrice: 70 });
    expect(engine.understand('socks 39-42', shop).price).toBeNull();
    expect(engine.understand('a trail shoe, got like 300-400 to spend', shop).price).toMatchObject({
      minPrice: 300,
      maxPrice: 400,
    });
    // The "e" of "size" is no euro sign before the range.
    expect(engine.understand('boots size 40-42', shop).price).toBeNull();
  });
});

describe('verbs the shop sells as nouns', () => {
  it('reads "a <word>" as the product when the shop names it, and the verb otherwise', () => {
    const shop = buildShopIndex(
      [...ENTRIES, entry({ handle: 'glen-throw', title: 'Glen Cotton Throw', productType: 'Throws' })],
      pack,
    );
    expect(engine.understand('something cosy, like a throw for the sofa', shop).queryWords).toContain('throw');
    expect(engine.understand('throw it in my basket', shop).queryWords).not.toContain('throw');
  });

  it('reads such a word right before a kind the shop sells as part of the request ("down sleeping bags")', () => {
    const shop = buildShopIndex(
      [
        ...ENTRIES,
        entry({
          handle: 'fell-down-bag',
          title: 'Fell Down Sleeping Bag',
          productType: 'Sleeping bags',
          attributes: { Fill: 'Duck down' },
        }),
      ],
      pack,
    );
    expect(engine.understand('do u have down sleeping bags', shop).queryWords).toEqual(['down', 'sleeping', 'bags']);
    expect(engine.understand('calm down', shop).queryWords).not.toContain('down');
  });
});

describe('sayings', () => {
  it('are no product words: "on top of that" names no top, even in a shop of tops', () => {
    const shop = buildShopIndex(
      [...ENTRIES, entry({ handle: 'linen-top', title: 'Linen Top', productType: 'Tops' })],
      pack,
    );
    expect(engine.understand('do i get hit with duties on top of that', shop).links.type).toBeNull();
    expect(engine.understand('any tops please', shop).links.type?.label).toBe('Tops');
  });

  it('"pack down" is no pack: the verb names no product kind', () => {
    const shop = buildShopIndex(
      [...ENTRIES, entry({ handle: 'trek-pack', title: 'Rambler Trekking Pack', productType: 'Packs' })],
      pack,
    );
    expect(engine.understand('does the jacket pack down small', shop).links.type?.label).not.toBe('Packs');
    expect(engine.understand('a 50 litre pack please', shop).links.type?.label).toBe('Packs');
  });
});

describe("a thing for a use of the shop's", () => {
  it('searches for the thing asked for, not for its use ("gps devices for hiking")', () => {
    const shop = buildShopIndex(
      [
        ...ENTRIES,
        entry({ handle: 'fell-boot', title: 'Fell Hiking Boot', productType: 'Boots' }),
        entry({ handle: 'tor-sock', title: 'Tor Hiking Sock', productType: 'Socks' }),
      ],
      pack,
    );
    const u = engine.understand('do you sell gps devices for hiking?', shop);
    // The use first and the thing last, as a name says it: the search reads the last word as the thing asked for.
    expect(u.queryWords).toEqual(['hiking', 'gps', 'devices']);
    // The story around a request stays out ("we moved flat" is no product).
    expect(engine.understand('we moved flat, any hiking boots?', shop).queryWords).not.toContain('moved');
  });
});

describe('words that ask, and everyday names', () => {
  it('keeps question and chat words typed in short or misspelled out of the query ("wich", "wat", "kinda")', () => {
    expect(read('wich colours in stock').queryWords).not.toContain('wich');
    expect(read('wat about a jumper, kinda warm').queryWords).toEqual(['jumper']);
  });

  it('keeps stock words out of the query: "any left in a 44?" names no product', () => {
    const u = read('any left in a 44?');
    expect(u.queryWords).not.toContain('left');
    expect(u.size).toBe('44');
  });

  it('reads a child\'s age as who it is for, never as a size or a count ("for a 7 year old", "my son (8)")', () => {
    const child = read('trail shoes for a 7 year old?');
    expect(child).toMatchObject({ gender: 'kids', size: null, quantity: null });
    expect(read('my son (8) needs trail shoes')).toMatchObject({ gender: 'kids', quantity: null });
    expect(read('trail shoes for my 30 year old son').gender).toBeNull();
  });

  it('reads an everyday name the shop does not use as the shop\'s word for it ("wellies", "sunnies")', () => {
    const shop = buildShopIndex(
      [...ENTRIES, entry({ handle: 'lido-shades', title: 'Lido Sunglasses', productType: 'Sunglasses' })],
      pack,
    );
    expect(engine.understand('sunnies under 80 pls', shop).queryWords).toContain('sunglasses');
    expect(engine.understand('any wellies?', shop).queryWords.join(' ')).toMatch(/wellington/);
  });
});

describe('words the shopper rules out', () => {
  it('are not searched for: "a jumper, not a cardigan" looks for jumpers', () => {
    const u = read('a merino jumper please, not a cardigan');
    expect(u.queryWords).toEqual(expect.arrayContaining(['merino']));
    expect(u.queryWords.join(' ')).not.toMatch(/cardigan/);
    expect(read('a non slip mug').queryWords).toContain('slip');
  });
});

describe('requests around a slot', () => {
  it('looks up the order a message names, however it is asked', async () => {
    const out = await step('any news on AP-10023, please?');
    expect(out.calls.map((c) => [c.name, JSON.parse(c.arguments)])).toEqual([
      ['get_order_status', { orderId: 'AP-10023' }],
    ]);
  });

  it('takes "a couple of mugs please" as a shopping request, not a change to an empty cart', async () => {
    const out = await step('a couple of mugs please');
    expect(out.calls.map((c) => c.name)).toEqual(['search_products']);
    expect(JSON.parse(out.calls[0].arguments).query).toMatch(/mug/);
  });
});

describe('what the shop records about its products', () => {
  it('knows an attribute’s name as a shop word ("max cushioning"), not one questions ask with ("cold")', () => {
    const shoe = catalogEntry({
      handle: 'road-shoe',
      title: 'Cadence Road Shoe',
      productType: 'Running shoes',
      attributes: { cushioning: 'Maximum', keepsCold: '24 hours' },
    });
    const shop = buildShopIndex([shoe], pack);
    expect(shop.knows('cushioning')).toBe(true);
    expect(shop.knows('keeps')).toBe(true);
    expect(shop.knows('cold')).toBe(false);
    expect(engine.understand('running shoes with max cushioning', shop).queryWords).toContain('cushioning');
  });
});

describe('sizes as the shop writes them', () => {
  it('reads "size 43-46" as the shop’s "43–46", whatever the dash', () => {
    const socks = catalogEntry({
      handle: 'trail-socks',
      title: 'Trail Socks 3-Pack',
      productType: 'Socks',
      options: { Size: ['39–42', '43–46'] },
    });
    const shop = buildShopIndex([socks], pack);
    expect(engine.understand('plus one Trail Socks 3-Pack, size 43-46', shop).size).toBe('43–46');
    expect(engine.understand('plus one Trail Socks 3-Pack, size 44-47', shop).size).toBeNull();
  });
});

describe('reading a product’s options from a message', () => {
  const reader = createOptionReader(pack.lexicon);
  const keyboard = { 'Switch Type': ['linear', 'tactile'], Backlight: ['RGB', 'none'], Size: ['full size', '80%'] };

  it('reads "no <option>" as the option’s "none" value, next to the values said outright', () => {
    expect(reader.read('full size, linear, no backlight please', keyboard)).toEqual({
      'Switch Type': 'linear',
      Backlight: 'none',
      Size: 'full size',
    });
  });

  it('reads a measure a value begins with ("1tb" → 1TB SSD) and a unit in other words ("32 gigs" → 32GB), not as a count', () => {
    const laptop = { Storage: ['512GB SSD', '1TB SSD'], Ram: ['16GB', '32GB'], 'Screen Size': ['8-inch', '13-inch'] };
    expect(reader.read('the 1tb one in silver pls', laptop)).toEqual({ Storage: '1TB SSD' });
    expect(reader.read('the 8 inch with 32 gigs', laptop)).toEqual({ 'Screen Size': '8-inch', Ram: '32GB' });
    // A range's numbers without its unit ("5-25" for "5-25 lbs"), and only that range.
    const weights = { 'Weight Range': ['5-25 lbs', '30-50 lbs'], Material: ['rubber', 'iron'] };
    expect(reader.read('the 5-25 rubber one please', weights)).toEqual({
      'Weight Range': '5-25 lbs',
      Material: 'rubber',
    });
    expect(reader.read('the 5 rubber one', weights)).toEqual({ Material: 'rubber' });
    expect(read('the 8 inch with 32 gigs').quantity).toBeNull();
    expect(read('3 of the 8 inch ones').quantity).toBe(3);
  });

  it('reads a value said outright over the negation of another option', () => {
    expect(reader.read('rgb backlight, tactile', keyboard)).toEqual({ 'Switch Type': 'tactile', Backlight: 'RGB' });
  });

  it('reads the value said after a correction: "navy… no sorry, I meant the rust"', () => {
    const beanie = { Colour: ['Navy', 'Rust', 'Mustard'] };
    expect(reader.read('the navy one... no sorry, I meant the rust', beanie)).toEqual({ Colour: 'Rust' });
    expect(reader.read('navy or rust?', beanie)).toEqual({ Colour: 'Navy' });
    expect(read('the navy one... no sorry, I meant the moss green').mentions.correction).toBe(true);
  });

  it('reads a word only one value holds, or begins, as that value; a word two values share as neither', () => {
    const cleaner = {
      Type: ['robotic', 'upright'],
      Features: ['pet hair removal', 'HEPA filter'],
      Connectivity: ['Wi-Fi', 'Wi-Fi + Cellular'],
    };
    expect(reader.read('a robot one good for pet hair, with cellular', cleaner)).toEqual({
      Type: 'robotic',
      Features: 'pet hair removal',
      Connectivity: 'Wi-Fi + Cellular',
    });
    expect(reader.read('which ones have wi-fi?', { Connectivity: ['Wi-Fi 5', 'Wi-Fi 6'] })).toEqual({});
  });

  it('reads a size word after "down" or "too" as a description, not a size ("does it pack down small?")', () => {
    const jacket = { Size: ['S', 'M', 'L'], Color: ['Red', 'Teal'] };
    expect(reader.read('does it pack down small?', jacket)).toEqual({});
    expect(reader.read('is the medium too small for me?', jacket)).toEqual({ Size: 'M' });
    expect(reader.read('the small one in teal', jacket)).toEqual({ Size: 'S', Color: 'Teal' });
  });
});

describe('names and counts', () => {
  it('does not take a count for a product name, and reads "2x" as a count', () => {
    const u = read('2x the merino jumper');
    expect(u.quantity).toBe(2);
    const stove = entry({
      handle: 'quillon-two-burner-stove',
      title: 'Quillon Two-Burner Stove',
      productType: 'Stoves',
    });
    const withStove = buildShopIndex([...ENTRIES, stove], pack);
    expect(engine.understand('make that two of them', withStove).links.products).toEqual([]);
    expect(engine.understand('the quillon stove please', withStove).links.products[0]?.handle).toBe(stove.handle);
  });

  it('links no product from a greeting: "Good morning!" greets a shop that sells a Morning mug', () => {
    const mug = entry({ handle: 'morning-mug', title: 'Morning Mug', productType: 'Mugs' });
    const withMug = buildShopIndex([...ENTRIES, mug], pack);
    const hello = engine.understand('Good morning!', withMug);
    expect(hello.links.products).toEqual([]);
    expect(hello.intent).toBe('greeting');
    expect(engine.understand('good morning, the morning mug please', withMug).links.products[0]?.handle).toBe(
      mug.handle,
    );
  });

  it('reads "how long" as a question, not the option value Long; "two <name>" as a count, not an amount', () => {
    const bag = entry({
      handle: 'brambleby-sleeping-bag',
      title: 'Brambleby Sleeping Bag',
      productType: 'Sleeping bags',
      options: { Length: ['Regular', 'Long'] },
    });
    const withBag = buildShopIndex([...ENTRIES, bag], pack);
    expect(engine.understand('how long is the brambleby?', withBag).options).toEqual([]);
    expect(engine.understand('the brambleby in long', withBag).options.map((o) => o.value)).toEqual(['Long']);
    const two = engine.understand('put two eggcups in my cart', withBag);
    expect([two.quantity, two.price]).toEqual([2, null]);
    expect(read('ah wait, just one is enough').quantity).toBe(1);
  });

  it('reads "you guys" as speaking to the shop, not as who the product is for', () => {
    expect(read('do u guys have cardigans').gender).toBeNull();
    expect(read('cardigans for guys').gender).toBe('men');
  });

  it('never takes the name of an option for a product word: "what colours r there"', () => {
    expect(read('what colours r there').queryWords).toEqual([]);
    expect(read('what sizes does the heron jumper come in').queryWords).not.toContain('sizes');
  });

  it('drops size-order words from the product words: "add the big one" names no product "big"', () => {
    const u = read('ok add the big one pls');
    expect(u.mentions.largest).toBe(true);
    expect(u.queryWords).toEqual([]);
  });
});

describe('addresses in a message', () => {
  const lx = pack.lexicon;
  it.each([
    [
      'change the address of my order AP-20066 to 12 Baker Street, London NW1 6XE, UK',
      { line1: '12 Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
    ],
    [
      'my new address is 742 Evergreen Terrace, Springfield, IL 62704, USA',
      { line1: '742 Evergreen Terrace', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' },
    ],
    [
      'deliver it to Keizersgracht 123, 1015 CJ Amsterdam, Netherlands please',
      { line1: 'Keizersgracht 123', city: 'Amsterdam', postalCode: '1015 CJ', country: 'NL' },
    ],
    [
      'ship it to 12 Baker Street, Flat 3, London NW1 6XE, United Kingdom',
      { line1: '12 Baker Street', line2: 'Flat 3', city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
    ],
    [
      'Hauptstraße 5, 10115 Berlin, Germany',
      { line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
    ],
    [
      'Hauptstraße 5، 10115 Berlin، Germany',
      { line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
    ],
  ])('reads %s', (text, address) => {
    expect(parseAddress(text, lx)).toEqual(address);
  });

  it.each(['ship it to 12 Baker Street London', "change the address to my sister's place", 'ship it to London, UK'])(
    'does not guess from %s',
    (text) => {
      expect(parseAddress(text, lx)).toBeNull();
    },
  );
});

describe('what a thing is for', () => {
  it("reads what a thing is to carry, fit or be used from as the shopper's own, not the kind asked for", () => {
    for (const text of ['a mug to carry my fountain pen', 'I want a mug that fits my fountain pen']) {
      const u = read(text);
      expect(u.links.type?.label.toLowerCase()).toMatch(/^mugs?$/);
      expect(u.queryWords).not.toContain('pen');
    }
    // Said as the thing wanted, it is the kind asked for.
    expect(read('a fountain pen for my mum').links.type?.label.toLowerCase()).toMatch(/pen/);
  });
});

describe('the sentence that carries a search', () => {
  // A stand-in classifier: each sentence's reading as given.
  const readings: Record<string, IntentScore[]> = {
    'needs a __type__ that takes his laptop': [{ intent: 'search', p: 0.7 }],
    "nothing too sporty looking he's very particular": [{ intent: 'search', p: 0.99 }],
    "i'm after a present for my dad": [{ intent: 'search', p: 0.6 }],
    'all his __type__ have holes in them': [
      { intent: 'cart_show', p: 0.38 },
      { intent: 'search', p: 0.33 },
    ],
    'my old __type__ still works': [{ intent: 'other', p: 0.9 }],
  };
  const classify = (text: string) => readings[text] ?? [{ intent: 'other', p: 1 }];
  const requestOf = (...sentences: string[]) =>
    classifyRequest(
      classify,
      new Set(),
      sentences.join(' '),
      sentences,
      sentences.map(() => false),
    );

  it('is the one naming a kind the shop has, not a remark or wish around it that names nothing', () => {
    const picky = requestOf(
      'needs a __type__ that takes his laptop',
      "nothing too sporty looking he's very particular",
    );
    expect(picky).toMatchObject({ sentence: 0, scores: [{ intent: 'search' }] });
    // Named in a story that reads nearly as a search: the kind is what the wish is for.
    const gift = requestOf("i'm after a present for my dad", 'all his __type__ have holes in them');
    expect(gift).toMatchObject({ sentence: 1, scores: [{ intent: 'search' }] });
    // A kind said only in a remark that reads as no search is not the request.
    expect(requestOf("i'm after a present for my dad", 'my old __type__ still works').sentence).toBe(0);
  });
});
