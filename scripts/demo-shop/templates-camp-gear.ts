import type { CategorySpec } from './spec.js';
import { GEAR_CLOSERS } from './shared-phrases.js';

export const CAMP_FURNITURE: CategorySpec = {
  code: 'CFN',
  path: ['Outdoor gear', 'Camp furniture'],
  productType: 'Camp furniture',
  brands: ['Northwind Outfitters', 'Alder & Pine'],
  modelWords: [['Fireside', 'Lakeside', 'Campfire', 'Porch', 'Dune', 'Ember', 'Horizon', 'Sundowner', 'Trailhead', 'Riverbank', 'Glade', 'Moonlit', 'Pitch']],
  uses: [
    'Made for campsites, festivals, beach days and the back garden.',
    'Folds down in seconds and fits in the boot next to the tent.',
    'Sturdy enough for everyday use, light enough to carry to the perfect spot.',
  ],
  closers: GEAR_CLOSERS,
  styles: [
    {
      label: 'Camping chair', suffixes: ['Camping Chair', 'Folding Chair', 'Low Camp Chair'], count: 5, price: [39, 119],
      materials: ['aluminium frame with recycled polyester seat', 'powder-coated steel frame with canvas seat'], colors: ['Olive', 'Black', 'Sand', 'Rust'],
      options: { kind: 'color' }, seasons: ['All season'], weight: [900, 3500, 'g'],
      attrs: (r) => ({ seat: 'yes', maxLoad: `${r.pick([110, 120, 145])} kg`, seatHeight: `${r.pick([28, 34, 45])} cm` }),
      tags: ['chair', 'camping', 'festival'],
      intros: [
        'The {product} is a comfortable folding chair with a {seatHeight} seat height and a maximum load of {maxLoad}.',
        'Sit back by the fire in the {product} from {brand}: it packs small, sets up in seconds and supports up to {maxLoad}.',
        'From campsite evenings to sunny festival afternoons, the {product} makes sure you always have a good seat.',
      ],
      features: ['Frame: {material}', 'Maximum load {maxLoad}', 'Seat height {seatHeight}', 'Weighs {weight}', 'Carry bag included', 'Side pocket for a drink'],
    },
    {
      label: 'Camp stool', suffixes: ['Camp Stool', 'Folding Stool'], count: 3, price: [19, 39],
      materials: ['aluminium and recycled polyester', 'oiled beech wood and canvas'], colors: [], options: { kind: 'none' }, seasons: ['All season'],
      weight: [500, 1200, 'g'],
      attrs: (r) => ({ seat: 'yes', maxLoad: `${r.pick([100, 110, 120])} kg`, seatHeight: `${r.pick([38, 42, 45])} cm` }),
      tags: ['stool', 'camping', 'fishing'],
      intros: [
        'The {product} is a tiny tripod stool in {material} that folds to the size of a rolled umbrella.',
        'For fishing, sketching or cooking at the campsite, the {product} from {brand} gives you a seat wherever you go.',
        'Light, stable and quick to set up, the {product} holds up to {maxLoad}.',
      ],
      features: ['Made from {material}', 'Maximum load {maxLoad}', 'Seat height {seatHeight}', 'Weighs {weight}', 'Shoulder strap'],
    },
    {
      label: 'Camp table', suffixes: ['Camp Table', 'Roll Table'], count: 3, price: [49, 99], materials: ['anodised aluminium', 'bamboo slats and aluminium'],
      colors: [], options: { kind: 'none' }, seasons: ['All season'], weight: [1800, 3900, 'g'],
      attrs: (r) => ({ tableSize: r.pick(['70 × 50 cm', '90 × 60 cm', '120 × 70 cm']), maxLoad: '30 kg' }),
      tags: ['table', 'camping'],
      intros: [
        'The {product} is a roll-top table in {material} that sets up in under a minute and packs into its own bag.',
        'A stable surface for cooking, card games and breakfast: the {product} from {brand} measures {tableSize}.',
        'Light, sturdy and easy to wipe clean, the {product} is the centre of every camp kitchen.',
      ],
      features: ['Table top {tableSize}', 'Made from {material}', 'Holds up to {maxLoad}', 'Weighs {weight}', 'Adjustable legs for uneven ground'],
    },
    {
      label: 'Sit pad', suffixes: ['Sit Pad', 'Foam Seat Pad'], count: 2, price: [14, 24], materials: ['closed-cell foam', 'recycled foam with a reflective layer'],
      colors: ['Olive', 'Orange', 'Teal'], options: { kind: 'color' }, seasons: ['All season'], weight: [50, 90, 'g'],
      attrs: () => ({ seat: 'yes', dimensions: '40 × 30 cm' }),
      tags: ['sit pad', 'hiking', 'camping'],
      intros: [
        'The {product} is a featherlight {material} pad that keeps you dry and warm when you sit on cold rocks or wet grass.',
        'Lunch on the summit, without a cold bottom: the {product} from {brand} folds into the back pocket of your pack.',
        'Tiny, cheap and genuinely useful, the {product} is the hiking accessory we never leave behind.',
      ],
      features: ['Made from {material}', 'Measures {dimensions} unfolded', 'Weighs just {weight}', 'Water-resistant surface'],
    },
  ],
};
