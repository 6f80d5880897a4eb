import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../src/agent/models/offline-model.js';
import { composeOrderStatus } from '../../src/agent/models/offline/compose-info.js';
import { loadLanguagePack } from '../../src/agent/models/offline/language-pack.js';
import { normalize, saysAny } from '../../src/agent/models/offline/normalize.js';
import { rankedByFacet } from '../../src/agent/models/offline/answer-product.js';
import { questionTerms } from '../../src/agent/models/offline/product-facts.js';
import { asksAboutRules } from '../../src/agent/models/offline/message-readings.js';
import type { Understanding } from '../../src/agent/models/offline/understanding.js';
import { stem } from '../../src/catalog/terms.js';
import { loadReplies } from '../../src/agent/models/offline/replies.js';
import { buildShopIndex } from '../../src/agent/models/offline/shop-index.js';
import { createUnderstanding } from '../../src/agent/models/offline/understand.js';
import { glossFor, questionGlossFor } from '../../src/catalog/catalog-gloss.js';
import type { OrderView } from '../../src/tools/results.js';
import { inCatalogLanguage, joinedAsShopWrites, keepCatalogScript } from '../../src/catalog/query-language.js';
import { catalogEntry } from '../fixtures/catalog-entry.js';
import { planWithReading, unsureBetween } from '../fixtures/offline-plan.js';
import { converse, createFakeShop, fakeProduct, SHOP, toCatalogEntry } from '../fixtures/fake-shop.js';

const products = Object.values(SHOP);
const index = buildShopIndex(products.map(toCatalogEntry), loadLanguagePack('en'));
const model = createOfflineModel({ shop: () => index });

describe('the bilingual gloss', () => {
  const fa = glossFor('fa', 'en')!;

  it('puts a Persian shopper’s product words in the catalog’s language, longest phrase first', () => {
    expect(fa.size).toBeGreaterThan(0);
    expect(fa.apply('یک کاپشن گرم برای زمستان')).toBe('یک jacket warm برای winter');
    expect(fa.apply('کفش دویدن')).toBe('running shoes');
  });

  it('glosses a term with several words to the one the catalog sorts products under, else the first it has', () => {
    const ar = glossFor('ar', 'en')!;
    const knows = (w: string) => ['cup', 'mug', 'coffee'].includes(w);
    expect(ar.apply('كوب قهوة', knows)).toBe('cup coffee');
    expect(ar.apply('كوب قهوة', knows, (t) => t === 'mug')).toBe('mug coffee');
    // A type the catalog has no word for is not taken.
    expect(
      ar.apply(
        'كوب قهوة',
        (w) => w !== 'mug',
        () => true,
      ),
    ).toBe('cup coffee');
  });

  it('glosses the countries and outings Arabic and Persian shoppers name', () => {
    expect(glossFor('ar', 'en')!.apply('هل تشحنون إلى الإمارات؟')).toContain('uae');
    expect(glossFor('ar', 'en')!.apply('قهوه وانا فى الكامب')).toContain('camping');
    expect(fa.apply('به ترکیه ارسال دارید؟')).toContain('turkey');
  });

  it('glosses the motifs jewellery and prints are named by ("حلق الفيل" → elephant earrings)', () => {
    expect(glossFor('ar', 'en')!.apply('حلق الفيل ذهب')).toContain('elephant');
    expect(glossFor('ar', 'en')!.apply('شيل الانكور')).toContain('anchor');
    expect(fa.apply('گردنبند پروانه')).toContain('butterfly');
  });

  it('glosses Persian clothing words, the children’s too ("لباس بچه‌ها" → kids clothing)', () => {
    expect(fa.apply('سایزبندی لباس بچه‌ها چطوریه؟')).toContain('kids clothing');
    expect(fa.apply('لباس گرم')).toBe('clothing warm');
    expect(glossFor('ar', 'en')!.apply('كيف مقاسات ملابس الاطفال؟')).toContain('kids clothing');
    expect(glossFor('de', 'en')!.apply('Größen bei Kinderkleidung')).toContain('kids clothing');
  });

  it('finds a word behind its plural suffix and keeps punctuation (the question mark folded) and unknown words', () => {
    expect(fa.apply('کاپشنها؟')).toBe('jacket?');
    expect(fa.apply('کاپشن‌ها')).toBe('jacket');
    expect(fa.apply('سلام! کفش دویدن، لطفا')).toBe('سلام! running shoes، لطفا');
  });

  it('puts what a policy question asks in the catalog’s language for the policy search only', () => {
    const asked = questionGlossFor('ar', 'en')!;
    expect(asked.apply('قديش بياخد الشحن لسويسرا؟')).toBe('how long does it take الشحن لسویسرا?');
    // A phrase whose first word carries a prefix ("and how long does it take?").
    expect(asked.apply('وكم يستغرق ذلك؟')).toBe('how long does it take ذلک?');
    // The intent model's gloss leaves those words as typed.
    expect(glossFor('ar', 'en')!.apply('قديش بياخد')).toBe('قدیش بیاخد');
    const u = createUnderstanding(loadLanguagePack('ar')).understand('قديش بياخد الشحن لسويسرا؟', index);
    expect(u.baseText).toContain('how long does it take');
    expect(questionGlossFor('de', 'en')).toBeNull();
  });

  it('puts a storefront query in the catalog’s language, keeping only words that can match it', () => {
    expect(inCatalogLanguage('کفش دویدن مشکی')).toBe('running shoes black');
    expect(inCatalogLanguage('حذاء للجري')).toBe('running shoes');
    expect(inCatalogLanguage('running shoes')).toBe('running shoes');
    // With the catalog's words: a term's word this catalog uses, not the usual one it lacks.
    expect(inCatalogLanguage('كوب ليموني', 'en', (w) => ['cup', 'yellow'].includes(w))).toBe('cup yellow');
    expect(keepCatalogScript('jacket قشنگ')).toBe('jacket');
    expect(keepCatalogScript('قشنگ')).toBe('قشنگ');
    expect(keepCatalogScript('کاپشن', 'fa')).toBe('کاپشن');
  });

  it('finds a pack’s phrases in a message however its Arabic-script letters are spelled', () => {
    const ar = loadLanguagePack('ar').lexicon;
    expect(ar.swap).toContain('مکانه');
    expect(saysAny('لا شيليه وحطي Galaxy Earrings مكانه', ar.swap)).toBe(true);
  });

  it('joins two words of a query that the shop writes as one ("bean bag" for a shop of beanbags)', () => {
    const knows = (w: string) => ['beanbag', 'bean', 'bag', 'black'].includes(w);
    expect(joinedAsShopWrites('black bean bag', knows)).toBe('black beanbag');
    expect(joinedAsShopWrites('black bag', knows)).toBe('black bag');
  });

  it('reads a German compound as its modifier and the product type it ends with, and spellings without umlauts', () => {
    const de = glossFor('de', 'en')!;
    expect(de.apply('Habt ihr Espressotassen?')).toBe('habt ihr espresso cup?');
    expect(de.apply('ein Kinderzelt')).toBe('ein kids tent');
    expect(de.apply('Groessentabelle')).toBe('size chart');
    // Words that merely end in a short type word stay as typed.
    expect(de.apply('Bestellung Hering')).toBe('bestellung hering');
    // A catalog word in English stays whole.
    expect(de.apply('die Boho Earrings')).toBe('die boho earrings');
    // Languages without compounds are not split.
    expect(fa.apply('کاپشنکفش')).toBe('کاپشنکفش');
  });

  it('takes a word of the message’s own language as written instead of correcting it into a shop word', () => {
    expect(index.link(['jacke']).words).toEqual(['jacket']);
    expect(index.link(['jacke'], new Set(['jacke'])).words).toEqual(['jacke']);
    expect(loadLanguagePack('de').knownWords.has('hallo')).toBe(true);
  });

  it('keeps the case of codes and sizes the shopper typed (an order number, "M")', () => {
    const ar = glossFor('ar', 'en')!;
    expect(ar.apply('هل يمكنني إلغاء الطلب AP-10063؟')).toContain('AP-10063');
    expect(ar.apply('أضف الثاني بمقاس M')).toMatch(/ M$/);
  });

  it('finds an Arabic word behind a possessive suffix, its «ت» read as the «ة» it was', () => {
    const ar = glossFor('ar', 'en')!;
    expect(ar.apply('شنطتي')).toBe('bag');
    expect(ar.apply('قلادتها')).toBe('necklace');
    // A whole word the lexicon holds wins over a shorter form: "إجريها" (its legs) is no "آجري" (brick red).
    expect(ar.apply('إجريها خشب')).toBe('legs wood');
  });

  it('glosses a term with several words in the catalog language to the first the catalog has', () => {
    const ar = glossFor('ar', 'en')!;
    expect(ar.apply('ليموني')).toBe('lemon');
    // A shop with yellow things and no lemon ones.
    expect(ar.apply('ليموني', (word) => word === 'yellow')).toBe('yellow');
    // None known: the usual word.
    expect(ar.apply('ليموني', () => false)).toBe('lemon');
  });

  it('keeps a word the lexicon marks as kept, though a term hides behind its affixes', () => {
    const ar = glossFor('ar', 'en')!;
    // "بدلها" is "change it", not "بدل" (suits) + "ها"; "بدل" alone still names suits.
    expect(ar.apply('بدلها بالأزرق')).toBe('بدلها blue');
    expect(ar.apply('وبدلها')).toBe('وبدلها');
    expect(ar.apply('بدل رسمية')).toMatch(/^suit /);
  });

  it('keeps a pack’s phrases also as the gloss leaves them, when it glosses only part of them', () => {
    const lexicon = loadLanguagePack('fa').lexicon;
    // "سبد خرید" reaches the model as "basket خرید", "ارزون ترین" as "cheap ترین".
    expect(lexicon.cartWords).toContain('basket خرید');
    expect(lexicon.cheaper).toContain('cheap ترین');
    // A phrase glossed whole keeps the base pack’s meaning of the word: German "kleiner" is no "smallest".
    expect(loadLanguagePack('de').lexicon.sizeOrder.smallest).not.toContain('small');
  });

  it('reads a Persian suffix typed on a number as a word of its own', () => {
    expect(normalize('۳۹ش رو بذار')).toBe('39 ش رو بذار');
  });

  it('reads an Arabic one-letter word joined to a number as a word of its own', () => {
    expect(normalize('اللي ب١٦٫٩٥ كم يشيل')).toBe('اللی ب 16.95 کم یشیل');
    // Inside a word, letters before digits are left alone.
    expect(normalize('ab12')).toBe('ab12');
  });

  it('has nothing for the catalog’s own language', () => {
    expect(glossFor('en', 'en')).toBeNull();
  });
});

describe('the offline model in Persian', () => {
  it('searches with the budget, adds the second result in a size, answers a policy question and hands over', async () => {
    const chat = converse(model, createFakeShop({ products }));
    const search = await chat.say('یک کفش دویدن زیر ۸۵ یورو می‌خوام');
    expect(search.calls[0]).toMatchObject({ name: 'search_products', args: { maxPrice: 85 } });
    expect(String(search.calls[0].args.query)).toContain('running');

    const add = await chat.say('دومی رو در سایز ۴۱ اضافه کن');
    expect(add.calls.find((c) => c.name === 'add_to_cart')?.args).toMatchObject({ options: { Size: '41' } });

    const policy = await chat.say('شرایط مرجوعی چیه؟');
    expect(policy.calls[0].name).toBe('search_policies');
    expect(String(policy.calls[0].args.query)).toContain('return');

    const human = await chat.say('میخوام با یه اپراتور صحبت کنم');
    expect(human.calls.map((c) => c.name)).toEqual(['request_human']);
  });

  it('goes back to English when the shopper does', async () => {
    const chat = converse(model, createFakeShop({ products }));
    await chat.say('سلام');
    const search = await chat.say('do you have running shoes under 85?');
    expect(search.calls[0]).toMatchObject({ name: 'search_products', args: { maxPrice: 85 } });
  });
});

/** What the offline model does with `text` after a German or Arabic shopper asked for running shoes under 100. */
async function afterShoesUnder100(language: 'de' | 'ar', text: string) {
  const chat = converse(model, createFakeShop({ products }));
  await chat.say(language === 'de' ? 'Laufschuhe unter 100 Euro bitte' : 'أريد حذاء للجري بأقل من ١٠٠ يورو');
  return chat.say(text);
}

describe('the offline model in German and Arabic', () => {
  it('adds a product named with options of its variant even when the add is read without conviction', () => {
    const unsure = unsureBetween('cart_add', 0.38, 'search', 0.32);
    const planFor = (text: string) => planWithReading(index, 'ar', [], text, unsure);
    const named = planFor('نحب نشري Cloud Runner مقاس 42 لونو Black');
    expect(named.calls?.[0]).toMatchObject({ name: 'add_to_cart', args: { handle: 'cloud-runner' } });
    // Without options of the product, the unsure add still gives way to the search close to it.
    expect(planFor('نحب نشري Cloud Runner Running Shoe').calls?.[0]?.name).toBe('search_products');
  });

  it('takes the product picked by its price in a size said ("ok die für 79 in Größe 41"), read as a question or not', async () => {
    const chat = converse(model, createFakeShop({ products }));
    await chat.say('Laufschuhe unter 100 Euro bitte');
    const asked = { intent: 'product_info', confidence: 0.95 };
    const taken = planWithReading(index, 'de', chat.messages, 'ok die für 79 in Größe 41', asked);
    expect(taken.calls?.[0]).toMatchObject({ name: 'add_to_cart', args: { handle: 'tempo-racer' } });
    // Asked, it is a question about that one.
    const question = planWithReading(index, 'de', chat.messages, 'die für 79 in Größe 41?', asked);
    expect(question.calls?.[0]).toMatchObject({ name: 'get_product', args: { handle: 'tempo-racer' } });
  });

  it('reads an unsure follow-up right after an order was shown as about that order, not as not understood', async () => {
    const chat = converse(model, createFakeShop({ products, signedIn: true }));
    const status = await chat.say('وين صارت طلبيتي الأخيرة؟');
    expect(status.calls.map((c) => c.name)).toEqual(['get_orders']);
    // "what was in it exactly?", read unsure between an add and the order.
    const unsure = unsureBetween('cart_add', 0.2, 'order_status', 0.18);
    const inIt = planWithReading(index, 'ar', chat.messages, 'شو كان فيها بالزبط؟', unsure);
    expect(inIt.calls).toEqual([{ name: 'get_order_status', args: { orderId: 'AP-10023' } }]);
    // The same reading with no order shown before is not guessed at.
    const fresh = planWithReading(index, 'ar', [], 'شو كان فيها بالزبط؟', unsure);
    expect(fresh.calls ?? []).toEqual([]);
  });

  it('reads a German budget, a German ordinal and a German request for a person', async () => {
    const chat = converse(model, createFakeShop({ products }));
    const search = await chat.say('Ich suche Laufschuhe unter 85 Euro');
    expect(search.calls[0]).toMatchObject({ name: 'search_products', args: { maxPrice: 85 } });
    expect(String(search.calls[0].args.query)).toContain('running');
    // The floor said first and its negation after it is a ceiling too.
    const ceiling = await chat.say('Laufschuhe bitte, mehr als 85 Euro will ich aber nicht ausgeben');
    expect(ceiling.calls[0]).toMatchObject({ name: 'search_products', args: { maxPrice: 85 } });
    const add = await chat.say('Die zweite in Größe 41 bitte in den Warenkorb');
    expect(add.calls.find((c) => c.name === 'add_to_cart')?.args).toMatchObject({ options: { Size: '41' } });
    const human = await chat.say('Ich möchte mit einem Mitarbeiter sprechen');
    expect(human.calls.map((c) => c.name)).toEqual(['request_human']);
  });

  it('keeps a word the shop names after a German article ("einen down sleeping bag", from "einen Daunenschlafsack")', () => {
    const de = loadLanguagePack('de');
    const bag = (handle: string, title: string) => catalogEntry({ handle, title, productType: 'Sleeping bags' });
    const entries = [
      bag('loft-bag', 'Loft Down Sleeping Bag'),
      bag('cirrus-bag', 'Cirrus Synthetic Sleeping Bag'),
      catalogEntry({ handle: 'fell-jacket', title: 'Fell Down Jacket', productType: 'Jackets' }),
    ];
    const u = createUnderstanding(de).understand('ich suche einen down sleeping bag', buildShopIndex(entries, de));
    expect(u.queryWords).toContain('down');
  });

  it('reads German "hat" (has) as no kind of product, though the shop sells hats', () => {
    const de = loadLanguagePack('de');
    const entries = [
      catalogEntry({ handle: 'sun-hat', title: 'Campfire Sun Hat', productType: 'Hats' }),
      catalogEntry({ handle: 'road-shoe', title: 'Tempo Road Shoe', productType: 'Shoes' }),
    ];
    const shop = buildShopIndex(entries, loadLanguagePack('en'));
    const u = createUnderstanding(de).understand('hat die auch noch 44? fuer meinen bruder', shop);
    expect(u.links.type).toBeNull();
    expect(u.queryWords).not.toContain('hat');
  });

  it('knows the Arabic and Persian words for what product data records (weight, capacity, material…)', () => {
    const asks = (language: string, text: string) => [
      ...questionTerms(normalize(text), loadLanguagePack(language).lexicon, new Set()).terms,
    ];
    expect(asks('ar', 'قديش وزنها؟')).toContain(stem('weight'));
    expect(asks('ar', 'شو سعتها؟')).toContain(stem('capacity'));
    expect(asks('ar', 'شو الخامة؟')).toContain(stem('material'));
    expect(asks('fa', 'چقدر وزنش؟')).toContain(stem('weight'));
    expect(asks('fa', 'جنسش چیه؟')).toContain(stem('material'));
    expect(asks('fa', 'ظرفیتش چقدره؟')).toContain(stem('capacity'));
  });

  it('keeps the last budget for an Arabic request "in the same budget", as English does', async () => {
    const chat = converse(model, createFakeShop({ products }));
    await chat.say('ابي حذاء جري تحت ٨٥ يورو');
    const socks = await chat.say('وعندكم جوارب بنفس الميزانية؟');
    expect(socks.calls[0]).toMatchObject({ name: 'search_products', args: { maxPrice: 85 } });
  });

  it('reads an Arabic or Persian change asked under a condition as a question about the rules, not the change', () => {
    const rules = (language: string, text: string) =>
      asksAboutRules(
        { intent: 'order_cancel', raw: normalize(text) } as Understanding,
        loadLanguagePack(language).lexicon,
      );
    expect(rules('ar', 'لو وصل متأخر، ممكن الغي الطلب؟')).toBe(true);
    expect(rules('fa', 'اگه دیر برسه میتونم سفارش رو لغو کنم؟')).toBe(true);
    // Asked politely, it is the change itself.
    expect(rules('ar', 'ممكن تلغي الطلب لو سمحت')).toBe(false);
    expect(rules('fa', 'لطفا سفارشم رو لغو کن')).toBe(false);
  });

  it('ranks the products shown by the facet an Arabic, Persian or German superlative names', () => {
    const lamp = (handle: string, lumens: string, weight: string) => ({
      ...fakeProduct({ handle, title: `${handle} headlamp`, price: 40, category: 'Headlamps' }),
      attributes: { lumens, weight },
    });
    const lamps = [lamp('halo', '500 lm', '70 g'), lamp('beacon', '900 lm', '80 g'), lamp('spark', '350 lm', '60 g')];
    const best = (language: string, text: string) =>
      rankedByFacet(lamps, normalize(text), loadLanguagePack(language).lexicon)?.[0]?.p.handle;
    expect(best('ar', 'أيهم الأسطع؟')).toBe('beacon');
    expect(best('ar', 'مين الأخف؟')).toBe('spark');
    expect(best('fa', 'کدومش سبک‌ترینه؟')).toBe('spark');
    expect(best('de', 'welche ist die hellste?')).toBe('beacon');
  });

  it('reads a message read as a search that names nothing of the shop as its surest clause ("zwei daraus, …")', () => {
    const de = createUnderstanding(loadLanguagePack('de'));
    const text = 'Machen Sie bitte zwei daraus, dann habe ich gleich auch eine für meine Mutter.';
    const u = de.understand(text, index);
    expect(u.intent).toBe('cart_update');
    expect(u.quantity).toBe(2);
    // A search that names the shop's things stays a search.
    expect(de.understand('Ich suche Laufschuhe, dann habe ich auch welche für meine Mutter.', index).intent).toBe(
      'search',
    );
  });

  it('adds the cheaper of the shown ones for "das günstigere", even after asking about the other', async () => {
    const chat = converse(model, createFakeShop({ products }));
    await chat.say('Habt ihr Jacken?');
    await chat.say('Woraus ist der Arctic Puffer Parka?');
    const add = await chat.say('Ich nehme die günstigere.');
    expect(add.calls.find((c) => c.name === 'add_to_cart')?.args).toMatchObject({ handle: 'storm-shell-jacket' });
  });

  it('reads German policy questions in their own verb forms ("zurückzuschicken", "wie lang dauert der Versand")', async () => {
    const chat = converse(model, createFakeShop({ products }));
    const returns = await chat.say('Wie lange hat man bei Ihnen eigentlich Zeit, etwas zurückzuschicken?');
    expect(returns.calls[0].name).toBe('search_policies');
    expect(String(returns.calls[0].args.query)).toContain('return');
    const delivery = await chat.say('wie lang dauert der versand nach hamburg ungefaehr');
    expect(String(delivery.calls[0].args.query)).toContain('delivery time');
  });

  it("leaves a message's own filler words out of what the policy reader reads, keeping its question mark", async () => {
    const chat = converse(model, createFakeShop({ products }));
    const { calls } = await chat.say('Wie lange habe ich Garantie, falls sie kaputtgeht?');
    expect(calls[0].name).toBe('search_policies');
    expect(String(calls[0].args.query)).toMatch(/^how long warranty.*\?$/);
    const en = createUnderstanding(loadLanguagePack('en')).understand('how long do I have?', index);
    expect(en.baseText).toBe('how long do I have?');
  });

  it('takes "die für 79" and "اللي ب٧٩" as the product shown at that price, the words choosing before it', async () => {
    for (const asked of [
      await afterShoesUnder100('de', 'und die für 79, ist die bequem?'),
      await afterShoesUnder100('ar', 'اللي ب٧٩ مريح؟'),
    ])
      expect(asked.calls).toEqual([{ name: 'get_product', args: { handle: 'tempo-racer' } }]);
  });

  it('answers "welche ist am günstigsten?" and "أيهم الأرخص؟" with the search by price, in the pack\'s own words', async () => {
    for (const asked of [
      await afterShoesUnder100('de', 'welche davon ist am günstigsten?'),
      await afterShoesUnder100('ar', 'أيهم الأرخص؟'),
    ])
      expect(asked.calls[0]).toMatchObject({ name: 'search_products', args: { sort: 'price_asc', maxPrice: 100 } });
  });

  it('keeps a product name quoted whole as the shop spells it, though one of its words is German ("Hut")', async () => {
    const hut = fakeProduct({ handle: 'hut-socks', title: 'Hut Trekking Socks', price: 21, category: 'Socks' });
    const summit = fakeProduct({
      handle: 'summit-socks',
      title: 'Summit Trekking Socks',
      price: 26,
      category: 'Socks',
    });
    const hat = fakeProduct({ handle: 'sun-hat', title: 'Brim Sun Hat', price: 30, category: 'Hats' });
    const all = [hut, summit, hat];
    const shop = buildShopIndex(all.map(toCatalogEntry), loadLanguagePack('en'));
    const chat = converse(createOfflineModel({ shop: () => shop }), createFakeShop({ products: all }));
    const asked = await chat.say("Welche Farben gibt's bei den Hut Trekking Socks?");
    expect(asked.calls).toEqual([{ name: 'get_product', args: { handle: 'hut-socks' } }]);
  });

  it('reads "den" before a product\'s name as its article, not as "that one" in focus', async () => {
    const table = (handle: string, title: string) => fakeProduct({ handle, title, price: 75, category: 'Tables' });
    const all = [table('horizon', 'Horizon Camp Table'), table('trailhead', 'Trailhead Roll Table')];
    const shop = buildShopIndex(all.map(toCatalogEntry), loadLanguagePack('en'));
    const chat = converse(createOfflineModel({ shop: () => shop }), createFakeShop({ products: all }));
    await chat.say('Erzähl mir mehr über den Horizon Camp Table');
    const added = await chat.say('den trailhead bitte noch dazu');
    expect(added.calls).toEqual([{ name: 'add_to_cart', args: { handle: 'trailhead', quantity: 1 } }]);
  });

  it('keeps the kind a story sentence names when the request points back at it ("Die Jacke war super. Gibt es die in L?")', async () => {
    for (const text of [
      'Die Jacke war super. Gibt es die noch in L in Navy?',
      'The jacket was great. Got it in L in navy?',
    ]) {
      const chat = converse(model, createFakeShop({ products }));
      const asked = await chat.say(text);
      expect(asked.calls[0]?.name).toBe('search_products');
      expect(String(asked.calls[0]?.args.query)).toContain('jacket');
    }
  });

  it('reads an Arabic search with Arabic-Indic digits and a policy question', async () => {
    const chat = converse(model, createFakeShop({ products }));
    const search = await chat.say('أريد حذاء للجري بأقل من ٨٥ يورو');
    expect(search.calls[0]).toMatchObject({ name: 'search_products', args: { maxPrice: 85 } });
    expect(String(search.calls[0].args.query)).toContain('running');
    const policy = await chat.say('ما هي سياسة الإرجاع؟');
    expect(policy.calls[0].name).toBe('search_policies');
    expect(String(policy.calls[0].args.query)).toContain('return');
  });
});

describe('order replies in the shopper language', () => {
  it('names the order status in the language of the reply, and an unknown status as written', () => {
    const order = {
      id: 'AP-1',
      status: 'pending',
      placedAt: '2026-11-02T10:00:00Z',
      items: [],
    } as unknown as OrderView;
    expect(composeOrderStatus(loadReplies('fa'), { order }, {})).toContain('در انتظار پردازش');
    expect(composeOrderStatus(loadReplies('de'), { order }, {})).toContain('ausstehend');
    expect(composeOrderStatus(loadReplies('en'), { order }, {})).toContain('is pending');
    const odd = { ...order, status: 'on_hold' } as typeof order;
    expect(composeOrderStatus(loadReplies('en'), { order: odd }, {})).toContain('on hold');
  });
});
