import type { CategorySpec } from './spec.js';
import { HOME_CLOSERS } from './shared-phrases.js';

export const CUSHIONS_SEATING: CategorySpec = {
  code: 'CUS',
  path: ['Home & living', 'Cushions & seating'],
  productType: 'Cushions & seating',
  brands: ['Hearth & Field', 'Alder & Pine'],
  modelWords: [['Bothy', 'Nook', 'Hearth', 'Sill', 'Cabin', 'Porch', 'Ingle', 'Loft', 'Settle']],
  uses: ['Brings warmth and texture to the living room, bedroom or reading corner.', 'Made to be used every day, not just looked at.'],
  closers: HOME_CLOSERS,
  styles: [
    {
      label: 'Cushion', suffixes: ['Cushion', 'Wool Cushion'], count: 4, price: [29, 49], materials: ['woven wool with a feather-free filling', 'washed linen with a recycled fibre filling'],
      colors: ['Oatmeal', 'Rust', 'Sage', 'Navy', 'Mustard'], options: { kind: 'color' }, seasons: ['All season'], weight: [400, 700, 'g'],
      attrs: (r) => ({ dimensions: r.pick(['45 × 45 cm', '50 × 50 cm', '40 × 60 cm']) }),
      tags: ['cushion', 'gift'],
      intros: [
        'The {product} is a {dimensions} cushion in {material}, with a hidden zip so the cover comes off for washing.',
        'Texture and colour for a tired sofa: the {product} from {brand} is woven on old shuttle looms.',
        'Plump, soft and made to last, the {product} adds instant cosiness to any room.',
      ],
      features: ['{dimensions}', '{material}', 'Removable cover with hidden zip', 'Made in Portugal'],
    },
    {
      label: 'Pouf', suffixes: ['Pouf', 'Knitted Pouf'], count: 2, price: [79, 119], materials: ['chunky knitted wool', 'recycled cotton rope'],
      colors: ['Oatmeal', 'Grey', 'Rust'], options: { kind: 'color' }, seasons: ['All season'], weight: [2500, 3500, 'g'],
      attrs: () => ({ seat: 'yes', dimensions: 'Ø 50 × 40 cm', maxLoad: '100 kg' }),
      tags: ['pouf', 'seating', 'gift'],
      intros: [
        'The {product} is a firm, {dimensions} pouf in {material}: a footstool, side table or extra seat when friends come over.',
        'Sit on it, put your feet up or stack books on it, the {product} from {brand} does it all.',
        'Hand-knitted and firmly filled, the {product} brings a soft, sculptural touch to the living room.',
      ],
      features: ['{dimensions}', '{material}', 'Firm filling of recycled fibres that keeps its shape', 'Holds up to {maxLoad}'],
    },
    {
      label: 'Stool', suffixes: ['Wooden Stool', 'Step Stool'], count: 2, price: [59, 99], materials: ['solid oak', 'solid ash'],
      colors: [], options: { kind: 'none' }, seasons: ['All season'], weight: [2200, 3400, 'g'],
      attrs: (r) => ({ seat: 'yes', seatHeight: `${r.pick([45, 48])} cm`, maxLoad: '150 kg', finish: 'Natural oil' }),
      tags: ['stool', 'seating', 'furniture'],
      intros: [
        'The {product} is a sturdy three-legged stool in {material}, made by a small joinery in the Veluwe.',
        'Use the {product} from {brand} as a seat, a plant stand or a bedside table.',
        'Simple Scandinavian lines and {material} make the {product} a piece for life.',
      ],
      features: ['{material}, finished with natural oil', 'Seat height {seatHeight}', 'Holds up to {maxLoad}', 'Made in the Netherlands'],
    },
  ],
};

export const COFFEE_TEA: CategorySpec = {
  code: 'COF',
  path: ['Home & living', 'Coffee & tea'],
  productType: 'Coffee & tea',
  brands: ['Kiln Studio', 'Grindhouse Brewing Co.'],
  modelWords: [['Slow Drip', 'Barista', 'Ritual', 'Morning', 'Kettle', 'Brew', 'Origin', 'Roast', 'Steep']],
  uses: ['Made for slow weekend mornings and the perfect afternoon cup.', 'A thoughtful gift for anyone who takes their coffee or tea seriously.'],
  closers: HOME_CLOSERS,
  styles: [
    {
      label: 'Pour-over', suffixes: ['Pour-over Set', 'Pour-over Dripper'], count: 2, price: [29, 49], materials: ['glazed ceramic', 'borosilicate glass'],
      colors: ['White', 'Black'], options: { kind: 'color' }, seasons: ['All season'], weight: [300, 700, 'g'],
      attrs: () => ({ capacity: '1–4 cups', filterSize: 'Size 02 paper filters' }),
      tags: ['coffee', 'gift', 'brewing'],
      intros: [
        'The {product} brews a clean, bright cup of filter coffee in {material}, with a ribbed cone for even extraction.',
        'Coffee ritual made simple: the {product} from {brand} is all you need for a perfect pour-over.',
        'Slow down and savour: the {product} makes {capacity} of aromatic filter coffee.',
      ],
      features: ['Makes {capacity}', 'Made from {material}', 'Uses {filterSize}', 'Dishwasher safe'],
    },
    {
      label: 'Coffee grinder', suffixes: ['Hand Grinder', 'Coffee Grinder'], count: 2, price: [49, 89], materials: ['stainless steel with conical steel burrs'],
      colors: ['Black', 'Silver'], options: { kind: 'color' }, seasons: ['All season'], weight: [450, 650, 'g'],
      attrs: () => ({ grindSettings: '40 clicks', capacity: '30 g of beans' }),
      tags: ['coffee', 'gift', 'brewing'],
      intros: [
        'The {product} grinds beans evenly for espresso, filter or French press with {grindSettings} of adjustment.',
        'Fresh coffee starts with fresh grounds: the {product} from {brand} is compact enough to take camping.',
        'Precise, quiet and built to last, the {product} holds {capacity} and grinds them in under a minute.',
      ],
      features: ['Conical steel burrs', '{grindSettings} of grind adjustment', 'Holds {capacity}', 'No batteries, no noise'],
    },
    {
      label: 'French press', suffixes: ['French Press', 'Cafetière'], count: 2, price: [29, 49], materials: ['borosilicate glass and stainless steel', 'double-wall stainless steel'],
      colors: ['Black', 'Silver'], options: { kind: 'color' }, seasons: ['All season'], weight: [500, 800, 'g'],
      attrs: (r) => ({ capacity: r.pick(['600 ml', '1 l']) }),
      tags: ['coffee', 'gift', 'brewing'],
      intros: [
        'The {product} makes rich, full-bodied coffee for two or more, with a {capacity} carafe in {material}.',
        'No paper filters, no fuss: the {product} from {brand} brews great coffee in four minutes.',
        'A timeless brewer, the {product} has a fine double mesh filter that keeps the grounds out of your cup.',
      ],
      features: ['{capacity} capacity', '{material}', 'Double mesh filter', 'Dishwasher safe'],
    },
    {
      label: 'Teapot', suffixes: ['Teapot', 'Tea Set'], count: 2, brands: ['Kiln Studio'], price: [39, 59], materials: ['glazed stoneware', 'cast iron with an enamel lining'],
      colors: ['Cream', 'Sage', 'Black'], options: { kind: 'color' }, seasons: ['All season'], weight: [700, 1400, 'g'],
      attrs: () => ({ capacity: '800 ml', infuser: 'Removable stainless steel infuser' }),
      tags: ['tea', 'gift'],
      intros: [
        'The {product} holds {capacity} of loose-leaf tea with a removable infuser for just the right strength.',
        'A proper pot of tea, made in {material}: the {product} from {brand} keeps it warm for the second cup.',
        'Tea lovers will adore the {product}, with a drip-free spout and a generous {capacity} body.',
      ],
      features: ['{capacity} capacity', '{material}', '{infuser}', 'Drip-free spout'],
    },
  ],
};
