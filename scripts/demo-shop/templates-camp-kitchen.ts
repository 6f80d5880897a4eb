import type { CategorySpec } from './spec.js';
import { GEAR_CLOSERS } from './shared-phrases.js';

export const CAMP_KITCHEN: CategorySpec = {
  code: 'KIT',
  path: ['Outdoor gear', 'Camp kitchen'],
  productType: 'Camp kitchen',
  brands: ['Northwind Outfitters', 'Alder & Pine', 'Fjellmark'],
  modelWords: [['Trailhead', 'Billy', 'Bothy', 'Firefly', 'Kettle', 'Summit', 'Embers', 'Basecamp', 'Morning', 'Hearth', 'Dawn', 'Crag']],
  uses: [
    'Made for slow campsite breakfasts, summit brews and hut-to-hut tours.',
    'Light enough for backpacking, tough enough for years of family camping.',
    'Because good coffee and a hot meal make every trip better.',
  ],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Stove', suffixes: ['Camping Stove', 'Canister Stove', 'Two-burner Stove'], count: 4, price: [39, 129],
      materials: ['stainless steel and aluminium'], colors: [], options: { kind: 'none' }, seasons: ['All season'], weight: [80, 4200, 'g'],
      attrs: (r, ctx) => ({
        fuel: 'Gas canister (EN417 thread)', boilTime: r.pick(['3 min', '3 min 15 s', '3 min 30 s', '4 min']), power: `${r.pick([2600, 2800, 3000])} W`,
        weight: ctx.suffix === 'Two-burner Stove' ? `${r.pick([3.8, 4.1, 4.6])} kg` : `${r.pick([85, 120, 210])} g`,
      }),
      tags: ['stove', 'camping', 'cooking'],
      intros: [
        'The {product} boils a litre of water in about {boilTime} and folds down small enough to fit inside a pot.',
        'Fast, reliable and wind-resistant, the {product} from {brand} runs on standard screw-thread gas canisters.',
        'From morning coffee to a proper pasta dinner, the {product} puts out {power} with a simmer control that actually simmers.',
      ],
      features: ['Boils 1 litre in about {boilTime}', 'Output {power}', 'Fuel: {fuel}', 'Piezo ignition', 'Weighs {weight}', 'Carry case included'],
    },
    {
      label: 'Cook set', suffixes: ['Cook Set', 'Pot Set'], count: 3, price: [29, 69], materials: ['hard-anodised aluminium', 'titanium', 'stainless steel'],
      colors: [], options: { kind: 'none' }, seasons: ['All season'], weight: [220, 680, 'g'],
      attrs: (r) => ({ pieces: `${r.pick([3, 4, 6])} pieces`, capacity: r.pick(['1.0 l', '1.4 l', '2.5 l']) }),
      tags: ['cooking', 'camping'],
      intros: [
        'The {product} is a nesting set of {pieces} in {material}, with folding handles and a lid that doubles as a pan.',
        'Cook for one or for the family: the {product} from {brand} packs neatly around a gas canister.',
        'Light, tough and easy to clean, the {product} is everything you need to cook a real meal outdoors.',
      ],
      features: ['{pieces} in {material}', 'Main pot {capacity}', 'Folding, heat-resistant handles', 'Weighs {weight}', 'Mesh storage bag'],
    },
    {
      label: 'Camp mug', suffixes: ['Enamel Mug', 'Camp Mug'], count: 3, price: [12, 18], materials: ['enamelled steel', 'double-wall stainless steel'],
      colors: ['Cream', 'Navy', 'Forest Green', 'Speckled'], options: { kind: 'color' }, seasons: ['All season'], weight: [100, 180, 'g'],
      attrs: (r) => ({ capacity: r.pick(['350 ml', '400 ml']) }),
      tags: ['mug', 'camping', 'coffee', 'gift'],
      intros: [
        'The {product} is a classic {capacity} camp mug in {material}, just right for coffee by the fire.',
        'Tough enough to throw in a pack, pretty enough for the breakfast table: the {product} from {brand}.',
        'There is something about coffee from an enamel mug at sunrise. The {product} holds {capacity}.',
      ],
      features: ['{capacity} capacity', 'Made from {material}', 'Safe on a camping stove', 'Hand-finished rim'],
    },
    {
      label: 'Coffee press', suffixes: ['Camp Coffee Press', 'Coffee Press'], count: 2, price: [29, 39], materials: ['double-wall stainless steel'],
      colors: ['Black', 'Olive'], options: { kind: 'color' }, seasons: ['All season'], weight: [280, 360, 'g'],
      attrs: () => ({ capacity: '500 ml' }),
      tags: ['coffee', 'camping', 'gift'],
      intros: [
        'The {product} is an unbreakable {capacity} press in {material} that brews great coffee at camp and keeps it hot.',
        'Fresh coffee anywhere: the {product} from {brand} doubles as an insulated travel mug.',
        'For coffee lovers who camp, the {product} brews two cups with a fine steel filter.',
      ],
      features: ['{capacity} capacity', 'Double-wall insulation keeps coffee hot for 2 hours', 'Fine stainless steel filter', 'Leak-proof drinking lid'],
    },
  ],
};

export const LIGHTS: CategorySpec = {
  code: 'LGT',
  path: ['Outdoor gear', 'Headlamps & lanterns'],
  productType: 'Headlamps & lanterns',
  brands: ['Northwind Outfitters', 'Lumenfjord'],
  modelWords: [['Glow', 'Beacon', 'Lumen', 'Firefly', 'Lighthouse', 'Nova', 'Spark', 'Aurora', 'Halo']],
  uses: ['Made for night hikes, early alpine starts and finding things in the tent.', 'Lives in the glovebox, the pack or the kitchen drawer for power cuts.'],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Headlamp', suffixes: ['Headlamp', 'Rechargeable Headlamp'], count: 5, price: [24, 69], materials: ['recycled polycarbonate'],
      colors: ['Black', 'Orange', 'Teal'], options: { kind: 'color' }, seasons: ['All season'], waterproof: 1, weight: [60, 110, 'g'],
      attrs: (r, ctx) => ({ lumens: `${[350, 200, 500, 900, 450][ctx.index % 5]} lm`, battery: ctx.suffix.startsWith('Rechargeable') ? 'USB-C rechargeable' : r.pick(['USB-C rechargeable', '3 × AAA']), ipRating: 'IPX4' }),
      tags: ['headlamp', 'camping', 'running', 'hiking'],
      intros: [
        'The {product} puts out {lumens} from a light, comfortable headlamp with a red night-vision mode.',
        'Night runs, tent reading and dark descents: the {product} from {brand} handles them all with {lumens} of light.',
        'Simple one-button control and a {battery} battery make the {product} easy to live with.',
      ],
      features: ['Maximum output {lumens}', 'Battery: {battery}', 'Red light mode', 'Water-resistant to {ipRating}', 'Weighs {weight}'],
    },
    {
      label: 'Lantern', suffixes: ['Camping Lantern', 'Lantern'], count: 3, price: [29, 59], materials: ['recycled ABS and silicone'],
      colors: ['Cream', 'Olive'], options: { kind: 'color' }, seasons: ['All season'], waterproof: 0, weight: [180, 320, 'g'],
      attrs: (r) => ({ lumens: `${r.pick([250, 400, 600])} lm`, battery: 'USB-C rechargeable', runTime: `${r.pick([24, 40, 60])} hours on low` }),
      tags: ['lantern', 'camping'],
      intros: [
        'The {product} fills the tent with a warm, dimmable glow of up to {lumens} and runs for {runTime}.',
        'Hang it in the tent, stand it on the table: the {product} from {brand} doubles as a power bank for your phone.',
        'Warm light for long evenings outdoors, the {product} collapses flat for packing.',
      ],
      features: ['Up to {lumens}', 'Runs {runTime}', '{battery} with power bank function', 'Hanging hook and carry handle'],
    },
  ],
};

export const BOTTLES: CategorySpec = {
  code: 'BTL',
  path: ['Outdoor gear', 'Bottles & flasks'],
  productType: 'Bottles & flasks',
  brands: ['Alder & Pine', 'Northwind Outfitters'],
  modelWords: [['Summit', 'Daybreak', 'Meadow', 'Spring', 'Fjord', 'Glacier', 'Brook', 'Thermal', 'Commute', 'Geyser']],
  uses: ['Made for hikes, commutes and long days at the desk.', 'Say goodbye to single-use bottles and paper cups.'],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Insulated bottle', suffixes: ['Insulated Bottle', 'Vacuum Flask'], count: 4, price: [24, 39], materials: ['double-wall 18/8 stainless steel'],
      colors: ['Black', 'Forest Green', 'Sand', 'Navy', 'Rust'], options: { kind: 'color' }, seasons: ['All season'], weight: [320, 460, 'g'],
      attrs: (r) => ({ capacity: r.pick(['500 ml', '750 ml', '1 l']), vacuumInsulated: 'yes', keepsHot: '12 hours', keepsCold: '24 hours' }),
      tags: ['bottle', 'insulated', 'gift'],
      intros: [
        'The {product} is a {capacity} vacuum-insulated bottle that keeps drinks hot for {keepsHot} and cold for {keepsCold}.',
        'Hot tea on a winter summit, ice-cold water on a summer hike: the {product} from {brand} does both.',
        'Made from {material}, the {product} is leak-proof, dent-resistant and free of plastic taste.',
      ],
      features: ['{capacity} capacity', 'Hot for {keepsHot}, cold for {keepsCold}', 'Leak-proof lid', 'BPA-free', 'Powder-coated, non-slip finish'],
    },
    {
      label: 'Travel mug', suffixes: ['Travel Mug', 'Insulated Travel Mug'], count: 3, price: [19, 29], materials: ['double-wall stainless steel'],
      colors: ['Black', 'Cream', 'Sage', 'Terracotta'], options: { kind: 'color' }, seasons: ['All season'], weight: [240, 300, 'g'],
      attrs: () => ({ capacity: '350 ml', vacuumInsulated: 'yes', keepsHot: '6 hours' }),
      tags: ['mug', 'coffee', 'insulated', 'gift'],
      intros: [
        'The {product} keeps your coffee hot for {keepsHot} and fits under most coffee machines and in car cup holders.',
        'Take your flat white on the road: the {product} from {brand} is leak-proof and easy to sip from.',
        'A {capacity} travel mug that actually keeps coffee hot, the {product} is made from {material}.',
      ],
      features: ['{capacity} capacity', 'Keeps drinks hot for {keepsHot}', 'Leak-proof slide lid', 'Fits standard cup holders', 'Dishwasher-safe lid'],
    },
    {
      label: 'Filter bottle', suffixes: ['Filter Bottle'], count: 2, price: [34, 49], materials: ['BPA-free copolyester'],
      colors: ['Teal', 'Black'], options: { kind: 'color' }, seasons: ['All season'], weight: [150, 200, 'g'],
      attrs: () => ({ capacity: '650 ml', filter: 'Removes 99.9999% of bacteria' }),
      tags: ['bottle', 'hiking', 'travel'],
      intros: [
        'The {product} filters stream and tap water as you drink, so you can refill anywhere on the trail.',
        'Travel light: the {product} from {brand} turns any fresh water source into safe drinking water.',
        'For hikers and travellers, the {product} is a {capacity} bottle with a replaceable hollow-fibre filter.',
      ],
      features: ['{capacity} capacity', '{filter}', 'Filter lasts about 1,500 litres', 'Squeezable, leak-proof cap'],
    },
  ],
};
