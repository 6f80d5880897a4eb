import type { CategorySpec } from './spec.js';
import { APPAREL_CLOSERS } from './shared-phrases.js';

export const KNITWEAR: CategorySpec = {
  code: 'KNT',
  path: ['Clothing', 'Knitwear'],
  productType: 'Knitwear',
  brands: ['Alder & Pine', 'Moorland Wool Co.', 'Marlow & Finch'],
  modelWords: [['Fisherman', 'Shetland', 'Hebrides', 'Aran', 'Skerry', 'Lewis', 'Orkney', 'Harris', 'Islay', 'Bute', 'Arran', 'Mull', 'Jura']],
  uses: [
    'Made for crisp autumn walks, cabin weekends and long winter evenings.',
    'Layer it over a shirt for the office or wear it with jeans at the weekend.',
    'The kind of knit you keep for a decade and then hand down.',
  ],
  closers: APPAREL_CLOSERS,
  styles: [
    {
      label: 'Merino sweater', suffixes: ['Merino Sweater', 'Merino Crew'], count: 5, genders: ['men', 'women', 'unisex', 'women', 'men'],
      price: [89, 139], materials: ['extra-fine merino wool', 'merino wool'], colors: ['Navy', 'Charcoal', 'Oatmeal', 'Forest Green', 'Burgundy'],
      options: { kind: 'apparel' }, seasons: ['Autumn/Winter'], weight: [280, 360, 'g'],
      attrs: () => ({ gauge: '12 gauge', warmth: 'Moderate' }),
      tags: ['merino', 'knitwear', 'warm'],
      intros: [
        'The {name} is a fine-gauge crew in {material}: light, breathable and warm enough for most of the year.',
        'Knitted in Italy from {material}, the {name} from {brand} is soft enough to wear straight against the skin.',
        'Smart yet relaxed, the {name} is the merino jumper we recommend to everyone.',
      ],
      features: ['100% {material}, mulesing-free', '12-gauge knit with fully fashioned seams', 'Ribbed cuffs and hem', 'Hand wash or wool cycle at 30 °C'],
    },
    {
      label: 'Wool jumper', suffixes: ['Wool Jumper', 'Cable Knit Jumper', 'Fisherman Jumper'], count: 4, genders: ['unisex', 'women', 'men', 'unisex'],
      brands: ['Moorland Wool Co.'], price: [99, 159], materials: ['British lambswool', 'chunky undyed wool', 'Shetland wool'],
      colors: ['Cream', 'Oatmeal', 'Navy', 'Grey', 'Forest Green'], options: { kind: 'apparel' }, seasons: ['Winter'], weight: [600, 850, 'g'],
      attrs: () => ({ gauge: '5 gauge', warmth: 'Very warm' }),
      tags: ['wool', 'knitwear', 'warm', 'winter'],
      intros: [
        'The {name} is a heavy, cosy jumper knitted from {material} in a traditional cable pattern.',
        'Proper winter warmth: the {name} from {brand} is chunky, hard-wearing and made to last for decades.',
        'Inspired by fishermen\'s jumpers from the North Sea coast, the {name} is spun and knitted in Scotland from {material}.',
      ],
      features: ['100% {material}', 'Chunky 5-gauge cable knit', 'Naturally water-repellent and warm when damp', 'Made in Scotland', 'Hand wash cold, dry flat'],
    },
    {
      label: 'Cardigan', suffixes: ['Cardigan', 'Shawl Cardigan'], count: 3, genders: ['women', 'men', 'women'], price: [89, 129],
      materials: ['lambswool', 'recycled wool blend'], colors: ['Oatmeal', 'Charcoal', 'Navy', 'Rust', 'Sage'], options: { kind: 'apparel' },
      seasons: ['Autumn/Winter'], weight: [480, 620, 'g'],
      attrs: () => ({ gauge: '7 gauge', warmth: 'Warm' }),
      tags: ['knitwear', 'warm'],
      intros: [
        'The {name} is a relaxed button-through knit in {material}, made for slow mornings and chilly offices.',
        'Soft, warm and easy to layer, the {name} from {brand} is a cardigan with real presence.',
        'Generous pockets, horn-look buttons and {material}: the {name} is a modern classic.',
      ],
      features: ['{material}', 'Two deep patch pockets', 'Buttons made from corozo nut', 'Ribbed cuffs, hem and placket', 'Dry clean or hand wash'],
    },
  ],
};

export const BASE_LAYERS: CategorySpec = {
  code: 'BAS',
  path: ['Clothing', 'Base layers'],
  productType: 'Base layers',
  brands: ['Fjellmark', 'Tundra Lab'],
  modelWords: [['Frost', 'Rime', 'Ember', 'Thaw', 'Snowline', 'Aurora', 'Kindling', 'Glow']],
  uses: [
    'The foundation of a good layering system for skiing, winter hiking and cold-weather running.',
    'Wear it under a fleece in the mountains or under your clothes on cold commutes.',
    'Ideal for multi-day trips: merino stays fresh for days without washing.',
  ],
  closers: APPAREL_CLOSERS,
  styles: [
    {
      label: 'Base layer top', suffixes: ['Long Sleeve Base Layer', 'Thermal Top'], count: 4, paired: true, genders: ['men', 'women'],
      price: [59, 89], materials: ['200 gsm merino wool', '250 gsm merino wool', 'merino-recycled polyester blend'],
      colors: ['Black', 'Navy', 'Charcoal', 'Teal', 'Burgundy'], options: { kind: 'apparel' }, seasons: ['Winter'], weight: [180, 240, 'g'],
      attrs: () => ({ fit: 'Close', warmth: 'Warm' }),
      tags: ['base layer', 'merino', 'thermal', 'winter'],
      intros: [
        'The {name} is a close-fitting thermal top in {material} that keeps you warm, dry and odour-free.',
        'Next-to-skin warmth from {brand}: the {name} regulates temperature whether you are skinning uphill or waiting for the lift.',
        'Soft, itch-free {material} makes the {name} the base layer you will forget you are wearing.',
      ],
      features: ['{material}, mulesing-free', 'Flatlock seams and offset shoulder seams for pack comfort', 'Thumb loops', 'Naturally odour-resistant'],
    },
    {
      label: 'Base layer bottoms', suffixes: ['Base Layer Leggings', 'Thermal Bottoms'], count: 3, genders: ['men', 'women', 'women'],
      price: [49, 79], materials: ['200 gsm merino wool', 'merino-recycled polyester blend'], colors: ['Black', 'Charcoal', 'Navy'],
      options: { kind: 'apparel' }, seasons: ['Winter'], weight: [160, 210, 'g'],
      attrs: () => ({ fit: 'Close', warmth: 'Warm' }),
      tags: ['base layer', 'merino', 'thermal', 'winter'],
      intros: [
        'The {product} are thermal leggings in {material}, made for ski days, winter hikes and frosty bike rides.',
        'Layer the {product} from {brand} under ski pants or hiking trousers for warmth without bulk.',
        'Soft, stretchy and warm, the {product} keep your legs comfortable from the first lift to the last.',
      ],
      features: ['{material}, mulesing-free', 'Wide, soft waistband', 'Gusseted crotch for freedom of movement', 'Flatlock seams'],
    },
  ],
};
