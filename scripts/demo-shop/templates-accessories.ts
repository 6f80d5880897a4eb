import type { CategorySpec } from './spec.js';
import { GEAR_CLOSERS } from './shared-phrases.js';

const ACCESSORY_CLOSERS = [
  ...GEAR_CLOSERS.slice(1),
  'Wrapped in recycled paper, so it makes an easy gift. Add a gift note at checkout.',
];

export const HATS: CategorySpec = {
  code: 'HAT',
  path: ['Accessories', 'Hats'],
  productType: 'Hats',
  brands: ['Alder & Pine', 'Fjellmark', 'Kestrel Run', 'Moorland Wool Co.'],
  modelWords: [['Fisher', 'Harbour', 'Watch', 'Ridge', 'Summit', 'Trail', 'Drift', 'Campfire', 'Skerry', 'Pine', 'Shore', 'Dawn', 'Sundown']],
  uses: ['Made for frosty mornings, windy beaches and everything in between.', 'Easy to stash in a pocket, easy to love.', 'The finishing touch for any outdoor outfit.'],
  closers: ACCESSORY_CLOSERS,
  styles: [
    {
      label: 'Beanie', suffixes: ['Beanie', 'Rib Beanie', 'Watch Cap'], count: 6, genders: ['unisex', 'unisex', 'unisex', 'kids', 'unisex', 'unisex'],
      brands: ['Alder & Pine', 'Moorland Wool Co.', 'Fjellmark'], price: [24, 39], materials: ['merino wool', 'recycled wool blend', 'lambswool', 'organic cotton rib'],
      colors: ['Black', 'Navy', 'Rust', 'Mustard', 'Oatmeal', 'Forest Green', 'Charcoal'], options: { kind: 'color' }, seasons: ['Winter'],
      weight: [60, 110, 'g'], tags: ['beanie', 'winter', 'warm', 'gift'],
      intros: [
        'The {product} is a snug rib-knit beanie in {material} with a deep turn-up for extra warmth over the ears.',
        'Warm, soft and itch-free, the {product} from {brand} is the hat you will wear from October to April.',
        'A classic fisherman-style beanie, the {product} is knitted in Scotland from {material}.',
      ],
      features: ['Made from {material}', 'Deep turn-up cuff', 'One size fits most', 'Woven label on the cuff'],
    },
    {
      label: 'Cap', suffixes: ['Running Cap', 'Five-panel Cap', 'Cap'], count: 4, genders: ['unisex'], brands: ['Kestrel Run', 'Alder & Pine'], price: [24, 34],
      materials: ['recycled polyester', 'organic cotton twill'], colors: ['Black', 'White', 'Navy', 'Olive', 'Sand'], options: { kind: 'color' },
      seasons: ['Spring/Summer'], weight: [50, 80, 'g'], tags: ['cap', 'summer', 'running'],
      intros: [
        'The {product} is a light, packable cap in {material} with a soft brim that folds into a pocket.',
        'Keep the sun out of your eyes on long runs and hot hikes with the {product} from {brand}.',
        'Quick-drying and adjustable, the {product} is a summer essential for runners and walkers.',
      ],
      features: ['Made from {material}', 'Adjustable strap at the back', 'Sweat-wicking headband', 'Reflective detail on the brim'],
    },
    {
      label: 'Sun hat', suffixes: ['Sun Hat', 'Bucket Hat'], count: 3, genders: ['unisex'], brands: ['Fjellmark', 'Alder & Pine'], price: [29, 49],
      materials: ['recycled nylon with UPF 50+', 'organic cotton canvas'], colors: ['Sand', 'Olive', 'Khaki', 'Navy'],
      options: { kind: 'size', values: ['S/M', 'L/XL'], color: true }, seasons: ['Summer'], weight: [70, 110, 'g'], tags: ['sun hat', 'summer', 'hiking'],
      attrs: () => ({ upf: '50+' }),
      intros: [
        'The {product} is a wide-brimmed hat with UPF {upf} sun protection and a chin cord for windy ridges.',
        'Shade for your face and neck on hot hiking days: the {product} from {brand} packs flat and dries fast.',
        'Made from {material}, the {product} is our favourite hat for summer holidays and sunny trails.',
      ],
      features: ['UPF {upf} sun protection', 'Made from {material}', 'Adjustable chin cord', 'Packs flat without creasing'],
    },
  ],
};

export const SOCKS: CategorySpec = {
  code: 'SCK',
  path: ['Accessories', 'Socks'],
  productType: 'Socks',
  brands: ['Fjellmark', 'Kestrel Run', 'Alder & Pine', 'Moorland Wool Co.'],
  modelWords: [['Trail', 'Tempo', 'Summit', 'Cabin', 'Bothy', 'Trek', 'Alpine', 'Lightfoot', 'Fell', 'Ember', 'Cosy', 'Glide', 'Switchback', 'Powder', 'Hut']],
  uses: ['Made in Portugal by a family-run mill.', 'Knitted with a snug arch band that stops them slipping inside your shoes.', 'Pairs perfectly with our running shoes and hiking boots.'],
  closers: ACCESSORY_CLOSERS,
  styles: [
    {
      label: 'Running socks', suffixes: ['Running Socks'], count: 5, genders: ['unisex'], brands: ['Kestrel Run'], price: [12, 19],
      materials: ['recycled nylon blend', 'merino wool blend'], colors: ['Black', 'White', 'Coral', 'Navy'],
      options: { kind: 'size', values: ['35–38', '39–42', '43–46'], color: true }, seasons: ['All season'], weight: [30, 45, 'g'],
      attrs: (r) => ({ height: r.pick(['Ankle', 'Quarter', 'Crew']), cushioning: r.pick(['Light', 'Medium']) }),
      tags: ['socks', 'running'],
      intros: [
        'The {product} are {cushioning}-cushioned running socks in {material} with a seamless toe and arch support.',
        'No blisters, no slipping: the {product} from {brand} hug your feet mile after mile.',
        'Light, breathable and quick-drying, the {product} are made for long runs and hot races.',
      ],
      features: ['{material}', '{height} height', 'Seamless toe', 'Left and right specific fit', 'Mesh ventilation zones'],
    },
    {
      label: 'Hiking socks', suffixes: ['Hiking Socks', 'Trekking Socks'], count: 5, genders: ['unisex'], brands: ['Fjellmark', 'Moorland Wool Co.', 'Alder & Pine'], price: [16, 26],
      materials: ['merino wool', 'merino wool blend', 'recycled wool blend'], colors: ['Charcoal', 'Olive', 'Rust', 'Navy'],
      options: { kind: 'size', values: ['35–38', '39–42', '43–46'], color: true }, seasons: ['All season'], weight: [60, 90, 'g'],
      attrs: () => ({ height: 'Crew', cushioning: 'Medium' }),
      tags: ['socks', 'hiking', 'merino'],
      intros: [
        'The {product} are cushioned crew socks in {material}, made to keep your feet comfortable in hiking boots all day.',
        'Warm in winter, cool in summer and never smelly: the {product} from {brand} are our best-selling socks.',
        'Padding under the heel and ball of the foot makes the {product} ideal for long days on the trail.',
      ],
      features: ['{material}', 'Cushioned heel and forefoot', 'Reinforced toe and heel', 'Naturally odour-resistant', 'Lifetime guarantee against holes'],
    },
    {
      label: 'Everyday socks', suffixes: ['Socks 3-Pack', 'Everyday Socks 3-Pack'], count: 3, genders: ['unisex'], brands: ['Alder & Pine'], price: [19, 29],
      materials: ['organic cotton', 'organic cotton blend'], colors: ['Black', 'Navy', 'Oatmeal'], options: { kind: 'size', values: ['35–38', '39–42', '43–46'] },
      seasons: ['All season'], weight: [120, 150, 'g'], tags: ['socks', 'basics', 'gift'],
      attrs: () => ({ height: 'Crew', pack: '3 pairs' }),
      intros: [
        'The {product} bring three pairs of soft everyday socks in {material}, with a comfort cuff that never pinches.',
        'Good socks make a good day: the {product} from {brand} are made to last through many washes.',
        'A simple pack of everyday socks in {material}, made without plastic packaging.',
      ],
      features: ['{pack} per pack', '{material}', 'Seamless toe', 'Comfort cuff'],
    },
    {
      label: 'Ski socks', suffixes: ['Ski Socks', 'Winter Socks'], count: 2, genders: ['unisex'], brands: ['Moorland Wool Co.', 'Fjellmark'], price: [22, 29], materials: ['merino wool blend'],
      colors: ['Navy', 'Black', 'Red'], options: { kind: 'size', values: ['35–38', '39–42', '43–46'], color: true }, seasons: ['Winter'],
      weight: [70, 100, 'g'], tags: ['socks', 'winter', 'ski', 'merino'],
      attrs: () => ({ height: 'Over the calf', cushioning: 'Shin padding' }),
      intros: [
        'The {product} are over-the-calf winter socks in {material} with padding where your ski boots press.',
        'Warm toes on the coldest chairlift: the {product} from {brand} are knitted for long days in the snow.',
        'Made for skiing, snowshoeing and winter walks, the {product} stay warm even when damp.',
      ],
      features: ['{material}', 'Over-the-calf length', 'Shin padding', 'Anatomical heel'],
    },
  ],
};

export const SUNGLASSES: CategorySpec = {
  code: 'SUN',
  path: ['Accessories', 'Sunglasses'],
  productType: 'Sunglasses',
  brands: ['Solvik Eyewear', 'Kestrel Run'],
  modelWords: [['Riviera', 'Cala', 'Porto', 'Lido', 'Sierra', 'Haze', 'Glint', 'Zenith', 'Vista', 'Horizon', 'Solstice']],
  uses: ['Made for sunny city breaks, beach days and summer road trips.', 'Comes with a recycled hard case and a microfibre cleaning pouch.'],
  closers: ACCESSORY_CLOSERS,
  styles: [
    {
      label: 'Lifestyle sunglasses', suffixes: ['Sunglasses'], count: 6, genders: ['unisex'], brands: ['Solvik Eyewear'], price: [59, 129],
      materials: ['bio-acetate', 'recycled acetate', 'stainless steel'], colors: ['Black', 'Tortoise', 'Crystal', 'Olive', 'Honey'],
      options: { kind: 'color' }, seasons: ['Summer'], weight: [24, 36, 'g'], tags: ['sunglasses', 'summer', 'gift'],
      attrs: (r) => ({ polarized: r.pick(['yes', 'no']), lensCategory: '3', uvProtection: 'UV400', frameShape: r.pick(['Round', 'Square', 'Cat-eye', 'Aviator']) }),
      intros: [
        'The {product} are {frameShape}-framed sunglasses in {material} with UV400 lenses.',
        'Effortless summer style: the {product} from {brand} are handmade in Italy and built to last.',
        'Classic {frameShape} lines and lightweight {material} make the {product} easy to wear all day.',
      ],
      features: ['Frame in {material}', 'Category {lensCategory} lenses with UV400 protection', 'Polarised lenses: {polarized}', 'Five-barrel metal hinges', 'Comes with a recycled case'],
    },
    {
      label: 'Sport sunglasses', suffixes: ['Sport Sunglasses'], count: 4, genders: ['unisex'], brands: ['Kestrel Run', 'Solvik Eyewear'], price: [69, 149],
      materials: ['TR90 nylon', 'recycled polycarbonate'], colors: ['Matte Black', 'White', 'Cobalt'], options: { kind: 'color' },
      seasons: ['Summer'], weight: [22, 30, 'g'], tags: ['sunglasses', 'running', 'cycling'],
      attrs: (r) => ({ polarized: r.pick(['yes', 'no']), lensCategory: '3', uvProtection: 'UV400', frameShape: 'Wraparound' }),
      intros: [
        'The {product} are light wraparound sports sunglasses with a grippy nose pad that stays put on fast descents.',
        'Made for running, cycling and trail days, the {product} from {brand} weigh just {weight}.',
        'Wide field of view, no fogging and UV400 protection: the {product} keep you focused on the route.',
      ],
      features: ['Frame in {material}', 'Category {lensCategory} lenses with UV400 protection', 'Polarised lenses: {polarized}', 'Adjustable rubber nose pads', 'Vented lens to prevent fogging'],
    },
  ],
};

export const GLOVES_SCARVES: CategorySpec = {
  code: 'GLV',
  path: ['Accessories', 'Gloves & scarves'],
  productType: 'Gloves & scarves',
  brands: ['Fjellmark', 'Moorland Wool Co.', 'Alder & Pine'],
  modelWords: [['Frost', 'Hearth', 'Drift', 'Cairn', 'Highland', 'Thistle', 'Bothy', 'Snowfall', 'Tweed']],
  uses: ['Made for cold commutes, winter walks and frosty Christmas markets.', 'A warm, thoughtful gift for the colder months.'],
  closers: ACCESSORY_CLOSERS,
  styles: [
    {
      label: 'Gloves', suffixes: ['Gloves', 'Insulated Gloves', 'Touchscreen Gloves'], count: 5, genders: ['unisex'], brands: ['Fjellmark', 'Alder & Pine'], price: [24, 69],
      materials: ['merino wool', 'recycled nylon with synthetic insulation', 'goat leather with wool lining'], colors: ['Black', 'Charcoal', 'Navy'],
      options: { kind: 'size', values: ['S', 'M', 'L', 'XL'] }, seasons: ['Winter'], weight: [60, 140, 'g'],
      tags: ['gloves', 'winter', 'warm'],
      intros: [
        'The {product} are warm winter gloves made from {material}, with touchscreen-compatible fingertips.',
        'Keep your hands warm on the bike, the trail and the school run with the {product} from {brand}.',
        'Dexterous, warm and durable, the {product} are made for the coldest months.',
      ],
      features: ['{material}', 'Touchscreen-compatible thumb and index finger', 'Pre-curved fingers', 'Elasticated cuff', 'Clip to keep the pair together'],
    },
    {
      label: 'Scarf', suffixes: ['Scarf', 'Wool Scarf'], count: 4, genders: ['unisex'], brands: ['Moorland Wool Co.', 'Alder & Pine'], price: [29, 69],
      materials: ['lambswool', 'merino wool', 'recycled wool blend'], colors: ['Navy', 'Charcoal', 'Burgundy', 'Oatmeal', 'Forest Green'],
      options: { kind: 'color' }, seasons: ['Winter'], weight: [150, 240, 'g'], tags: ['scarf', 'winter', 'warm', 'gift'],
      attrs: () => ({ dimensions: '180 × 30 cm' }),
      intros: [
        'The {product} is a soft, generous scarf woven from {material} in a small Scottish mill.',
        'Wrap up warm: the {product} from {brand} is light enough to wear daily and warm enough for January.',
        'Finished with fringed ends, the {product} in {material} makes a lovely winter gift.',
      ],
      features: ['{material}', 'Measures {dimensions}', 'Fringed ends', 'Woven in Scotland', 'Dry clean or hand wash'],
    },
  ],
};
