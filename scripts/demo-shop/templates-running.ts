import type { CategorySpec } from './spec.js';
import { SHOE_CLOSERS } from './shared-phrases.js';

const ROAD_COLORS = ['Black', 'White', 'Navy', 'Grey', 'Coral', 'Cobalt', 'Lime', 'Sand', 'Teal'];

export const RUNNING_SHOES: CategorySpec = {
  code: 'RUN',
  path: ['Shoes', 'Running shoes'],
  productType: 'Running shoes',
  brands: ['Kestrel Run', 'Strider Athletics', 'Pacewell'],
  modelWords: [
    ['Tempo', 'Swift', 'Aero', 'Cadence', 'Velo', 'Zephyr', 'Arc', 'Flux', 'Rally', 'Halo', 'Kite', 'Surge', 'Lumen', 'Orbit'],
    ['Glide', 'Flow', 'Dash', 'Motion', 'Rise', 'Drift', 'Ride', 'Stride', 'Pulse', 'Lite'],
  ],
  versionChance: 0.6,
  uses: [
    'Ideal for easy miles, long runs and the odd tempo session on tarmac.',
    'Made for road running, treadmill sessions and loops around the park.',
    'A dependable pick for runners logging 20 to 50 kilometres a week.',
    'Equally at home on a lunchtime 5K and a Sunday half marathon.',
    'Suits new runners building up to a first 10K as well as seasoned marathoners.',
  ],
  closers: SHOE_CLOSERS,
  styles: [
    {
      label: 'Daily trainer', suffixes: ['Running Shoe'], count: 12, paired: true, genders: ['men', 'women'],
      price: [99, 149], materials: ['engineered mesh', 'recycled knit', 'breathable jacquard mesh', 'engineered mesh with suede overlays'],
      colors: ROAD_COLORS, options: { kind: 'shoe' }, seasons: ['All season'], waterproof: 0.15, waterproofMark: ' WP', vegan: 0.4,
      weight: [240, 300, 'g'],
      attrs: (r) => ({
        surface: 'Road', cushioning: r.pick(['Medium', 'High']), drop: r.pick(['6 mm', '8 mm', '10 mm']),
        support: r.pick(['Neutral', 'Neutral', 'Stability']),
      }),
      tags: ['running', 'road running'],
      intros: [
        'The {name} is a versatile {support} trainer from {brand}, with a {cushioning}-cushioned foam midsole that keeps every stride smooth.',
        'Meet the {name}: a soft, steady everyday running shoe whose {material} upper breathes on warm days.',
        '{brand} built the {name} for runners who want one shoe for almost every run of the week.',
      ],
      features: [
        '{drop} heel-to-toe drop for a natural transition', 'Upper in {material} with a padded tongue and heel collar',
        'Durable rubber outsole in the high-wear zones', 'Reflective details for early-morning and evening runs',
        'Removable cushioned insole that makes room for orthotics', 'Weighs about {weight} in EU 42',
      ],
    },
    {
      label: 'Max cushion', suffixes: ['Running Shoe', 'Max Running Shoe'], count: 6, paired: true, genders: ['men', 'women'],
      price: [139, 179], materials: ['engineered mesh', 'recycled knit'], colors: ROAD_COLORS, options: { kind: 'shoe' },
      seasons: ['All season'], vegan: 0.5, weight: [260, 310, 'g'],
      attrs: (r) => ({ surface: 'Road', cushioning: 'Maximum', drop: r.pick(['5 mm', '6 mm', '8 mm']), support: 'Neutral' }),
      tags: ['running', 'road running', 'cushioned'],
      intros: [
        'The {name} stacks a thick layer of supercritical foam under your feet, so long runs feel kinder on tired legs.',
        'Plush but never mushy, the {name} from {brand} is our pick for recovery days and marathon training blocks.',
        'If you count kilometres rather than seconds, the {name} delivers {brand}\'s softest ride yet.',
      ],
      features: [
        'Maximum cushioning with a rockered sole for an easy roll-through', '{drop} drop',
        'Wide, stable base that tames the softness', 'Upper in {material} with a gusseted tongue',
        'Grippy rubber outsole that lasts 800 km and more', 'About {weight} in EU 42',
      ],
    },
    {
      label: 'Racing', suffixes: ['Racing Shoe'], count: 6, paired: true, genders: ['men', 'women'],
      price: [159, 229], materials: ['featherweight monofilament mesh', 'translucent engineered mesh'],
      colors: ['White', 'Coral', 'Lime', 'Black', 'Cobalt'], options: { kind: 'shoe' }, seasons: ['All season'], vegan: 0.4,
      weight: [185, 230, 'g'],
      attrs: (r) => ({ surface: 'Road', cushioning: 'Responsive', drop: r.pick(['6 mm', '8 mm']), plate: r.pick(['Carbon plate', 'Nylon plate']) }),
      tags: ['running', 'road running', 'racing'],
      intros: [
        'Built for race day, the {name} pairs a springy foam with a {plate} that snaps you forward at tempo pace.',
        'The {name} is {brand}\'s fastest shoe: light, bouncy and tuned for 10K to marathon racing.',
        'Chasing a personal best? The {name} combines a {plate} with a featherweight upper made of {material}.',
      ],
      features: [
        'Full-length {plate} for a propulsive toe-off', 'Only about {weight} in EU 42', '{drop} drop with an aggressive rocker',
        'Thin, grippy outsole that sheds weight without losing traction in the wet', 'Lightly padded heel and gusseted tongue for a locked-in fit',
      ],
    },
    {
      label: 'Everyday', suffixes: ['Running Shoe', 'Road Running Shoe'], count: 10,
      genders: ['men', 'women', 'unisex', 'women', 'men'], price: [59, 95], materials: ['breathable mesh', 'recycled mesh'],
      colors: ROAD_COLORS, options: { kind: 'shoe' }, seasons: ['All season'], vegan: 0.4, weight: [260, 310, 'g'],
      attrs: () => ({ surface: 'Road', cushioning: 'Medium', drop: '10 mm', support: 'Neutral' }),
      tags: ['running', 'road running', 'beginner'],
      intros: [
        'The {name} is an honest, well-priced running shoe that does the basics brilliantly.',
        'Starting out, or looking for a second pair to rotate? The {name} from {brand} keeps things simple and comfortable.',
        'A no-fuss neutral trainer, the {name} has enough cushioning for runs of up to 15 kilometres.',
      ],
      features: [
        'Lightweight foam midsole with a 10 mm drop', 'Breathable upper in {material}', 'Padded collar and a soft, removable insole',
        'Rubber outsole with flex grooves', 'Works for the gym and treadmill too',
      ],
    },
  ],
};

export const TRAIL_SHOES: CategorySpec = {
  code: 'TRL',
  path: ['Shoes', 'Trail shoes'],
  productType: 'Trail shoes',
  brands: ['Fjellmark', 'Kestrel Run', 'Ridgeback'],
  modelWords: [
    ['Scree', 'Moraine', 'Bracken', 'Talus', 'Ridge', 'Fell', 'Cairn', 'Heath', 'Gorge', 'Summit'],
    ['Trail', 'Grip', 'Runner', 'Pro', 'Trek', 'Hike', 'Ascent'],
  ],
  versionChance: 0.4,
  uses: [
    'Made for muddy forest paths, rocky ridgelines and everything in between.',
    'Happy on gravel, roots and wet grass, and still comfortable on the road section home.',
    'Ready for long days in the hills, from the Ardennes to the Alps.',
    'A good match for fast hikes, trail races and weekend adventures.',
  ],
  closers: SHOE_CLOSERS,
  styles: [
    {
      label: 'Trail running', suffixes: ['Trail Running Shoe', 'Trail Shoe'], count: 10, paired: true, genders: ['men', 'women'],
      price: [109, 169], materials: ['abrasion-resistant mesh', 'ripstop mesh with a TPU toe cap'],
      colors: ['Black', 'Olive', 'Orange', 'Slate', 'Teal', 'Rust'], options: { kind: 'shoe' }, seasons: ['All season'],
      waterproof: 0.4, waterproofMark: ' WP', vegan: 0.5, weight: [270, 330, 'g'],
      attrs: (r, ctx) => ({
        surface: 'Trail', cushioning: r.pick(['Medium', 'High']), drop: r.pick(['4 mm', '6 mm', '8 mm']),
        lugs: r.pick(['4 mm', '5 mm', '6 mm']), rockPlate: r.pick(['yes', 'no']),
        ...(ctx.waterproof ? { membrane: 'Waterproof, breathable membrane' } : {}),
      }),
      tags: ['running', 'trail running'],
      intros: [
        'The {name} is a grippy, protective trail shoe with {lugs} lugs that bite into mud and loose ground.',
        'Fast on the descents and secure on the climbs, the {name} is {brand}\'s go-to shoe for technical trails.',
        'Built for long days on rough terrain, the {name} balances {cushioning} cushioning with a close, confident fit.',
      ],
      features: [
        '{lugs} multidirectional lugs in sticky rubber', 'Upper in {material} that drains and dries quickly',
        '{drop} drop', 'Toe bumper that shrugs off rocks and roots', 'Gaiter attachment points at heel and laces', 'About {weight} in EU 42',
      ],
    },
    {
      label: 'Hiking shoe', suffixes: ['Hiking Shoe'], count: 6, genders: ['men', 'women', 'unisex'], price: [89, 149],
      materials: ['suede and mesh', 'waterproof nubuck', 'recycled mesh'], colors: ['Brown', 'Grey', 'Olive', 'Black', 'Sand'],
      options: { kind: 'shoe' }, seasons: ['All season'], waterproof: 0.65, waterproofMark: ' WP', vegan: 0.4, weight: [340, 420, 'g'],
      attrs: () => ({ surface: 'Trail', cut: 'Low' }),
      tags: ['hiking'],
      intros: [
        'The {name} is a low-cut hiking shoe with the stability of a boot and the comfort of a sneaker.',
        'From coastal paths to day hikes in the hills, the {name} from {brand} keeps you sure-footed.',
        'Light, supportive and ready out of the box: the {name} needs no breaking in.',
      ],
      features: [
        'Upper in {material} with a protective rubber rand', 'Lugged rubber outsole with a heel brake for descents',
        'Cushioned EVA midsole with a stabilising shank', 'Padded collar and tongue', 'About {weight} per shoe in EU 42',
      ],
    },
  ],
};
