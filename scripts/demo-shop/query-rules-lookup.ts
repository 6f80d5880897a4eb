import { fits, isInsulatedJacket } from './product-facts.js';
import { grade, type QueryRule } from './query-rule.js';

const euros = (amount: number): number => amount * 100;

export const MISSPELLED_RULES: QueryRule[] = [
  {
    query: 'runing shoos',
    kind: 'misspelled',
    grade: (f) => grade(f.sub === 'Running shoes', f.sub === 'Trail shoes'),
  },
  { query: 'backpak', kind: 'misspelled', grade: (f) => grade(f.sub === 'Backpacks', f.style === 'Duffel') },
  { query: 'sleping bag', kind: 'misspelled', grade: (f) => grade(f.sub === 'Sleeping bags') },
  {
    query: 'waterprof jaket',
    kind: 'misspelled',
    grade: (f) => grade(f.sub === 'Jackets' && f.waterproof, f.sub === 'Jackets'),
  },
  { query: 'chelsae boots', kind: 'misspelled', grade: (f) => grade(f.style === 'Chelsea boot', f.sub === 'Boots') },
  { query: 'sunglases', kind: 'misspelled', grade: (f) => grade(f.sub === 'Sunglasses') },
  {
    query: 'hoody',
    kind: 'misspelled',
    grade: (f) => grade(f.style === 'Hoodie' || f.style === 'Zip hoodie', f.style === 'Sweatshirt'),
  },
  { query: 'candels', kind: 'misspelled', grade: (f) => grade(f.sub === 'Candles') },
  {
    query: 'tshirt womens',
    kind: 'misspelled',
    grade: (f) => grade(f.sub === 'T-shirts' && fits(f, 'women'), f.sub === 'T-shirts'),
  },
  {
    query: 'camping chiar',
    kind: 'misspelled',
    grade: (f) => grade(f.style === 'Camping chair', f.style === 'Camp stool' || f.style === 'Sit pad'),
  },
  { query: 'beenie hat', kind: 'misspelled', grade: (f) => grade(f.style === 'Beanie', f.sub === 'Hats') },
  {
    query: 'trail runnig shoes',
    kind: 'misspelled',
    grade: (f) => grade(f.style === 'Trail running', f.style === 'Hiking shoe' || f.sub === 'Running shoes'),
  },
  {
    query: 'merino sokcs',
    kind: 'misspelled',
    grade: (f) => grade(f.sub === 'Socks' && f.material.includes('merino'), f.sub === 'Socks'),
  },
  {
    query: 'tnet for 2 people',
    kind: 'misspelled',
    grade: (f) => grade(f.sub === 'Tents' && f.num('capacity') === 2, f.sub === 'Tents'),
  },
  { query: 'blankit', kind: 'misspelled', grade: (f) => grade(f.sub === 'Blankets') },
  {
    query: 'hikng boots',
    kind: 'misspelled',
    grade: (f) => grade(f.style === 'Hiking boot', f.style === 'Hiking shoe' || f.style === 'Winter boot'),
  },
  {
    query: 'parka jaket womens',
    kind: 'misspelled',
    grade: (f) =>
      grade(
        f.style === 'Parka' && fits(f, 'women'),
        f.style === 'Parka' || (f.style === 'Down jacket' && fits(f, 'women')),
      ),
  },
];

export const PRICE_RULES: QueryRule[] = [
  {
    query: 'running shoes under 100 euros',
    kind: 'price',
    filters: { maxPriceMinor: euros(100) },
    grade: (f) => grade(f.sub === 'Running shoes', f.sub === 'Trail shoes'),
  },
  {
    query: 'warm winter jacket under 150',
    kind: 'price',
    filters: { maxPriceMinor: euros(150) },
    grade: (f) => grade(isInsulatedJacket(f), f.style === 'Fleece'),
  },
  {
    query: 'gift under 30 euros',
    kind: 'price',
    filters: { maxPriceMinor: euros(30) },
    grade: (f) => grade(f.tags.has('gift'), f.top === 'Home & living' || f.sub === 'Socks'),
  },
  {
    query: 'tent under 200 euros',
    kind: 'price',
    filters: { maxPriceMinor: euros(200) },
    grade: (f) => grade(f.sub === 'Tents'),
  },
  {
    query: 'hiking boots under €200',
    kind: 'price',
    filters: { maxPriceMinor: euros(200) },
    grade: (f) => grade(f.style === 'Hiking boot', f.style === 'Hiking shoe' || f.style === 'Winter boot'),
  },
  {
    query: 'cheap backpack under 60',
    kind: 'price',
    filters: { maxPriceMinor: euros(60) },
    grade: (f) => grade(f.sub === 'Backpacks', f.sub === 'Tote bags'),
  },
  {
    query: 'sleeping bag for less than 120 euros',
    kind: 'price',
    filters: { maxPriceMinor: euros(120) },
    grade: (f) => grade(f.sub === 'Sleeping bags'),
  },
  {
    query: 'sunglasses under 80',
    kind: 'price',
    filters: { maxPriceMinor: euros(80) },
    grade: (f) => grade(f.sub === 'Sunglasses'),
  },
  {
    query: 'candle under 20 euros',
    kind: 'price',
    filters: { maxPriceMinor: euros(20) },
    grade: (f) => grade(f.sub === 'Candles'),
  },
  {
    query: 'sneakers between 50 and 80 euros',
    kind: 'price',
    filters: { minPriceMinor: euros(50), maxPriceMinor: euros(80) },
    grade: (f) => grade(f.sub === 'Sneakers'),
  },
  {
    query: 'premium down jacket over 300 euros',
    kind: 'price',
    filters: { minPriceMinor: euros(300) },
    grade: (f) => grade(f.sub === 'Jackets' && f.attr('insulation') === 'Down', isInsulatedJacket(f)),
  },
  {
    query: 'socks under 15',
    kind: 'price',
    filters: { maxPriceMinor: euros(15) },
    grade: (f) => grade(f.sub === 'Socks'),
  },
  {
    query: 'camping chair under 50',
    kind: 'price',
    filters: { maxPriceMinor: euros(50) },
    grade: (f) => grade(f.style === 'Camping chair' || f.style === 'Camp stool', f.style === 'Sit pad'),
  },
  {
    query: 'rain jacket under 120',
    kind: 'price',
    filters: { maxPriceMinor: euros(120) },
    grade: (f) => grade(f.style === 'Rain jacket', f.sub === 'Jackets' && f.waterproof),
  },
  {
    query: 'wool jumper under 120',
    kind: 'price',
    filters: { maxPriceMinor: euros(120) },
    grade: (f) => grade(f.style === 'Merino sweater' || f.style === 'Wool jumper', f.style === 'Cardigan'),
  },
  {
    query: 'mug under 20 euros',
    kind: 'price',
    filters: { maxPriceMinor: euros(20) },
    grade: (f) => grade(f.style === 'Stoneware mug', f.style === 'Camp mug' || f.style === 'Espresso cups'),
  },
];

export const CATEGORY_RULES: QueryRule[] = [
  { query: 'tents', kind: 'category', grade: (f) => grade(f.sub === 'Tents') },
  {
    query: 'mugs',
    kind: 'category',
    grade: (f) =>
      grade(
        f.style === 'Stoneware mug' || f.style === 'Mug set',
        f.style === 'Espresso cups' || f.style === 'Camp mug' || f.style === 'Travel mug',
      ),
  },
  { query: 'dresses', kind: 'category', grade: (f) => grade(f.sub === 'Dresses') },
  { query: 'trail shoes', kind: 'category', grade: (f) => grade(f.sub === 'Trail shoes', f.sub === 'Running shoes') },
  {
    query: 'scented candles',
    kind: 'category',
    grade: (f) => grade(f.style === 'Scented candle' || f.style === 'Three-wick candle', f.style === 'Beeswax candle'),
  },
  { query: "men's t-shirts", kind: 'category', grade: (f) => grade(f.sub === 'T-shirts' && fits(f, 'men')) },
  { query: 'hiking socks', kind: 'category', grade: (f) => grade(f.style === 'Hiking socks', f.sub === 'Socks') },
  { query: 'headlamp', kind: 'category', grade: (f) => grade(f.style === 'Headlamp', f.style === 'Lantern') },
  { query: 'duffel bag', kind: 'category', grade: (f) => grade(f.style === 'Duffel', f.style === 'Weekender') },
  { query: 'base layers', kind: 'category', grade: (f) => grade(f.sub === 'Base layers') },
  { query: 'gloves', kind: 'category', grade: (f) => grade(f.style === 'Gloves') },
  {
    query: 'water bottle',
    kind: 'category',
    grade: (f) => grade(f.style === 'Insulated bottle' || f.style === 'Filter bottle', f.style === 'Travel mug'),
  },
  { query: 'camping stove', kind: 'category', grade: (f) => grade(f.style === 'Stove', f.style === 'Cook set') },
  { query: 'knitwear', kind: 'category', grade: (f) => grade(f.sub === 'Knitwear', f.style === 'Knit dress') },
  { query: 'sandals', kind: 'category', grade: (f) => grade(f.sub === 'Sandals') },
  {
    query: 'coffee grinder',
    kind: 'category',
    grade: (f) => grade(f.style === 'Coffee grinder', f.sub === 'Coffee & tea' && f.tags.has('coffee')),
  },
];

export const BRAND_RULES: QueryRule[] = [
  { query: 'fjellmark', kind: 'brand', grade: (f) => grade(f.vendor === 'Fjellmark') },
  {
    query: 'kestrel run running shoes',
    kind: 'brand',
    grade: (f) => grade(f.vendor === 'Kestrel Run' && f.sub === 'Running shoes', f.vendor === 'Kestrel Run'),
  },
  {
    query: 'alder & pine jacket',
    kind: 'brand',
    grade: (f) =>
      grade(f.vendor === 'Alder & Pine' && f.sub === 'Jackets', f.vendor === 'Alder & Pine' && f.top === 'Clothing'),
  },
  {
    query: 'moorland wool blanket',
    kind: 'brand',
    grade: (f) =>
      grade(
        f.vendor === 'Moorland Wool Co.' && f.sub === 'Blankets',
        f.sub === 'Blankets' || f.vendor === 'Moorland Wool Co.',
      ),
  },
  {
    query: 'northwind tent',
    kind: 'brand',
    grade: (f) => grade(f.vendor === 'Northwind Outfitters' && f.sub === 'Tents', f.sub === 'Tents'),
  },
  {
    query: 'velora sneakers',
    kind: 'brand',
    grade: (f) => grade(f.vendor === 'Velora' && f.sub === 'Sneakers', f.vendor === 'Velora'),
  },
  {
    query: 'kiln studio mug',
    kind: 'brand',
    grade: (f) => grade(f.vendor === 'Kiln Studio' && f.sub === 'Mugs', f.vendor === 'Kiln Studio'),
  },
  { query: 'wickworks candles', kind: 'brand', grade: (f) => grade(f.vendor === 'Wickworks', f.sub === 'Candles') },
  { query: 'oakhaven boots', kind: 'brand', grade: (f) => grade(f.vendor === 'Oakhaven') },
  {
    query: 'solvik sunglasses',
    kind: 'brand',
    grade: (f) => grade(f.vendor === 'Solvik Eyewear', f.sub === 'Sunglasses'),
  },
];
