import { fits, isInsulatedJacket } from './product-facts.js';
import { grade, type QueryRule } from './query-rule.js';

const WARM_EXTRAS = new Set([
  'Fleece',
  'Merino sweater',
  'Wool jumper',
  'Cardigan',
  'Base layer top',
  'Base layer bottoms',
  'Beanie',
  'Gloves',
  'Scarf',
  'Winter boot',
  'Cotton throw',
]);
const SCENTED = new Set(['Scented candle', 'Three-wick candle']);
const isLeather = (material: string): boolean => material.includes('leather') && !material.includes('vegan');

export const VAGUE_RULES: QueryRule[] = [
  { query: 'warm jacket for winter', kind: 'vague', grade: (f) => grade(isInsulatedJacket(f), f.style === 'Fleece') },
  {
    query: 'something to keep me warm',
    kind: 'vague',
    grade: (f) => grade(isInsulatedJacket(f) || f.style === 'Wool throw', WARM_EXTRAS.has(f.style)),
  },
  { query: 'gift for a coffee lover', kind: 'vague', grade: (f) => grade(f.tags.has('coffee'), f.style === 'Teapot') },
  {
    query: 'something to sit on at the campsite',
    kind: 'vague',
    grade: (f) =>
      grade(
        f.attr('seat') === 'yes' && f.top === 'Outdoor gear',
        f.attr('seat') === 'yes' || f.style === 'Picnic blanket',
      ),
  },
  {
    query: 'comfortable shoes for walking around the city all day',
    kind: 'vague',
    grade: (f) => grade(f.sub === 'Sneakers', f.style === 'Chelsea boot' || f.style === 'Lace-up boot'),
  },
  {
    query: 'keep my feet dry on rainy walks',
    kind: 'vague',
    grade: (f) =>
      grade(f.waterproof && (f.sub === 'Boots' || f.style === 'Hiking shoe'), f.waterproof && f.top === 'Shoes'),
  },
  {
    query: 'I need something to stay dry in the rain',
    kind: 'vague',
    grade: (f) => grade(f.style === 'Rain jacket' || f.style === 'Rain trousers', f.waterproof && f.top === 'Clothing'),
  },
  {
    query: 'a bag for a weekend away',
    kind: 'vague',
    grade: (f) =>
      grade(
        f.style === 'Duffel' || f.style === 'Weekender',
        f.style === 'Wash bag' || (f.sub === 'Backpacks' && f.num('volume') >= 30),
      ),
  },
  {
    query: 'make my living room smell nice',
    kind: 'vague',
    grade: (f) => grade(SCENTED.has(f.style), f.style === 'Beeswax candle'),
  },
  {
    query: 'something cosy for the sofa',
    kind: 'vague',
    grade: (f) =>
      grade(f.style === 'Wool throw' || f.style === 'Cotton throw', f.style === 'Cushion' || f.style === 'Pouf'),
  },
  {
    query: 'I get cold at night when camping',
    kind: 'vague',
    grade: (f) =>
      grade(
        f.sub === 'Sleeping bags' && f.num('comfortTemp') <= 0,
        f.sub === 'Sleeping bags' && f.style !== 'Summer sleeping bag',
      ),
  },
  { query: 'a light for the tent at night', kind: 'vague', grade: (f) => grade(f.sub === 'Headlamps & lanterns') },
  {
    query: 'what should I buy for my first 10k run',
    kind: 'vague',
    grade: (f) => grade(f.style === 'Everyday' || f.style === 'Daily trainer', f.tags.has('running')),
  },
  {
    query: 'shade for my face on a sunny hike',
    kind: 'vague',
    grade: (f) => grade(f.style === 'Sun hat' || f.style === 'Cap', f.sub === 'Sunglasses'),
  },
  {
    query: 'keep my coffee hot on the commute',
    kind: 'vague',
    grade: (f) => grade(f.style === 'Travel mug', f.style === 'Insulated bottle' || f.style === 'Coffee press'),
  },
  {
    query: 'bag for my laptop when I cycle to work',
    kind: 'vague',
    grade: (f) => grade(f.style === 'Commuter backpack', f.sub === 'Backpacks' && f.attr('laptopSleeve') === 'yes'),
  },
  {
    query: 'housewarming present',
    kind: 'vague',
    grade: (f) => grade(f.top === 'Home & living' && f.tags.has('gift')),
  },
  {
    query: 'something for the kids to wear outside in winter',
    kind: 'vague',
    grade: (f) =>
      grade(
        f.gender === 'kids' && (f.style === 'Winter boot' || isInsulatedJacket(f)),
        f.gender === 'kids' && f.top === 'Clothing',
      ),
  },
];

export const ATTRIBUTE_RULES: QueryRule[] = [
  {
    query: 'waterproof hiking boots',
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.style === 'Hiking boot' && f.waterproof,
        f.style === 'Hiking boot' || f.style === 'Winter boot' || (f.style === 'Hiking shoe' && f.waterproof),
      ),
  },
  {
    query: 'black leather chelsea boots for women',
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.style === 'Chelsea boot' && fits(f, 'women') && f.colors.has('Black') && isLeather(f.material),
        f.style === 'Chelsea boot',
      ),
  },
  {
    query: "men's down jacket",
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.sub === 'Jackets' && f.attr('insulation') === 'Down' && fits(f, 'men'),
        isInsulatedJacket(f) && fits(f, 'men'),
      ),
  },
  {
    query: 'vegan running shoes',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Running shoes' && f.vegan, f.sub === 'Trail shoes' && f.vegan),
  },
  {
    query: 'merino wool socks',
    kind: 'attribute',
    grade: (f) =>
      grade(f.sub === 'Socks' && f.material.includes('merino'), f.sub === 'Socks' && f.material.includes('wool')),
  },
  {
    query: "women's waterproof rain jacket",
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.style === 'Rain jacket' && fits(f, 'women'),
        f.style === 'Rain jacket' || (f.sub === 'Jackets' && f.waterproof && fits(f, 'women')),
      ),
  },
  {
    query: 'lightweight 2 person tent',
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.sub === 'Tents' && f.num('capacity') === 2 && f.num('weight') < 2,
        f.sub === 'Tents' && (f.num('capacity') === 2 || f.style === 'Backpacking tent'),
      ),
  },
  {
    query: 'sleeping bag for winter camping down to minus 10',
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.sub === 'Sleeping bags' && f.num('comfortTemp') <= -10,
        f.sub === 'Sleeping bags' && f.num('comfortTemp') <= -2,
      ),
  },
  {
    query: 'polarized sunglasses',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Sunglasses' && f.attr('polarized') === 'yes', f.sub === 'Sunglasses'),
  },
  {
    query: 'wool blanket',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Blankets' && f.material.includes('wool'), f.sub === 'Blankets'),
  },
  {
    query: 'lavender scented candle',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Candles' && f.attr('scent').includes('Lavender'), SCENTED.has(f.style)),
  },
  {
    query: 'organic cotton hoodie',
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.sub === 'Hoodies & sweatshirts' && f.style !== 'Sweatshirt' && f.material.includes('organic cotton'),
        f.sub === 'Hoodies & sweatshirts',
      ),
  },
  {
    query: 'white sneakers',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Sneakers' && f.colors.has('White'), f.sub === 'Sneakers' && f.colors.has('Cream')),
  },
  {
    query: 'running shoes size 44',
    kind: 'attribute',
    grade: (f) =>
      grade(f.sub === 'Running shoes' && f.hasSize('44', true), f.sub === 'Running shoes' && f.hasSize('44', false)),
  },
  {
    query: 'insulated winter boots for men',
    kind: 'attribute',
    grade: (f) =>
      grade(f.style === 'Winter boot' && fits(f, 'men'), f.style === 'Hiking boot' && f.waterproof && fits(f, 'men')),
  },
  {
    query: 'dishwasher safe mug',
    kind: 'attribute',
    grade: (f) =>
      grade(
        (f.style === 'Stoneware mug' || f.style === 'Mug set') && f.attr('dishwasherSafe') === 'yes',
        f.sub === 'Mugs' || f.style === 'Camp mug',
      ),
  },
  {
    query: 'backpack with laptop sleeve',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Backpacks' && f.attr('laptopSleeve') === 'yes', f.sub === 'Backpacks'),
  },
  {
    query: 'large hiking backpack 50 litres or more',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Backpacks' && f.num('volume') >= 50, f.sub === 'Backpacks' && f.num('volume') >= 30),
  },
  {
    query: 'rain jacket for kids',
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.style === 'Rain jacket' && f.gender === 'kids',
        f.gender === 'kids' && (f.sub === 'Jackets' || f.style === 'Rain trousers'),
      ),
  },
  {
    query: "women's hiking trousers",
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.style === 'Hiking trousers' && fits(f, 'women'),
        f.style === 'Hiking trousers' || (f.style === 'Rain trousers' && fits(f, 'women')),
      ),
  },
  {
    query: 'organic cotton t-shirt',
    kind: 'attribute',
    grade: (f) =>
      grade(
        f.sub === 'T-shirts' && f.material.includes('organic cotton'),
        f.sub === 'T-shirts' && f.material.includes('cotton'),
      ),
  },
  {
    query: 'merino base layer for skiing',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Base layers', f.style === 'Ski socks' || f.style === 'Merino tee'),
  },
  {
    query: 'running shoes on sale',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Running shoes' && f.onSale, f.sub === 'Trail shoes' && f.onSale),
  },
  {
    query: 'carbon plate racing shoes',
    kind: 'attribute',
    grade: (f) => grade(f.attr('plate') === 'Carbon plate', f.style === 'Racing'),
  },
  {
    query: 'down sleeping bag',
    kind: 'attribute',
    grade: (f) => grade(f.sub === 'Sleeping bags' && f.attr('insulation') === 'Down', f.sub === 'Sleeping bags'),
  },
  {
    query: 'merino jumper for men',
    kind: 'attribute',
    grade: (f) => grade(f.style === 'Merino sweater' && fits(f, 'men'), f.sub === 'Knitwear' && fits(f, 'men')),
  },
];
