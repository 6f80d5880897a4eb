/**
 * The product words the offline model knows: categories with their synonyms, colours, sizes and
 * genders. Category labels are generic; `resolveCategory` maps them onto a shop's own names.
 */

export interface CategoryGroup {
  /** The generic label passed as `category` when the shop's own category list is unknown. */
  label: string;
  /** Phrases that mean this category, singular and plural. Multi-word phrases are matched first. */
  phrases: string[];
}

export const CATEGORY_GROUPS: CategoryGroup[] = [
  {
    label: 'Trail shoes',
    phrases: ['trail running shoes', 'trail shoes', 'trail shoe', 'trail runners', 'trail sneakers'],
  },
  {
    label: 'Running shoes',
    phrases: ['running shoes', 'running shoe', 'running trainers', 'running sneakers', 'jogging shoes', 'runners'],
  },
  { label: 'Hiking boots', phrases: ['hiking boots', 'hiking boot', 'walking boots', 'trekking boots'] },
  { label: 'Sleeping bags', phrases: ['sleeping bags', 'sleeping bag'] },
  { label: 'Water bottles', phrases: ['water bottles', 'water bottle', 'bottles', 'bottle', 'flask', 'flasks'] },
  { label: 'Sneakers', phrases: ['sneakers', 'sneaker', 'trainers', 'trainer', 'kicks'] },
  { label: 'Boots', phrases: ['boots', 'boot'] },
  { label: 'Sandals', phrases: ['sandals', 'sandal', 'flip flops', 'flip-flops', 'slides'] },
  { label: 'Shoes', phrases: ['shoes', 'shoe', 'footwear'] },
  {
    label: 'Jackets',
    phrases: [
      'rain jacket',
      'jackets',
      'jacket',
      'coats',
      'coat',
      'parkas',
      'parka',
      'anorak',
      'windbreaker',
      'raincoat',
      'puffer',
      'fleece',
    ],
  },
  {
    label: 'Base layers',
    phrases: ['base layers', 'base layer', 'baselayer', 'thermals', 'thermal underwear', 'thermal top'],
  },
  { label: 'Hoodies & sweatshirts', phrases: ['hoodies', 'hoodie', 'hoody', 'sweatshirts', 'sweatshirt'] },
  {
    label: 'Knitwear',
    phrases: ['sweaters', 'sweater', 'jumpers', 'jumper', 'pullover', 'cardigans', 'cardigan', 'knitwear', 'knits'],
  },
  { label: 'T-shirts', phrases: ['t-shirts', 't-shirt', 'tshirts', 'tshirt', 't shirts', 't shirt', 'tees', 'tee'] },
  { label: 'Shirts', phrases: ['shirts', 'shirt', 'blouses', 'blouse', 'polo shirt', 'polos', 'polo'] },
  { label: 'Jeans', phrases: ['jeans', 'denim'] },
  { label: 'Trousers', phrases: ['trousers', 'pants', 'chinos', 'joggers', 'leggings', 'sweatpants'] },
  { label: 'Shorts', phrases: ['shorts'] },
  { label: 'Dresses', phrases: ['dresses', 'dress', 'skirts', 'skirt'] },
  { label: 'Backpacks', phrases: ['backpacks', 'backpack', 'rucksacks', 'rucksack', 'daypack', 'daypacks'] },
  { label: 'Bags', phrases: ['bags', 'bag', 'tote', 'totes', 'handbag', 'duffel', 'duffle'] },
  { label: 'Hats', phrases: ['hats', 'hat', 'beanies', 'beanie', 'caps', 'cap', 'bucket hat'] },
  { label: 'Socks', phrases: ['socks', 'sock'] },
  { label: 'Gloves', phrases: ['gloves', 'glove', 'mittens'] },
  { label: 'Scarves', phrases: ['scarves', 'scarf'] },
  { label: 'Sunglasses', phrases: ['sunglasses', 'shades', 'sunnies'] },
  { label: 'Tents', phrases: ['tents', 'tent'] },
  { label: 'Mugs', phrases: ['mugs', 'mug', 'cups', 'cup', 'tumbler'] },
  { label: 'Blankets', phrases: ['blankets', 'blanket', 'throws', 'throw'] },
  { label: 'Candles', phrases: ['candles', 'candle'] },
  { label: 'Chairs', phrases: ['chairs', 'chair', 'stools', 'stool', 'armchair'] },
  {
    label: 'Jewelry',
    phrases: ['jewelry', 'jewellery', 'necklace', 'necklaces', 'ring', 'rings', 'earrings', 'bracelet', 'bracelets'],
  },
  { label: 'Watches', phrases: ['watches', 'watch'] },
  { label: 'Wallets', phrases: ['wallets', 'wallet'] },
  { label: 'Belts', phrases: ['belts', 'belt'] },
];

/** Every category phrase, longest first, so "sleeping bag" wins over "bag". */
export const CATEGORY_PHRASES: { phrase: string; group: CategoryGroup }[] = CATEGORY_GROUPS.flatMap((group) =>
  group.phrases.map((phrase) => ({ phrase, group })),
).sort((a, b) => b.phrase.length - a.phrase.length);

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/s$/, '');

/**
 * The shop's own name for a category group, when the shop's category list is known (the labels
 * above follow the demo shop otherwise); undefined when the shop has no such category, in which
 * case the words simply stay in the query. "Hoodies & sweatshirts" matches on either part.
 */
export function resolveCategory(group: CategoryGroup, shopCategories?: readonly string[]): string | undefined {
  if (!shopCategories) return group.label;
  const wanted = new Set([group.label, ...group.phrases].map(squash));
  const parts = (c: string) => [c, ...c.split(/\s*(?:&|,|\/|\band\b)\s*/)];
  return shopCategories.find((c) => parts(c).some((p) => wanted.has(squash(p))));
}

/** Specific shades first, so "navy blue" reads as navy. */
export const COLOURS = [
  'navy',
  'charcoal',
  'olive',
  'burgundy',
  'teal',
  'khaki',
  'ivory',
  'cream',
  'beige',
  'tan',
  'silver',
  'gold',
  'black',
  'white',
  'grey',
  'gray',
  'red',
  'blue',
  'green',
  'yellow',
  'orange',
  'pink',
  'purple',
  'brown',
];

/** Letter sizes and the words people use for them. */
export const LETTER_SIZES: Record<string, string> = {
  xxs: 'XXS',
  xs: 'XS',
  s: 'S',
  m: 'M',
  l: 'L',
  xl: 'XL',
  xxl: 'XXL',
  '2xl': 'XXL',
  xxxl: 'XXXL',
  '3xl': 'XXXL',
  small: 'S',
  medium: 'M',
  large: 'L',
  'extra small': 'XS',
  'extra large': 'XL',
  'x-large': 'XL',
  'x-small': 'XS',
};

/** Letter size → the long forms a catalog may use instead. */
export const SIZE_ALIASES: Record<string, string[]> = {
  XS: ['extra small', 'x-small'],
  S: ['small'],
  M: ['medium'],
  L: ['large'],
  XL: ['extra large', 'x-large'],
  XXL: ['2xl'],
  XXXL: ['3xl'],
};

export type Gender = 'men' | 'women' | 'unisex' | 'kids';

export const GENDER_PHRASES: { phrase: string; gender: Gender }[] = [
  { phrase: 'for men', gender: 'men' },
  { phrase: "men's", gender: 'men' },
  { phrase: 'mens', gender: 'men' },
  { phrase: 'for women', gender: 'women' },
  { phrase: "women's", gender: 'women' },
  { phrase: 'womens', gender: 'women' },
  { phrase: 'for ladies', gender: 'women' },
  { phrase: "ladies'", gender: 'women' },
  { phrase: 'ladies', gender: 'women' },
  { phrase: 'for kids', gender: 'kids' },
  { phrase: "kids'", gender: 'kids' },
  { phrase: 'kids', gender: 'kids' },
  { phrase: 'for children', gender: 'kids' },
  { phrase: "children's", gender: 'kids' },
  { phrase: 'for boys', gender: 'kids' },
  { phrase: 'for girls', gender: 'kids' },
  { phrase: 'unisex', gender: 'unisex' },
];

/** Material and feature words: on their own they still say "this is about products". */
export const PRODUCT_WORDS = [
  'waterproof',
  'leather',
  'wool',
  'merino',
  'cotton',
  'linen',
  'organic',
  'vegan',
  'recycled',
  'insulated',
  'lightweight',
  'breathable',
  'ceramic',
  'gift',
  'gifts',
  'present',
  'outfit',
  'gear',
  'clothes',
  'clothing',
  // Activities and seasons: "something for camping" is a product request.
  'camping',
  'hiking',
  'running',
  'trail',
  'winter',
  'summer',
  'rain',
  'travel',
  'yoga',
  'gym',
  'outdoor',
  'outdoors',
  'beach',
  'skiing',
  'cycling',
  'walking',
  'climbing',
  'kitchen',
  'garden',
];
