import type { CategorySpec } from './spec.js';
import { APPAREL_CLOSERS } from './shared-phrases.js';

const NAMES = [
  'Canal', 'Harbour', 'Dune', 'Larch', 'Moss', 'Shore', 'Meadow', 'Pier', 'Kelp', 'Fern', 'Gull', 'Slate', 'Birch', 'Hollow', 'Loch',
  'Ridge', 'Quarry', 'Heath', 'Fjord', 'Vale', 'Brae', 'Solace', 'Atlas', 'Terra', 'Tide', 'Field',
];

export const HOODIES: CategorySpec = {
  code: 'HOD',
  path: ['Clothing', 'Hoodies & sweatshirts'],
  productType: 'Hoodies & sweatshirts',
  brands: ['Alder & Pine', 'Velora', 'Marlow & Finch'],
  modelWords: [NAMES],
  uses: [
    'Made for lazy Sundays, campfire evenings and the walk to the bakery.',
    'Throw it on after a run, for travel days or working from home.',
    'A wardrobe workhorse that only gets softer with every wash.',
  ],
  closers: APPAREL_CLOSERS,
  styles: [
    {
      label: 'Hoodie', suffixes: ['Hoodie', 'Heavyweight Hoodie'], count: 9,
      genders: ['unisex', 'men', 'women', 'unisex', 'women', 'men', 'unisex', 'kids', 'unisex'], price: [59, 99],
      materials: ['organic cotton fleece', 'recycled cotton blend', 'heavyweight brushed cotton'],
      colors: ['Black', 'Grey Marl', 'Navy', 'Oatmeal', 'Forest Green', 'Dusty Pink', 'Rust'], options: { kind: 'apparel' },
      seasons: ['All season'], weight: [480, 720, 'g'],
      attrs: (r) => ({ fabricWeight: r.pick(['320 gsm', '360 gsm', '400 gsm']), fit: r.pick(['Relaxed', 'Regular']) }),
      tags: ['hoodie', 'casual'],
      intros: [
        'The {name} is a {fabricWeight} hoodie in {material}, with a {fit} fit and a lined hood.',
        'Soft inside, structured outside: the {name} from {brand} is the hoodie you will wear until it falls apart (which will take a while).',
        'Cut from {material}, the {name} has dropped shoulders, a kangaroo pocket and ribbed cuffs that keep their shape.',
      ],
      features: ['{fabricWeight} {material}', 'Double-layer hood with flat drawcords', 'Kangaroo pocket', 'Ribbed cuffs and hem', 'Pre-washed to minimise shrinkage'],
    },
    {
      label: 'Sweatshirt', suffixes: ['Crew Sweatshirt', 'Sweatshirt'], count: 5, genders: ['unisex', 'women', 'men', 'unisex', 'women'], price: [49, 89],
      materials: ['organic cotton loopback', 'recycled cotton blend'], colors: ['Grey Marl', 'Navy', 'Oatmeal', 'Sage', 'Black', 'Burgundy'],
      options: { kind: 'apparel' }, seasons: ['All season'], weight: [420, 560, 'g'],
      attrs: (r) => ({ fabricWeight: r.pick(['300 gsm', '340 gsm']), fit: 'Regular' }),
      tags: ['sweatshirt', 'casual'],
      intros: [
        'The {name} is a classic crewneck in {fabricWeight} {material}, knitted in Portugal and garment-dyed for a lived-in colour.',
        'Simple and dependable, the {name} from {brand} layers neatly under a jacket or over a tee.',
        'A crew sweatshirt with vintage character: the {name} has a raglan sleeve and a ribbed V-insert at the neck.',
      ],
      features: ['{fabricWeight} {material}', 'Raglan sleeves for easy movement', 'Ribbed neck, cuffs and hem', 'Garment-dyed for a soft handfeel'],
    },
    {
      label: 'Zip hoodie', suffixes: ['Zip Hoodie'], count: 4, genders: ['men', 'women', 'unisex', 'women'], price: [69, 99],
      materials: ['organic cotton fleece', 'recycled cotton blend'], colors: ['Black', 'Charcoal', 'Navy', 'Olive', 'Oatmeal'],
      options: { kind: 'apparel' }, seasons: ['All season'], weight: [520, 700, 'g'],
      attrs: (r) => ({ fabricWeight: r.pick(['340 gsm', '380 gsm']), fit: 'Regular' }),
      tags: ['hoodie', 'casual'],
      intros: [
        'The {name} is a full-zip hoodie in {material}, an easy extra layer for cool evenings.',
        'Zip it up on the way out or wear it open over a tee: the {name} from {brand} is made for both.',
        'Heavy enough to feel substantial, light enough to pack, the {name} is a year-round favourite.',
      ],
      features: ['{fabricWeight} {material}', 'Two-way metal zip', 'Split kangaroo pockets', 'Lined hood with drawcords', 'Ribbed cuffs'],
    },
  ],
};

export const T_SHIRTS: CategorySpec = {
  code: 'TEE',
  path: ['Clothing', 'T-shirts'],
  productType: 'T-shirts',
  brands: ['Alder & Pine', 'Velora', 'Kestrel Run', 'Fjellmark'],
  modelWords: [NAMES],
  uses: [
    'Wear it on its own in summer or as a base under a shirt or knit.',
    'Equally at home on the trail, at the gym or at the weekend market.',
    'A dependable everyday basic that you will want in more than one colour.',
  ],
  closers: APPAREL_CLOSERS,
  styles: [
    {
      label: 'Everyday tee', suffixes: ['Organic Tee', 'Everyday T-shirt', 'Pocket Tee'], count: 8,
      genders: ['men', 'women', 'unisex', 'men', 'women', 'unisex', 'women', 'men'], brands: ['Alder & Pine', 'Velora'], price: [24, 39],
      materials: ['organic cotton jersey', 'organic cotton slub jersey', 'cotton jersey'],
      colors: ['White', 'Black', 'Navy', 'Grey Marl', 'Sage', 'Terracotta', 'Oatmeal'], options: { kind: 'apparel' },
      seasons: ['All season'], weight: [140, 200, 'g'],
      attrs: (r) => ({ fabricWeight: r.pick(['160 gsm', '180 gsm', '200 gsm']), fit: r.pick(['Regular', 'Relaxed', 'Slim']) }),
      tags: ['t-shirt', 'basics'],
      intros: [
        'The {name} is an everyday tee in {fabricWeight} {material}, cut for a {fit} fit that keeps its shape wash after wash.',
        'Soft, breathable and made to last, the {name} from {brand} is the t-shirt you will reach for first.',
        'A proper wardrobe staple: the {name} is made from {material} with a clean crew neck.',
      ],
      features: ['{fabricWeight} {material}', 'Taped neck seam that will not stretch out', 'Side-seamed for a neat drape', 'GOTS-certified dyes', 'Pre-shrunk'],
    },
    {
      label: 'Running tee', suffixes: ['Running Tee', 'Technical T-shirt'], count: 6, genders: ['men', 'women'], paired: true,
      brands: ['Kestrel Run', 'Fjellmark'], price: [29, 49], materials: ['recycled polyester mesh', 'merino-polyester blend'],
      colors: ['Black', 'Coral', 'Cobalt', 'Lime', 'Navy', 'Grey'], options: { kind: 'apparel' }, seasons: ['All season'], weight: [100, 140, 'g'],
      attrs: () => ({ fit: 'Athletic', quickDry: 'yes' }),
      tags: ['t-shirt', 'running', 'sport'],
      intros: [
        'The {name} is a featherweight running tee in {material} that wicks sweat and dries in minutes.',
        'Made for tempo runs and hot races, the {name} from {brand} stays light even when you are working hard.',
        'Breathable, quick-drying and chafe-free: the {name} is the running tee we wear most.',
      ],
      features: ['Quick-dry {material}', 'Flatlock seams to prevent chafing', 'Reflective logo', 'Odour-control treatment', 'Athletic fit'],
    },
    {
      label: 'Merino tee', suffixes: ['Merino Tee', 'Merino T-shirt'], count: 4, genders: ['men', 'women', 'unisex', 'women'],
      brands: ['Fjellmark', 'Alder & Pine'], price: [59, 79], materials: ['merino wool jersey', 'merino-lyocell blend'],
      colors: ['Black', 'Navy', 'Charcoal', 'Sage', 'Rust'], options: { kind: 'apparel' }, seasons: ['All season'], weight: [120, 160, 'g'],
      attrs: () => ({ fabricWeight: '150 gsm', fit: 'Regular' }),
      tags: ['t-shirt', 'merino', 'travel'],
      intros: [
        'The {name} is a {fabricWeight} {material} tee that stays fresh for days, perfect for travel and hut-to-hut hikes.',
        'Naturally odour-resistant and temperature-regulating, the {name} from {brand} feels cool in summer and cosy in winter.',
        'Pack one {name} instead of three cotton tees: {material} can be worn again and again between washes.',
      ],
      features: ['{fabricWeight} {material}', 'Mulesing-free merino from certified farms', 'Naturally odour-resistant', 'Machine washable on a wool cycle'],
    },
    {
      label: 'Graphic tee', suffixes: ['Graphic Tee'], count: 4, genders: ['unisex'], brands: ['Alder & Pine'], price: [29, 39],
      materials: ['organic cotton jersey'], colors: ['White', 'Oatmeal', 'Forest Green', 'Navy'], options: { kind: 'apparel' },
      seasons: ['Spring/Summer'], weight: [160, 200, 'g'],
      attrs: (r) => ({ print: r.pick(['Mountain line drawing', 'Pine forest print', 'Campfire illustration', 'Topographic map print']), fit: 'Relaxed' }),
      tags: ['t-shirt', 'gift'],
      intros: [
        'The {name} features a {print}, printed by hand in Amsterdam with water-based inks on {material}.',
        'Designed in-house, the {name} celebrates the outdoors with a {print} on soft {material}.',
        'A relaxed tee with a story: the {name} carries a {print} by a Dutch illustrator.',
      ],
      features: ['{material}', 'Water-based, PVC-free print', 'Relaxed, boxy fit', 'Printed in small batches in the Netherlands'],
    },
  ],
};
