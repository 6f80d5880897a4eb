import type { CategorySpec } from './spec.js';
import { GEAR_CLOSERS } from './shared-phrases.js';

const kg = (grams: number): string => `${(grams / 1000).toFixed(1)} kg`;

export const TENTS: CategorySpec = {
  code: 'TNT',
  path: ['Outdoor gear', 'Tents'],
  productType: 'Tents',
  brands: ['Northwind Outfitters', 'Fjellmark', 'Alder & Pine'],
  modelWords: [
    [
      'Ridgeline',
      'Hollow',
      'Bivouac',
      'Meadow',
      'Starling',
      'Lochside',
      'Windbreak',
      'Fernlea',
      'Basecamp',
      'Nightjar',
      'Tundra',
      'Harebell',
      'Dunlin',
    ],
  ],
  uses: [
    'Made for wild camping, festival weekends and long summers on the road.',
    'Pitches in under ten minutes, even on your own and in the wind.',
    'Tested through storms on the Scottish coast and summer nights in the Alps.',
  ],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Backpacking tent',
      suffixes: ['Ultralight Tent', 'Backpacking Tent'],
      count: 5,
      price: [249, 449],
      materials: ['silicone-coated ripstop nylon', 'recycled polyester ripstop'],
      colors: [],
      options: { kind: 'none' },
      seasons: ['3-season'],
      waterproof: 1,
      weight: [1100, 2200, 'g'],
      attrs: (r, ctx) => {
        const persons = [2, 1, 2, 3, 2][ctx.index % 5];
        return {
          capacity: `${persons} ${persons === 1 ? 'person' : 'people'}`,
          weight: kg(900 + persons * 350 + r.int(0, 200)),
          waterColumn: '3,000 mm',
          doors: persons === 1 ? '1 door with a porch' : '2 doors with porches',
        };
      },
      title: (model, suffix, a) => `${model} ${a.capacity.split(' ')[0]} ${suffix}`,
      tags: ['tent', 'backpacking', 'lightweight'],
      intros: [
        'The {product} is a backpacking tent for {capacity} that weighs just {weight} yet stands strong in real wind.',
        'Freestanding, quick to pitch and light enough for multi-day treks, the {product} from {brand} sleeps {capacity}.',
        'When every gram counts, the {product} delivers a roomy inner and two porches at only {weight}.',
      ],
      features: [
        'Sleeps {capacity}',
        'Packed weight {weight}',
        'Fly of {material}, {waterColumn} water column',
        '{doors} for boots and packs',
        'Colour-coded poles for fast pitching',
        'Inner pitches with the fly in the rain',
      ],
    },
    {
      label: 'Dome tent',
      suffixes: ['Dome Tent', 'Camping Tent'],
      count: 3,
      price: [99, 189],
      materials: ['polyester taffeta'],
      colors: [],
      options: { kind: 'none' },
      seasons: ['3-season'],
      waterproof: 1,
      weight: [2600, 3400, 'g'],
      attrs: (r, ctx) => {
        const persons = [2, 3, 2][ctx.index % 3];
        return {
          capacity: `${persons} people`,
          weight: kg(1900 + persons * 450 + r.int(0, 200)),
          waterColumn: '2,000 mm',
          doors: '1 door with a porch',
        };
      },
      title: (model, suffix, a) => `${model} ${a.capacity.split(' ')[0]} ${suffix}`,
      tags: ['tent', 'camping', 'festival'],
      intros: [
        'The {product} is a simple, dependable dome tent for {capacity} at a friendly price, ideal for festivals and first camping trips.',
        'Easy to pitch and roomy inside, the {product} from {brand} is the tent we recommend for weekend campers.',
        'Two crossing poles, one porch and sleeping room for {capacity}: the {product} keeps camping simple.',
      ],
      features: [
        'Sleeps {capacity}',
        'Weighs {weight}',
        'Fly of {material}, {waterColumn} water column',
        'Pitches in about 10 minutes',
        'Mesh vents to reduce condensation',
      ],
    },
    {
      label: 'Family tent',
      suffixes: ['Family Tent', 'Tunnel Tent'],
      count: 4,
      price: [329, 599],
      materials: ['polycotton', 'recycled polyester'],
      colors: [],
      options: { kind: 'none' },
      seasons: ['3-season'],
      waterproof: 1,
      weight: [9000, 16000, 'g'],
      attrs: (r, ctx) => {
        const persons = [4, 6, 4, 5][ctx.index % 4];
        return {
          capacity: `${persons} people`,
          weight: kg(4000 + persons * 1800 + r.int(0, 600)),
          waterColumn: '4,000 mm',
          doors: '2 doors with porches',
          rooms: persons >= 5 ? '3 bedrooms' : '2 bedrooms',
        };
      },
      title: (model, suffix, a) => `${model} ${a.capacity.split(' ')[0]} ${suffix}`,
      tags: ['tent', 'camping', 'family'],
      intros: [
        'The {product} is a spacious family tent for {capacity}, with {rooms}, a big living area and room to stand up.',
        'Holidays under canvas made easy: the {product} from {brand} pitches as one and stays cool in the morning sun.',
        'Built for long summer stays at the campsite, the {product} in {material} breathes well and blocks out light.',
      ],
      features: [
        'Sleeps {capacity} in {rooms}',
        'Weighs {weight}',
        'Blackout bedrooms for lie-ins',
        'Sewn-in groundsheet',
        '{waterColumn} water column',
        'Large windows with curtains',
      ],
    },
  ],
};

export const SLEEPING_BAGS: CategorySpec = {
  code: 'SLP',
  path: ['Outdoor gear', 'Sleeping bags'],
  productType: 'Sleeping bags',
  brands: ['Northwind Outfitters', 'Fjellmark', 'Tundra Lab'],
  modelWords: [
    [
      'Nightfall',
      'Ember',
      'Hibernate',
      'Cocoon',
      'Dormant',
      'Snowdrift',
      'Moonrise',
      'Slumber',
      'Eider',
      'Thistledown',
      'Polestar',
    ],
  ],
  uses: [
    'Made for wild camping, hut trips and nights under the stars.',
    'Packs into a compression sack that fits in the bottom of a 40-litre pack.',
    'Comfortable for side sleepers thanks to a roomy footbox and shaped hood.',
  ],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Down sleeping bag',
      suffixes: ['Down Sleeping Bag'],
      count: 4,
      price: [199, 399],
      materials: ['recycled nylon shell'],
      colors: [],
      options: {
        kind: 'priced',
        name: 'Length',
        values: [
          ['Regular', 0],
          ['Long', 20],
        ],
      },
      seasons: ['3-season', '4-season'],
      weight: [700, 1400, 'g'],
      attrs: (r, ctx) => {
        const comfort = [-5, -2, -10, -12][ctx.index % 4];
        return {
          insulation: 'Down',
          fill: '700 fill power RDS-certified duck down',
          comfortTemp: `${comfort} °C`,
          limitTemp: `${comfort - 7} °C`,
          shape: 'Mummy',
        };
      },
      tags: ['sleeping bag', 'down', 'camping'],
      intros: [
        'The {product} is a mummy-shaped bag with {fill}, rated comfortable down to {comfortTemp}.',
        'Warmth for cold nights in a bag that packs to the size of a melon: the {product} from {brand}.',
        'Made for shoulder-season and winter trips, the {product} keeps you warm to {comfortTemp} at just {weight}.',
      ],
      features: [
        'Comfort {comfortTemp}, limit {limitTemp}',
        'Filled with {fill}',
        'Draught collar and shaped hood',
        'Anti-snag two-way zip',
        'Weighs {weight}',
        'Compression sack and cotton storage bag included',
      ],
    },
    {
      label: 'Synthetic sleeping bag',
      suffixes: ['Sleeping Bag', 'Synthetic Sleeping Bag'],
      count: 4,
      price: [79, 159],
      materials: ['recycled polyester shell'],
      colors: [],
      options: {
        kind: 'priced',
        name: 'Length',
        values: [
          ['Regular', 0],
          ['Long', 15],
        ],
      },
      seasons: ['3-season'],
      weight: [1100, 1900, 'g'],
      attrs: (r, ctx) => {
        const comfort = [5, 0, -3, 8][ctx.index % 4];
        return {
          insulation: 'Synthetic',
          fill: 'Recycled hollow-fibre fill',
          comfortTemp: `${comfort} °C`,
          limitTemp: `${comfort - 6} °C`,
          shape: r.pick(['Mummy', 'Rectangular']),
        };
      },
      tags: ['sleeping bag', 'camping'],
      intros: [
        'The {product} is a {shape} sleeping bag rated comfortable to {comfortTemp}, with recycled synthetic fill that stays warm when damp.',
        'An easy-care bag for campsites and hostels, the {product} from {brand} is machine washable.',
        'Warm, affordable and tough, the {product} is the bag we recommend for three-season camping.',
      ],
      features: [
        'Comfort {comfortTemp}, limit {limitTemp}',
        '{fill}',
        'Machine washable',
        'Two-way zip that pairs with a second bag',
        'Weighs {weight}',
      ],
    },
    {
      label: 'Summer sleeping bag',
      suffixes: ['Summer Sleeping Bag', 'Travel Sleeping Bag'],
      count: 2,
      price: [49, 79],
      materials: ['recycled polyester'],
      colors: [],
      options: { kind: 'none' },
      seasons: ['Summer'],
      weight: [600, 850, 'g'],
      attrs: () => ({
        insulation: 'Synthetic',
        fill: 'Light recycled fill',
        comfortTemp: '12 °C',
        limitTemp: '7 °C',
        shape: 'Rectangular',
      }),
      tags: ['sleeping bag', 'summer', 'festival'],
      intros: [
        'The {product} is a light summer bag rated to {comfortTemp}, perfect for festivals, hostels and warm nights.',
        'Small, light and easy to wash, the {product} from {brand} unzips fully into a blanket.',
        'For warm nights under canvas, the {product} packs to the size of a water bottle.',
      ],
      features: ['Comfort {comfortTemp}', 'Unzips into a quilt', 'Weighs {weight}', 'Stuff sack included'],
    },
  ],
};
