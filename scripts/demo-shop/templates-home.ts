import type { CategorySpec } from './spec.js';
import { HOME_CLOSERS } from './shared-phrases.js';

const SCENTS = [
  'Lavender & Sage', 'Cedarwood & Smoke', 'Pine Forest', 'Sea Salt & Driftwood', 'Fig & Cassis', 'Bergamot & Neroli',
  'Amber & Tonka', 'Vanilla & Oak', 'Smoked Birch', 'Wild Fennel', 'Juniper & Moss', 'Orange Blossom',
];

export const MUGS: CategorySpec = {
  code: 'MUG',
  path: ['Home & living', 'Mugs'],
  productType: 'Mugs',
  brands: ['Kiln Studio', 'Alder & Pine'],
  modelWords: [['Fika', 'Morning', 'Dune', 'Harbour', 'Speckle', 'Ember', 'Tidal', 'Loam', 'Clay', 'Sunday', 'Mist', 'Hygge']],
  uses: ['Made for slow Sunday coffee, afternoon tea and everything in between.', 'Stackable, sturdy and made to be used every day.'],
  closers: HOME_CLOSERS,
  styles: [
    {
      label: 'Stoneware mug', suffixes: ['Mug', 'Stoneware Mug'], count: 5, price: [14, 24], materials: ['glazed stoneware', 'speckled stoneware', 'reactive-glaze ceramic'],
      colors: ['Cream', 'Speckled', 'Sage', 'Terracotta', 'Navy', 'Black'], options: { kind: 'color' }, seasons: ['All season'], weight: [300, 420, 'g'],
      attrs: (r) => ({ capacity: r.pick(['300 ml', '350 ml', '400 ml']), dishwasherSafe: r.pick(['yes', 'yes', 'no']), microwaveSafe: 'yes' }),
      tags: ['mug', 'coffee', 'tea', 'gift'],
      intros: [
        'The {product} is a hand-thrown {capacity} mug in {material}, with a generous handle that fits two fingers.',
        'Every {product} from {brand} is dipped by hand, so the glaze pools a little differently on each one.',
        'Heavy in the hand and warm to hold, the {product} makes your morning coffee feel like an occasion.',
      ],
      features: ['{capacity} capacity', 'Made from {material} in Portugal', 'Dishwasher safe: {dishwasherSafe}', 'Microwave safe', 'Unglazed base that will not scratch the table'],
    },
    {
      label: 'Mug set', suffixes: ['Mug Set of 2', 'Mug Set of 4'], count: 3, price: [29, 49], materials: ['glazed stoneware', 'porcelain'],
      colors: ['Cream', 'Speckled', 'Sage'], options: { kind: 'color' }, seasons: ['All season'], weight: [700, 1500, 'g'],
      attrs: () => ({ capacity: '350 ml', dishwasherSafe: 'yes', microwaveSafe: 'yes' }),
      tags: ['mug', 'coffee', 'tea', 'gift'],
      intros: [
        'The {product} brings matching {capacity} mugs in {material}, boxed and ready to give.',
        'A thoughtful housewarming gift: the {product} from {brand} turns coffee at home into a small ritual.',
        'Simple shapes and a soft satin glaze make the {product} an everyday favourite.',
      ],
      features: ['{capacity} per mug', 'Made from {material}', 'Dishwasher and microwave safe', 'Comes in a recycled gift box'],
    },
    {
      label: 'Espresso cups', suffixes: ['Espresso Cups, Set of 2'], count: 2, price: [19, 29], materials: ['porcelain', 'glazed stoneware'],
      colors: ['White', 'Black', 'Terracotta'], options: { kind: 'color' }, seasons: ['All season'], weight: [200, 300, 'g'],
      attrs: () => ({ capacity: '90 ml', dishwasherSafe: 'yes', microwaveSafe: 'yes' }),
      tags: ['coffee', 'espresso', 'gift'],
      intros: [
        'The {product} are thick-walled {capacity} cups in {material} that keep your espresso hot to the last sip.',
        'For the espresso lover in your life, the {product} from {brand} come with matching saucers.',
        'Small, sturdy and beautifully glazed, the {product} make a perfect gift for coffee lovers.',
      ],
      features: ['{capacity} per cup', 'Made from {material}', 'Thick walls that hold heat', 'Matching saucers included'],
    },
  ],
};

export const BLANKETS: CategorySpec = {
  code: 'BLK',
  path: ['Home & living', 'Blankets'],
  productType: 'Blankets',
  brands: ['Moorland Wool Co.', 'Hearth & Field', 'Alder & Pine'],
  modelWords: [['Heather', 'Bracken', 'Croft', 'Tartan', 'Shieling', 'Loch', 'Fireside', 'Glen', 'Cabin', 'Bothy', 'Machair', 'Herringbone']],
  uses: ['Made for the sofa, the reading chair and the end of the bed.', 'Just as good on a chilly campsite evening as on the sofa.'],
  closers: HOME_CLOSERS,
  styles: [
    {
      label: 'Wool throw', suffixes: ['Wool Throw', 'Wool Blanket'], count: 5, price: [79, 149], materials: ['pure new wool', 'lambswool', 'recycled wool'],
      colors: ['Oatmeal', 'Forest Green', 'Navy', 'Rust', 'Grey'], options: { kind: 'color' }, seasons: ['Autumn/Winter'], weight: [900, 1500, 'g'],
      attrs: (r) => ({ dimensions: r.pick(['130 × 180 cm', '140 × 200 cm', '150 × 190 cm']), warmth: 'Very warm' }),
      tags: ['blanket', 'wool', 'warm', 'gift'],
      intros: [
        'The {product} is a generous {dimensions} throw woven from {material} in a family-run mill in Wales.',
        'Warm, weighty and beautifully soft, the {product} from {brand} will be fought over on winter evenings.',
        'Wrap up in the {product}: woven from {material} and finished with hand-knotted fringes.',
      ],
      features: ['{dimensions}', '100% {material}', 'Hand-knotted fringes', 'Naturally warm and breathable', 'Dry clean or gentle wool wash'],
    },
    {
      label: 'Cotton throw', suffixes: ['Cotton Throw', 'Waffle Blanket'], count: 3, price: [49, 79], materials: ['organic cotton', 'recycled cotton'],
      colors: ['Cream', 'Sage', 'Terracotta', 'Grey'], options: { kind: 'color' }, seasons: ['All season'], weight: [700, 1100, 'g'],
      attrs: () => ({ dimensions: '130 × 170 cm', warmth: 'Light' }),
      tags: ['blanket', 'gift'],
      intros: [
        'The {product} is a soft, textured throw in {material}, light enough for summer evenings.',
        'Easy-care cosiness: the {product} from {brand} goes in the washing machine at 40 °C.',
        'A relaxed waffle-weave throw in {material} for the sofa, bed or garden bench.',
      ],
      features: ['{dimensions}', '{material}', 'Machine washable at 40 °C', 'OEKO-TEX certified'],
    },
    {
      label: 'Picnic blanket', suffixes: ['Picnic Blanket'], count: 2, price: [39, 59], materials: ['recycled wool with a waterproof backing', 'recycled polyester fleece with a waterproof backing'],
      colors: ['Rust', 'Forest Green', 'Navy'], options: { kind: 'color' }, seasons: ['Spring/Summer'], waterproof: 1, weight: [900, 1300, 'g'],
      attrs: () => ({ dimensions: '150 × 200 cm' }),
      tags: ['blanket', 'picnic', 'camping', 'gift'],
      intros: [
        'The {product} is a {dimensions} blanket in {material}, so damp grass stays where it belongs.',
        'Picnics, festivals and beach days: the {product} from {brand} rolls up with a leather carry strap.',
        'Soft on top, waterproof underneath, the {product} is the blanket that lives in the car boot.',
      ],
      features: ['{dimensions}', 'Waterproof backing', 'Leather carry strap', 'Wipe-clean underside'],
    },
  ],
};

export const CANDLES: CategorySpec = {
  code: 'CND',
  path: ['Home & living', 'Candles'],
  productType: 'Candles',
  brands: ['Wickworks', 'Hearth & Field'],
  modelWords: [['Nocturne', 'Vesper', 'Hive', 'Meadowgold']],
  uses: ['Light it for a slow evening in, a long bath or a dinner with friends.', 'Hand-poured in small batches in Ghent.'],
  closers: HOME_CLOSERS,
  styles: [
    {
      label: 'Scented candle', suffixes: ['Soy Candle', 'Scented Candle'], count: 7, price: [19, 34], materials: ['soy wax with a cotton wick', 'rapeseed and coconut wax'],
      colors: [], options: { kind: 'priced', name: 'Size', values: [['180 g', 0], ['320 g', 12]] }, seasons: ['All season'], weight: [180, 320, 'g'],
      attrs: (r, ctx) => ({ scent: SCENTS[ctx.index % SCENTS.length], burnTime: '40 hours (180 g), 65 hours (320 g)', vessel: r.pick(['Brown glass jar', 'Matte ceramic pot', 'Tin with lid']) }),
      nameFrom: 'scent',
      tags: ['candle', 'scented', 'gift'],
      intros: [
        'The {product} blends notes of {scent} in a clean-burning candle of {material}.',
        'Hand-poured by {brand} into a {vessel}, the {product} fills a room with {scent} in minutes.',
        'Cosy evenings start here: {scent}, a crackle-free cotton wick and up to 65 hours of burn time.',
      ],
      features: ['Scent: {scent}', 'Made from {material}', 'Burn time {burnTime}', 'Vessel: {vessel}, reusable once empty', 'Phthalate-free fragrance oils'],
    },
    {
      label: 'Three-wick candle', suffixes: ['Three-wick Candle'], count: 2, price: [39, 49], materials: ['soy wax with cotton wicks'],
      colors: [], options: { kind: 'none' }, seasons: ['Autumn/Winter'], weight: [600, 650, 'g'],
      attrs: (r, ctx) => ({ scent: SCENTS[(ctx.index + 7) % SCENTS.length], burnTime: '80 hours', vessel: 'Stoneware bowl' }),
      nameFrom: 'scent',
      tags: ['candle', 'scented', 'gift'],
      intros: [
        'The {product} is a large candle with three wicks and a rich scent of {scent}, poured into a hand-glazed {vessel}.',
        'Big enough to scent an open-plan living room, the {product} from {brand} burns for up to {burnTime}.',
        'Our most generous candle: {scent} in a stoneware bowl you will keep long after the wax is gone.',
      ],
      features: ['Scent: {scent}', '{material}', 'Burn time {burnTime}', 'Reusable stoneware bowl'],
    },
    {
      label: 'Beeswax candle', suffixes: ['Beeswax Pillar Candle', 'Beeswax Taper Candles'], count: 2, price: [14, 24], materials: ['pure beeswax'],
      colors: [], options: { kind: 'none' }, seasons: ['All season'], weight: [200, 400, 'g'],
      attrs: () => ({ scent: 'Natural honey', burnTime: '30 hours' }),
      tags: ['candle', 'unscented', 'gift'],
      intros: [
        'The {product} is made from {material} from Belgian beekeepers, with a soft natural honey scent.',
        'Clean-burning and naturally golden, the {product} from {brand} brings warm light to the dinner table.',
        'Pure beeswax burns longer and drips less: the {product} is a small, simple luxury.',
      ],
      features: ['100% {material}', 'Burn time {burnTime}', 'Natural honey scent, no added fragrance', 'Made in Belgium'],
    },
  ],
};
