import type { CategorySpec } from './spec.js';
import { GEAR_CLOSERS } from './shared-phrases.js';

const litres = (attrs: Record<string, string>): string => attrs.volume.replace(' L', '');

export const BACKPACKS: CategorySpec = {
  code: 'BPK',
  path: ['Bags', 'Backpacks'],
  productType: 'Backpacks',
  brands: ['Alder & Pine', 'Fjellmark', 'Northwind Outfitters', 'Ridgeback'],
  modelWords: [['Ridgeway', 'Commute', 'Pathfinder', 'Voyager', 'Wayfarer', 'Rambler', 'Roamer', 'Nomad', 'Transit', 'Cairn', 'Sherpa', 'Drifter', 'Scout', 'Trekker', 'Rover', 'Skyline', 'Packhorse', 'Beacon']],
  uses: [
    'Made from recycled fabrics and built to be carried for years.',
    'Tough, water-repellent fabric shrugs off rain showers and muddy trailheads.',
    'A bag that is as comfortable on the bike as it is on the trail.',
  ],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Daypack', suffixes: ['Daypack', 'Hiking Daypack'], count: 6, price: [49, 99], materials: ['recycled ripstop nylon', 'recycled polyester canvas'],
      colors: ['Black', 'Olive', 'Navy', 'Rust', 'Slate', 'Teal'], options: { kind: 'color' }, seasons: ['All season'], waterproof: 0.2,
      weight: [480, 820, 'g'],
      attrs: (r) => ({ volume: `${r.pick([18, 20, 22, 24, 26, 28])} L`, laptopSleeve: r.pick(['yes', 'no']), hydrationCompatible: 'yes' }),
      title: (model, suffix, a) => `${model} ${litres(a)} ${suffix}`,
      tags: ['backpack', 'hiking'],
      intros: [
        'The {product} is a light, {volume} daypack in {material} with a ventilated back panel and padded hip belt.',
        'Comfortable from the first kilometre to the last, the {product} from {brand} carries everything a day out needs.',
        'A tidy {volume} pack with clever pockets, the {product} keeps snacks, water and a spare layer close at hand.',
      ],
      features: ['{volume} capacity', 'Made from {material}', 'Ventilated mesh back panel', 'Stretch side pockets for bottles',
        'Hydration sleeve and hose port', 'Laptop sleeve: {laptopSleeve}', 'Weighs {weight}'],
    },
    {
      label: 'Commuter backpack', suffixes: ['Roll-top Backpack', 'Commuter Backpack'], count: 5, price: [79, 149],
      materials: ['waterproof TPU-coated polyester', 'waxed organic cotton canvas', 'recycled nylon'], colors: ['Black', 'Charcoal', 'Olive', 'Navy', 'Sand'],
      options: { kind: 'color' }, seasons: ['All season'], waterproof: 0.6, weight: [800, 1200, 'g'],
      attrs: (r) => ({ volume: `${r.pick([20, 22, 24, 26])} L`, laptopSleeve: 'yes', laptopSize: r.pick(['15-inch', '16-inch']) }),
      title: (model, suffix, a) => `${model} ${litres(a)} ${suffix}`,
      tags: ['backpack', 'commuting', 'laptop'],
      intros: [
        'The {product} is a clean-lined commuter pack in {material} with a padded sleeve for laptops up to {laptopSize}.',
        'From the bike lane to the meeting room, the {product} from {brand} keeps your tech safe and organised.',
        'Made for daily commutes, the {product} opens wide and has a quick-access pocket for keys and cards.',
      ],
      features: ['{volume} capacity', 'Padded sleeve fits a {laptopSize} laptop', 'Made from {material}', 'Luggage pass-through strap',
        'Reflective trim for cycling in the dark', 'Hidden back pocket for your passport'],
    },
    {
      label: 'Trekking pack', suffixes: ['Trekking Pack', 'Hiking Backpack'], count: 5, brands: ['Fjellmark', 'Northwind Outfitters'],
      price: [139, 249], materials: ['recycled ripstop nylon', 'high-tenacity recycled nylon'], colors: ['Olive', 'Slate', 'Rust', 'Black'],
      options: { kind: 'priced', name: 'Back length', values: [['S/M', 0], ['M/L', 0]] }, seasons: ['All season'], waterproof: 0,
      weight: [1300, 2100, 'g'],
      attrs: (r) => ({ volume: `${r.pick([45, 50, 55, 60, 65, 70])} L`, laptopSleeve: 'no', raincover: 'Included' }),
      title: (model, suffix, a) => `${model} ${litres(a)} ${suffix}`,
      tags: ['backpack', 'hiking', 'trekking'],
      intros: [
        'The {product} is a {volume} trekking pack with an adjustable back system, built for hut-to-hut tours and multi-day treks.',
        'Carry more in comfort: the {product} from {brand} transfers the load to your hips with a padded, pivoting hip belt.',
        'Made for week-long adventures, the {product} has a front zip for easy access to the bottom of the pack.',
      ],
      features: ['{volume} capacity', 'Adjustable back length and load lifters', 'Integrated rain cover', 'Front U-zip access plus separate sleeping bag compartment',
        'Hip-belt pockets for phone and snacks', 'Weighs {weight}'],
    },
    {
      label: 'Kids backpack', suffixes: ['Kids Backpack'], count: 2, price: [29, 39], materials: ['recycled polyester'],
      colors: ['Yellow', 'Teal', 'Coral', 'Navy'], options: { kind: 'color' }, seasons: ['All season'], waterproof: 0, weight: [280, 360, 'g'],
      attrs: () => ({ volume: '10 L', laptopSleeve: 'no', ageRange: '4–10 years' }),
      title: (model, suffix, a) => `${model} ${litres(a)} ${suffix}`,
      tags: ['backpack', 'kids', 'gift'],
      intros: [
        'The {product} is a small {volume} backpack sized for young hikers aged {ageRange}.',
        'Little legs, big adventures: the {product} from {brand} carries a lunchbox, bottle and a spare jumper.',
        'Bright, tough and easy to clean, the {product} is made for school runs and family hikes.',
      ],
      features: ['{volume} capacity', 'Chest strap to keep it in place', 'Reflective details', 'Name label inside', 'Wipe-clean {material}'],
    },
  ],
};

export const TRAVEL_BAGS: CategorySpec = {
  code: 'DUF',
  path: ['Bags', 'Duffels & travel bags'],
  productType: 'Travel bags',
  brands: ['Alder & Pine', 'Northwind Outfitters', 'Marlow & Finch'],
  modelWords: [['Basecamp', 'Tramline', 'Harbour', 'Getaway', 'Voyage', 'Port', 'Overnight', 'Gateway', 'Meridian', 'Haul', 'Atlas', 'Compass']],
  uses: [
    'Ready for weekends away, gym sessions and long road trips.',
    'Throw it in the boot, on the roof box or in the overhead locker.',
    'Made for travellers who like to pack light and move fast.',
  ],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Duffel', suffixes: ['Duffel Bag', 'Expedition Duffel'], count: 5, price: [79, 149], materials: ['TPU-laminated recycled polyester', 'recycled ballistic nylon'],
      colors: ['Black', 'Olive', 'Navy', 'Orange', 'Yellow'], options: { kind: 'color' }, seasons: ['All season'], waterproof: 0.6, weight: [900, 1500, 'g'],
      attrs: (r) => ({ volume: `${r.pick([40, 60, 90])} L`, carry: 'Hand, shoulder or backpack straps' }),
      title: (model, suffix, a) => `${model} ${litres(a)} ${suffix}`,
      tags: ['duffel', 'travel'],
      intros: [
        'The {product} is a tough {volume} duffel in {material} that carries like a backpack when you need your hands free.',
        'Built to be thrown around, the {product} from {brand} shrugs off airport conveyor belts and muddy campsites.',
        'Big D-zip opening, stowable backpack straps and {material}: the {product} is the last duffel you will buy.',
      ],
      features: ['{volume} capacity', 'Made from {material}', 'Stowable backpack straps', 'Wide D-shaped opening', 'Lockable zips', 'Packs flat into its own side pocket'],
    },
    {
      label: 'Weekender', suffixes: ['Weekender', 'Weekend Bag'], count: 3, brands: ['Marlow & Finch'], price: [119, 179],
      materials: ['waxed canvas with leather trims', 'organic cotton canvas with leather trims'], colors: ['Olive', 'Navy', 'Tan'], options: { kind: 'color' },
      seasons: ['All season'], waterproof: 0, weight: [1300, 1700, 'g'],
      attrs: () => ({ volume: '40 L', carry: 'Hand or shoulder strap' }),
      title: (model, suffix) => `${model} ${suffix}`,
      tags: ['travel', 'weekender', 'gift'],
      intros: [
        'The {product} is a handsome {volume} weekend bag in {material}, just right for two or three nights away.',
        'Classic good looks with modern practicality: the {product} from {brand} has a padded shoe compartment and a trolley sleeve.',
        'Crafted from {material}, the {product} gets better-looking with every trip.',
      ],
      features: ['{volume} capacity', '{material}', 'Separate shoe compartment', 'Trolley sleeve', 'Detachable padded shoulder strap'],
    },
    {
      label: 'Wash bag', suffixes: ['Wash Bag', 'Hanging Toiletry Bag'], count: 2, price: [24, 34], materials: ['recycled nylon', 'waxed canvas'],
      colors: ['Black', 'Olive', 'Navy'], options: { kind: 'color' }, seasons: ['All season'], waterproof: 0, weight: [150, 220, 'g'],
      attrs: () => ({ volume: '4 L' }),
      tags: ['travel', 'gift'],
      intros: [
        'The {product} keeps toiletries organised with a hanging hook, mesh pockets and a wipe-clean lining.',
        'Small, clever and tough, the {product} from {brand} is a travel essential that makes a great gift.',
        'Made from {material}, the {product} fits everything you need for a week away.',
      ],
      features: ['{volume} capacity', 'Made from {material}', 'Hanging hook', 'Internal mesh pockets', 'Water-resistant lining'],
    },
  ],
};

export const TOTES: CategorySpec = {
  code: 'TOT',
  path: ['Bags', 'Tote bags'],
  productType: 'Tote bags',
  brands: ['Alder & Pine'],
  modelWords: [['Market', 'Canal', 'Library', 'Harbour', 'Beach', 'Studio']],
  uses: ['Carries groceries, a laptop or a day at the beach.', 'An everyday bag for markets, libraries and errands.'],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Tote', suffixes: ['Tote', 'Canvas Tote'], count: 4, price: [19, 49], materials: ['heavy organic cotton canvas', 'waxed canvas'],
      colors: ['Natural', 'Black', 'Olive', 'Navy'], options: { kind: 'color' }, seasons: ['All season'], weight: [220, 380, 'g'],
      attrs: (r) => ({ volume: `${r.pick([15, 18, 22])} L` }),
      tags: ['tote', 'gift'],
      intros: [
        'The {product} is a sturdy everyday tote in {material} with long handles that sit comfortably on the shoulder.',
        'Big enough for the weekly shop and smart enough for the office, the {product} from {brand} goes everywhere.',
        'Made in Portugal from {material}, the {product} has an inner zip pocket for keys and phone.',
      ],
      features: ['{volume} capacity', 'Made from {material}', 'Inner zip pocket', 'Reinforced base', 'Long shoulder handles'],
    },
  ],
};
