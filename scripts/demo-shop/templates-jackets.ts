import type { CategorySpec } from './spec.js';
import { APPAREL_CLOSERS } from './shared-phrases.js';

const OUTDOOR_COLORS = ['Black', 'Navy', 'Olive', 'Rust', 'Charcoal', 'Sand', 'Burgundy', 'Forest Green', 'Cobalt'];

export const JACKETS: CategorySpec = {
  code: 'JKT',
  path: ['Clothing', 'Jackets'],
  productType: 'Jackets',
  brands: ['Fjellmark', 'Northwind Outfitters', 'Alder & Pine', 'Tundra Lab', 'Ridgeback'],
  modelWords: [
    ['Hoarfrost', 'Skarven', 'Nordkap', 'Glacier', 'Polar', 'Fjord', 'Storm', 'Drizzle', 'Cirrus', 'Harbour', 'Gale', 'Lumi', 'Vinter',
      'Tarn', 'Ember', 'Boreal', 'Kaldera', 'Stratus', 'Ferro', 'Ullr', 'Isfjell', 'Skye', 'Nimbus', 'Solstice'],
    ['', 'Pro', 'Light', 'Alpine', 'Urban', 'Trail', 'Expedition'],
  ],
  uses: [
    'Layer it over a base layer on the hill or over a jumper for the commute.',
    'Made for cold mornings on the bike, dog walks and weekends in the mountains.',
    'Just as useful on a winter city break as on a snowy trail.',
    'Built to handle years of commuting, travel and weekends outdoors.',
  ],
  closers: APPAREL_CLOSERS,
  styles: [
    {
      label: 'Down jacket', suffixes: ['Down Jacket', 'Hooded Down Jacket', 'Down Puffer'], count: 8, paired: true, genders: ['men', 'women'],
      price: [179, 329], materials: ['recycled ripstop nylon', 'lightweight recycled polyester', 'matte ripstop nylon'],
      colors: OUTDOOR_COLORS, options: { kind: 'apparel' }, seasons: ['Winter'], waterproof: 0, weight: [340, 520, 'g'],
      attrs: (r, ctx) => ({
        insulation: 'Down', fill: r.pick(['650 fill power RDS-certified down', '700 fill power RDS-certified down', '800 fill power RDS-certified down']),
        warmth: r.pick(['Warm', 'Very warm']), hood: ctx.suffix.includes('Hood') ? 'yes' : 'no',
      }),
      tags: ['down', 'insulated', 'warm'],
      intros: [
        'The {name} is a light, packable down jacket filled with {fill} for serious warmth without the bulk.',
        'Cold snap? The {name} from {brand} traps heat with {fill} under a wind-resistant shell of {material}.',
        'Our warmest layer for its weight, the {name} compresses into its own pocket and lofts back up in seconds.',
      ],
      features: [
        'Insulated with {fill}', 'Shell of {material} with a water-repellent finish (PFC-free)', 'Elasticated cuffs and adjustable hem',
        'Two zipped hand pockets and one inner chest pocket', 'Packs into its own pocket', 'Weighs about {weight} in size M',
      ],
    },
    {
      label: 'Parka', suffixes: ['Parka', 'Down Parka', 'Winter Parka'], count: 6, paired: true, genders: ['women', 'men'], price: [229, 449],
      materials: ['waterproof recycled polyester', 'two-layer waterproof cotton blend'], colors: ['Black', 'Olive', 'Navy', 'Khaki', 'Stone'],
      options: { kind: 'apparel' }, seasons: ['Winter'], waterproof: 1, weight: [950, 1400, 'g'],
      attrs: (r, ctx) => ({
        insulation: ctx.suffix.includes('Down') ? 'Down' : r.pick(['Down', 'Synthetic']), warmth: 'Very warm', length: 'Thigh length', hood: 'yes',
      }),
      tags: ['parka', 'insulated', 'warm', 'winter'],
      intros: [
        'The {name} is a long, fully waterproof winter parka with {insulation} insulation and a generous hood for the coldest days.',
        'Built for Scandinavian winters, the {name} from {brand} covers you to mid-thigh and laughs at sleet and wind.',
        'When the temperature drops well below zero, the {name} is the coat you will be glad you bought.',
      ],
      features: [
        'Waterproof, breathable shell of {material} with taped seams', '{insulation} insulation throughout body, hood and sleeves',
        'Thigh length with a two-way zip', 'Adjustable hood with a removable faux-fur trim', 'Fleece-lined hand-warmer pockets',
        'Inner storm cuffs keep out draughts',
      ],
    },
    {
      label: 'Insulated jacket', suffixes: ['Insulated Jacket', 'Puffer Jacket', 'Insulated Hoodie'], count: 8,
      genders: ['men', 'women', 'unisex', 'kids', 'men', 'women', 'men', 'women'], price: [89, 179],
      materials: ['recycled nylon', 'recycled polyester ripstop'], colors: OUTDOOR_COLORS, options: { kind: 'apparel' },
      seasons: ['Winter', 'Autumn/Winter'], waterproof: 0.2, weight: [380, 620, 'g'],
      attrs: (r, ctx) => ({
        insulation: 'Synthetic', fill: r.pick(['100 g recycled synthetic fill', '133 g recycled synthetic fill', '80 g recycled synthetic fill']),
        warmth: r.pick(['Warm', 'Moderate']), hood: ctx.suffix.includes('Hood') ? 'yes' : r.pick(['yes', 'no']),
      }),
      tags: ['insulated', 'warm'],
      intros: [
        'The {name} is a warm synthetic jacket with {fill} that keeps insulating even when it gets damp.',
        'Easy-care warmth for everyday winter: the {name} from {brand} goes in the washing machine and comes out lofty.',
        'Animal-free and made from recycled materials, the {name} is a cosy jacket for cold commutes and frosty walks.',
      ],
      features: [
        'Insulated with {fill}', 'Outer fabric: {material} with a water-repellent finish', 'Machine washable at 30 °C',
        'Zipped hand pockets with soft tricot lining', 'Adjustable drawcord hem', 'About {weight} in size M',
      ],
    },
    {
      label: 'Rain jacket', suffixes: ['Rain Jacket', 'Waterproof Shell', 'Shell Jacket'], count: 8,
      genders: ['men', 'women', 'unisex', 'kids', 'women', 'men', 'unisex', 'kids'], price: [89, 219],
      materials: ['recycled polyester with a PFC-free membrane', 'recycled nylon with a PFC-free membrane'],
      colors: ['Black', 'Navy', 'Yellow', 'Olive', 'Red', 'Teal', 'Sky Blue'], options: { kind: 'apparel' },
      seasons: ['All season', 'Spring/Autumn'], waterproof: 1, weight: [260, 420, 'g'],
      attrs: (r) => ({
        insulation: 'None', construction: r.pick(['2.5-layer', '3-layer']), waterColumn: r.pick(['15,000 mm', '20,000 mm', '28,000 mm']),
        hood: 'yes',
      }),
      tags: ['rain', 'shell', 'hiking'],
      intros: [
        'The {name} is a fully waterproof {construction} shell with a {waterColumn} water column and taped seams.',
        'Dutch weather tested: the {name} from {brand} keeps you dry on the bike, on the trail and at the bus stop.',
        'Light, breathable and properly waterproof, the {name} is the jacket that lives in your bag just in case.',
      ],
      features: [
        '{construction} waterproof, breathable fabric: {material}', 'Water column of {waterColumn}, fully taped seams',
        'Adjustable, helmet-compatible hood with a stiffened peak', 'Underarm vents for climbs and cycling', 'Packs into its chest pocket',
        'About {weight} in size M',
      ],
    },
    {
      label: 'Softshell', suffixes: ['Softshell Jacket'], count: 4, genders: ['men', 'women'], price: [89, 149],
      materials: ['stretch softshell with brushed backing'], colors: ['Black', 'Charcoal', 'Navy', 'Olive'], options: { kind: 'apparel' },
      seasons: ['Spring/Autumn'], waterproof: 0, weight: [420, 520, 'g'],
      attrs: () => ({ insulation: 'None', windproof: 'yes' }),
      tags: ['softshell', 'hiking'],
      intros: [
        'The {name} is a stretchy, windproof softshell that moves with you on scrambles and fast hikes.',
        'Breathable, quiet and comfortable, the {name} from {brand} handles wind and light showers with ease.',
        'For active days in changeable weather, the {name} sits between a fleece and a rain shell.',
      ],
      features: [
        'Four-way stretch fabric with a brushed inner face', 'Windproof with a water-repellent finish', 'Chest pocket plus two hand pockets',
        'Adjustable cuffs and hem', 'About {weight} in size M',
      ],
    },
    {
      label: 'Fleece', suffixes: ['Fleece Jacket', 'Pile Fleece'], count: 6, genders: ['men', 'women', 'unisex', 'kids', 'men', 'women'],
      price: [49, 109], materials: ['recycled polyester fleece', 'high-pile recycled fleece'], colors: ['Oatmeal', 'Forest Green', 'Navy', 'Rust', 'Black', 'Cream'],
      options: { kind: 'apparel' }, seasons: ['Autumn/Winter'], waterproof: 0, weight: [320, 480, 'g'],
      attrs: () => ({ insulation: 'Fleece', warmth: 'Moderate' }),
      tags: ['fleece', 'warm'],
      intros: [
        'The {name} is a soft, cosy fleece made from {material}, equally good as a mid-layer or on its own.',
        'Warm, breathable and easy to care for, the {name} from {brand} will be your favourite autumn layer.',
        'Made from recycled bottles, the {name} brings retro charm and proper warmth to chilly mornings.',
      ],
      features: ['Made from {material}', 'Full-length zip with chin guard', 'Two zipped hand pockets', 'Stretch binding at cuffs and hem', 'Machine washable'],
    },
  ],
};
