/** The words the synthetic catalog and its queries are composed from. Data only. */

export interface CategorySpec {
  path: string[];
  productType: string;
  nouns: string[];
  adjectives: string[];
  materials: string[];
  /** Values of the Size option; empty when the category has no sizes. */
  sizes: string[];
  /** Whether variants also differ by colour. */
  colours: boolean;
  /** Typical price range in minor units (EUR cents). */
  price: [number, number];
  tags: string[];
  uses: string[];
  features: string[];
}

const SHOE_SIZES = ['38', '39', '40', '41', '42', '43', '44', '45', '46'];
const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

export const CATEGORIES: CategorySpec[] = [
  {
    path: ['Footwear', 'Running shoes'], productType: 'Running shoes', nouns: ['running shoe', 'trail runner', 'road running shoe', 'racing flat'],
    adjectives: ['lightweight', 'cushioned', 'responsive', 'stable', 'breathable'], materials: ['engineered mesh', 'knit', 'recycled polyester'],
    sizes: SHOE_SIZES, colours: true, price: [6_000, 19_000], tags: ['running', 'road', 'trail', 'marathon', 'vegan'],
    uses: ['long runs', 'race day', 'daily training', 'trail running', 'tempo sessions'],
    features: ['a cushioned foam midsole', 'a grippy rubber outsole', 'a breathable mesh upper', 'reflective details', 'a carbon plate'],
  },
  {
    path: ['Footwear', 'Hiking boots'], productType: 'Hiking boots', nouns: ['hiking boot', 'trekking boot', 'mid boot', 'approach shoe'],
    adjectives: ['waterproof', 'rugged', 'supportive', 'lightweight', 'insulated'], materials: ['full-grain leather', 'suede', 'nubuck'],
    sizes: SHOE_SIZES, colours: true, price: [9_000, 26_000], tags: ['hiking', 'waterproof', 'outdoor', 'mountain'],
    uses: ['rocky trails', 'multi-day treks', 'muddy walks', 'alpine hikes'],
    features: ['a waterproof membrane', 'a lugged Vibram sole', 'a padded ankle collar', 'a protective toe cap'],
  },
  {
    path: ['Footwear', 'Sneakers'], productType: 'Sneakers', nouns: ['sneaker', 'low-top trainer', 'high-top sneaker', 'slip-on'],
    adjectives: ['classic', 'minimal', 'retro', 'everyday', 'chunky'], materials: ['canvas', 'leather', 'suede'],
    sizes: SHOE_SIZES, colours: true, price: [5_000, 15_000], tags: ['casual', 'streetwear', 'vegan', 'everyday'],
    uses: ['city walks', 'weekends', 'the office', 'travel'],
    features: ['a vulcanised rubber sole', 'a cushioned insole', 'waxed laces', 'a padded tongue'],
  },
  {
    path: ['Clothing', 'Jackets', 'Rain jackets'], productType: 'Rain jackets', nouns: ['rain jacket', 'shell jacket', 'anorak', 'rain coat'],
    adjectives: ['waterproof', 'packable', 'breathable', 'windproof', 'lightweight'], materials: ['recycled nylon', 'three-layer shell', 'ripstop polyester'],
    sizes: CLOTHING_SIZES, colours: true, price: [8_000, 32_000], tags: ['rain', 'waterproof', 'outdoor', 'commuting', 'packable'],
    uses: ['rainy commutes', 'hiking in the rain', 'travel', 'windy coastal walks'],
    features: ['taped seams', 'an adjustable hood', 'pit zips', 'a stuff pocket'],
  },
  {
    path: ['Clothing', 'Jackets', 'Insulated jackets'], productType: 'Insulated jackets', nouns: ['down jacket', 'puffer jacket', 'parka', 'insulated vest'],
    adjectives: ['warm', 'packable', 'lightweight', 'hooded', 'quilted'], materials: ['goose down', 'recycled down', 'synthetic insulation'],
    sizes: CLOTHING_SIZES, colours: true, price: [12_000, 45_000], tags: ['winter', 'warm', 'down', 'cold weather'],
    uses: ['winter city days', 'ski trips', 'cold mornings', 'camping in autumn'],
    features: ['baffled quilting', 'a water-repellent finish', 'zipped hand pockets', 'an insulated hood'],
  },
  {
    path: ['Clothing', 'Tops', 'T-shirts'], productType: 'T-shirts', nouns: ['t-shirt', 'tee', 'long-sleeve tee', 'tank top'],
    adjectives: ['soft', 'organic', 'relaxed-fit', 'quick-dry', 'classic'], materials: ['organic cotton', 'merino wool', 'linen', 'bamboo jersey'],
    sizes: CLOTHING_SIZES, colours: true, price: [1_900, 6_500], tags: ['basics', 'organic', 'summer', 'everyday'],
    uses: ['hot summer days', 'layering', 'the gym', 'lounging'],
    features: ['flat seams', 'a crew neck', 'a tagless label', 'a relaxed fit'],
  },
  {
    path: ['Clothing', 'Accessories', 'Socks'], productType: 'Socks', nouns: ['hiking sock', 'running sock', 'crew sock', 'ankle sock'],
    adjectives: ['cushioned', 'warm', 'seamless', 'breathable', 'thin'], materials: ['merino wool', 'cotton blend', 'recycled nylon'],
    sizes: ['S', 'M', 'L'], colours: true, price: [900, 2_800], tags: ['socks', 'merino', 'hiking', 'running'],
    uses: ['long hikes', 'marathon training', 'everyday wear', 'cold nights'],
    features: ['a cushioned heel', 'a seamless toe', 'arch support', 'odour control'],
  },
  {
    path: ['Bags', 'Backpacks'], productType: 'Backpacks', nouns: ['backpack', 'daypack', 'rucksack', 'laptop backpack'],
    adjectives: ['water-resistant', 'roll-top', 'lightweight', 'padded', 'expandable'], materials: ['ripstop nylon', 'waxed canvas', 'cordura'],
    sizes: ['20 L', '30 L', '45 L'], colours: true, price: [4_500, 22_000], tags: ['travel', 'commuting', 'laptop', 'hiking'],
    uses: ['the daily commute', 'weekend trips', 'day hikes', 'carrying a 15-inch laptop'],
    features: ['a padded laptop sleeve', 'a ventilated back panel', 'hip-belt pockets', 'a hidden passport pocket'],
  },
  {
    path: ['Bags', 'Tote bags'], productType: 'Tote bags', nouns: ['tote bag', 'shopper', 'market bag', 'weekender'],
    adjectives: ['roomy', 'foldable', 'structured', 'everyday', 'reversible'], materials: ['canvas', 'vegetable-tanned leather', 'recycled cotton'],
    sizes: [], colours: true, price: [2_500, 18_000], tags: ['bags', 'gift', 'everyday', 'shopping'],
    uses: ['grocery runs', 'the beach', 'the office', 'weekend getaways'],
    features: ['an inner zip pocket', 'reinforced handles', 'a magnetic closure', 'a detachable strap'],
  },
  {
    path: ['Home', 'Kitchen', 'Mugs'], productType: 'Mugs', nouns: ['mug', 'coffee mug', 'travel mug', 'espresso cup'],
    adjectives: ['handmade', 'insulated', 'speckled', 'glazed', 'stackable'], materials: ['stoneware', 'porcelain', 'enamel', 'stainless steel'],
    sizes: ['250 ml', '350 ml', '450 ml'], colours: true, price: [1_200, 4_500], tags: ['kitchen', 'coffee', 'gift', 'tea'],
    uses: ['morning coffee', 'tea breaks', 'camping', 'the office desk'],
    features: ['a comfortable handle', 'a leak-proof lid', 'a dishwasher-safe glaze', 'double-wall insulation'],
  },
  {
    path: ['Outdoor', 'Hydration', 'Water bottles'], productType: 'Water bottles', nouns: ['water bottle', 'insulated bottle', 'flask', 'sports bottle'],
    adjectives: ['insulated', 'leak-proof', 'reusable', 'lightweight', 'collapsible'], materials: ['stainless steel', 'tritan', 'aluminium'],
    sizes: ['500 ml', '750 ml', '1 L'], colours: true, price: [1_500, 5_000], tags: ['hydration', 'outdoor', 'gym', 'plastic-free'],
    uses: ['the gym', 'long hikes', 'school', 'cycling'],
    features: ['keeps drinks cold for 24 hours', 'a carry loop', 'a wide mouth', 'a straw lid'],
  },
  {
    path: ['Outdoor', 'Camping', 'Tents'], productType: 'Tents', nouns: ['tent', 'backpacking tent', 'family tent', 'tarp shelter'],
    adjectives: ['ultralight', 'freestanding', 'four-season', 'quick-pitch', 'spacious'], materials: ['ripstop polyester', 'silnylon', 'cotton canvas'],
    sizes: ['1-person', '2-person', '3-person', '4-person'], colours: false, price: [9_000, 60_000], tags: ['camping', 'backpacking', 'festival', 'outdoor'],
    uses: ['wild camping', 'festivals', 'family holidays', 'thru-hikes'],
    features: ['two vestibules', 'aluminium poles', 'a bathtub floor', 'mesh ventilation panels'],
  },
  {
    path: ['Outdoor', 'Camping', 'Sleeping bags'], productType: 'Sleeping bags', nouns: ['sleeping bag', 'mummy bag', 'quilt', 'camping blanket'],
    adjectives: ['warm', 'compressible', 'three-season', 'lightweight', 'roomy'], materials: ['duck down', 'synthetic fill', 'recycled polyester'],
    sizes: ['Regular', 'Long'], colours: false, price: [6_000, 40_000], tags: ['camping', 'sleep', 'backpacking', 'winter'],
    uses: ['cold nights', 'summer camping', 'mountain huts', 'sleepovers'],
    features: ['a draft collar', 'a two-way zip', 'a stuff sack', 'a hood drawcord'],
  },
  {
    path: ['Accessories', 'Sunglasses'], productType: 'Sunglasses', nouns: ['sunglasses', 'sport sunglasses', 'aviators', 'wayfarers'],
    adjectives: ['polarized', 'lightweight', 'wraparound', 'classic', 'foldable'], materials: ['acetate', 'titanium', 'recycled plastic'],
    sizes: [], colours: true, price: [3_000, 22_000], tags: ['sun', 'summer', 'cycling', 'uv protection'],
    uses: ['cycling', 'beach days', 'driving', 'glacier hikes'],
    features: ['UV400 lenses', 'rubber nose pads', 'spring hinges', 'a hard case'],
  },
  {
    path: ['Electronics', 'Headphones'], productType: 'Headphones', nouns: ['wireless headphones', 'earbuds', 'over-ear headphones', 'sport earphones'],
    adjectives: ['noise-cancelling', 'wireless', 'sweat-proof', 'foldable', 'studio'], materials: ['aluminium', 'recycled plastic', 'memory foam'],
    sizes: [], colours: true, price: [3_500, 38_000], tags: ['audio', 'bluetooth', 'travel', 'gym'],
    uses: ['flights', 'running', 'the office', 'podcasts on the commute'],
    features: ['30 hours of battery', 'active noise cancelling', 'a charging case', 'multipoint bluetooth'],
  },
  {
    path: ['Sports', 'Yoga', 'Yoga mats'], productType: 'Yoga mats', nouns: ['yoga mat', 'travel mat', 'exercise mat', 'cork yoga block'],
    adjectives: ['non-slip', 'thick', 'eco-friendly', 'foldable', 'cushioned'], materials: ['natural rubber', 'cork', 'TPE'],
    sizes: ['4 mm', '6 mm'], colours: true, price: [2_000, 12_000], tags: ['yoga', 'fitness', 'pilates', 'eco'],
    uses: ['hot yoga', 'pilates', 'home workouts', 'travel'],
    features: ['alignment lines', 'a carry strap', 'a grippy surface', 'closed-cell foam'],
  },
];

export const BRANDS = [
  'Northpeak', 'Alder & Finch', 'Tidewater', 'Kestrel', 'Marlow', 'Blue Ridge Supply', 'Fjellvik', 'Copperline', 'Saltmarsh', 'Hollow Pine',
  'Ardent', 'Vantage', 'Lumen & Co', 'Wildhaus', 'Greyfield', 'Oakmoss', 'Summit Theory', 'Brightwater', 'Redfern', 'Caldera',
  'Nordlys', 'Mistral', 'Ironbark', 'Juniper Lane', 'Paloma', 'Stonecrop', 'Halcyon', 'Westwind', 'Ember & Oak', 'Quayside',
];

export const COLOURS = [
  'Black', 'White', 'Navy', 'Olive', 'Sand', 'Charcoal', 'Forest Green', 'Rust', 'Burgundy', 'Sky Blue',
  'Mustard', 'Grey', 'Cream', 'Coral', 'Teal', 'Brown',
];

export const MODEL_NAMES = [
  'Ridge', 'Summit', 'Drift', 'Tempo', 'Alto', 'Cascade', 'Ember', 'Nimbus', 'Fjord', 'Pulse', 'Terra', 'Vega', 'Harbor', 'Quill',
  'Sable', 'Zephyr', 'Atlas', 'Breeze', 'Cinder', 'Dune', 'Echo', 'Flint', 'Glacier', 'Haven', 'Iris', 'Juno', 'Koda', 'Lark',
  'Meridian', 'Nova', 'Orbit', 'Pinnacle', 'Quartz', 'Rover', 'Sierra', 'Tundra', 'Umber', 'Vale', 'Willow', 'Yukon',
];

export const PERSONAS = ['runner', 'hiker', 'coffee lover', 'commuter', 'new parent', 'student', 'camper', 'yogi', 'traveller', 'teenager'];

export const MISC_SENTENCES = [
  'Designed in our studio and tested by people who use it every day.',
  'Backed by a two-year warranty and free repairs for the first year.',
  'Made in a Fair Trade certified factory.',
  'Ships in plastic-free packaging.',
  'A customer favourite that keeps selling out.',
  'Pairs well with the rest of the collection.',
  'Care: wipe clean, or follow the instructions on the label.',
];
