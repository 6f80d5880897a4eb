import type { CategorySpec } from './spec.js';
import { APPAREL_CLOSERS } from './shared-phrases.js';

export const TROUSERS: CategorySpec = {
  code: 'TRS',
  path: ['Clothing', 'Trousers'],
  productType: 'Trousers',
  brands: ['Fjellmark', 'Alder & Pine', 'Ridgeback', 'Kestrel Run'],
  modelWords: [['Scree', 'Tarn', 'Bothy', 'Coll', 'Glen', 'Beck', 'Ghyll', 'Howe', 'Knoll', 'Dale', 'Pike', 'Combe', 'Brow', 'Tor', 'Fold', 'Shiel', 'Carr', 'Nab', 'Raise']],
  uses: [
    'Made for long days on the trail, travel and everyday wear.',
    'Comfortable enough for a full day of walking, smart enough for the pub afterwards.',
    'Tested on muddy Dutch dunes and rocky Alpine paths alike.',
  ],
  closers: APPAREL_CLOSERS,
  styles: [
    {
      label: 'Hiking trousers', suffixes: ['Hiking Trousers', 'Trekking Pants', 'Convertible Trousers'], count: 8,
      genders: ['men', 'women', 'men', 'women', 'unisex', 'women', 'men', 'women'], brands: ['Fjellmark', 'Ridgeback'], price: [69, 129],
      materials: ['stretch recycled nylon', 'organic cotton-nylon blend', 'recycled polyester softshell'],
      colors: ['Black', 'Olive', 'Charcoal', 'Sand', 'Navy', 'Khaki'], options: { kind: 'apparel' }, seasons: ['All season'], waterproof: 0,
      weight: [320, 480, 'g'],
      attrs: (r) => ({ fit: r.pick(['Regular', 'Slim', 'Relaxed']), waterRepellent: 'yes', upf: '50+' }),
      tags: ['hiking', 'trousers'],
      intros: [
        'The {product} are stretchy, hard-wearing hiking trousers in {material} with a water-repellent finish.',
        'Built for movement, the {product} from {brand} flex with every step, scramble and stile.',
        'Light, quick-drying and tough where it matters, the {product} are our most-worn trail trousers.',
      ],
      features: ['{material} with four-way stretch', 'PFC-free water-repellent finish', 'Articulated knees and gusseted crotch',
        'Five pockets including a zipped thigh pocket', 'UPF 50+ sun protection', 'Adjustable hem'],
    },
    {
      label: 'Rain trousers', suffixes: ['Rain Trousers', 'Waterproof Overtrousers'], count: 4, genders: ['men', 'women', 'unisex', 'kids'],
      brands: ['Fjellmark', 'Ridgeback'], price: [59, 119], materials: ['2.5-layer recycled nylon', '3-layer recycled polyester'],
      colors: ['Black', 'Navy', 'Olive'], options: { kind: 'apparel' }, seasons: ['All season'], waterproof: 1, weight: [220, 340, 'g'],
      attrs: () => ({ waterColumn: '20,000 mm', fit: 'Regular' }),
      tags: ['rain', 'hiking', 'trousers'],
      intros: [
        'The {product} are fully waterproof overtrousers in {material} with taped seams and full-length side zips.',
        'Pull the {product} from {brand} over your trousers or tights when the weather turns, without taking your boots off.',
        'Packable, breathable and properly waterproof, the {product} are essential kit for wet-weather hiking and cycling.',
      ],
      features: ['Waterproof {material}, {waterColumn} water column', 'Fully taped seams', 'Full-length side zips', 'Elasticated waist with drawcord', 'Packs into its own pocket'],
    },
    {
      label: 'Chinos', suffixes: ['Chinos', 'Relaxed Chinos'], count: 4, genders: ['men', 'women', 'men', 'women'], brands: ['Alder & Pine'],
      price: [59, 89], materials: ['organic cotton twill', 'stretch organic cotton'], colors: ['Sand', 'Navy', 'Olive', 'Stone', 'Black'],
      options: { kind: 'apparel' }, seasons: ['All season'], weight: [420, 520, 'g'],
      attrs: (r) => ({ fit: r.pick(['Regular', 'Slim', 'Relaxed']) }),
      tags: ['chinos', 'casual'],
      intros: [
        'The {product} are garment-dyed chinos in {material}, broken in from the very first wear.',
        'Smart enough for the office, easy enough for the weekend: the {product} from {brand} do both.',
        'A modern {fit} fit and soft {material} make the {product} an everyday favourite.',
      ],
      features: ['{material}', 'Garment-dyed for a soft, lived-in feel', 'Button fly and corozo buttons', 'Deep front pockets'],
    },
    {
      label: 'Running tights', suffixes: ['Running Tights', 'Winter Running Tights'], count: 3, genders: ['women', 'men', 'women'],
      brands: ['Kestrel Run'], price: [39, 69], materials: ['recycled polyamide-elastane', 'brushed thermal stretch fabric'],
      colors: ['Black', 'Navy', 'Charcoal'], options: { kind: 'apparel' }, seasons: ['Autumn/Winter'], weight: [160, 220, 'g'],
      attrs: () => ({ fit: 'Compression' }),
      tags: ['running', 'tights'],
      intros: [
        'The {product} are supportive running tights in {material} with a high, stay-put waistband.',
        'No bouncing, no chafing, no slipping: the {product} from {brand} let you focus on the run.',
        'Made for cold morning miles, the {product} combine {material} with reflective details for visibility.',
      ],
      features: ['{material} with four-way stretch', 'Phone pocket at the back of the waistband', 'Reflective ankle details', 'Flatlock seams'],
    },
  ],
};

export const DRESSES: CategorySpec = {
  code: 'DRS',
  path: ['Clothing', 'Dresses'],
  productType: 'Dresses',
  brands: ['Velora', 'Alder & Pine'],
  modelWords: [['Marit', 'Ilse', 'Sofie', 'Wren', 'Elodie', 'Freya', 'Astrid', 'Liv', 'Noor', 'Clara', 'Mila', 'Juna']],
  uses: [
    'Dress it up with sandals for a summer dinner or down with sneakers for the weekend.',
    'Easy to pack and crease-resistant, so it is a travel favourite.',
    'Made for warm days in town, picnics in the park and holidays by the sea.',
  ],
  closers: APPAREL_CLOSERS,
  styles: [
    {
      label: 'Jersey dress', suffixes: ['Jersey Dress', 'T-shirt Dress'], count: 4, genders: ['women'], price: [49, 79],
      materials: ['organic cotton jersey', 'lyocell jersey'], colors: ['Black', 'Navy', 'Sage', 'Terracotta'], options: { kind: 'apparel' },
      seasons: ['All season'], weight: [220, 300, 'g'],
      attrs: (r) => ({ length: r.pick(['Midi', 'Knee-length']), fit: 'Relaxed' }),
      tags: ['dress', 'casual'],
      intros: [
        'The {product} is a {length} dress in soft {material} with a relaxed shape and handy side pockets.',
        'Throw-on-and-go comfort: the {product} from {brand} is the easiest thing in your wardrobe.',
        'Simple, flattering and made from {material}, the {product} works year-round with tights or bare legs.',
      ],
      features: ['{material}', 'Length: {length}', 'Side seam pockets', 'Relaxed fit with dropped shoulders'],
    },
    {
      label: 'Summer dress', suffixes: ['Linen Dress', 'Summer Dress', 'Wrap Dress'], count: 4, genders: ['women'], price: [69, 109],
      materials: ['washed European linen', 'linen-cotton blend'], colors: ['White', 'Sand', 'Sky Blue', 'Terracotta', 'Sage', 'Black'],
      options: { kind: 'apparel' }, seasons: ['Summer'], weight: [200, 280, 'g'],
      attrs: (r) => ({ length: r.pick(['Midi', 'Maxi', 'Knee-length']), fit: 'Relaxed' }),
      tags: ['dress', 'summer', 'linen'],
      intros: [
        'The {product} is a breezy {length} dress in {material}, made for the hottest days of the year.',
        'Cool, light and beautifully crumpled, the {product} from {brand} is summer in a dress.',
        'Cut from {material} that gets softer with every wash, the {product} has a tie waist and deep pockets.',
      ],
      features: ['{material}, grown and woven in Europe', 'Length: {length}', 'Adjustable tie waist', 'Side pockets', 'Stone-washed for softness'],
    },
    {
      label: 'Knit dress', suffixes: ['Knit Dress', 'Sweater Dress'], count: 3, genders: ['women'], price: [79, 119],
      materials: ['merino wool blend', 'recycled wool blend'], colors: ['Oatmeal', 'Charcoal', 'Burgundy', 'Forest Green'],
      options: { kind: 'apparel' }, seasons: ['Autumn/Winter'], weight: [420, 560, 'g'],
      attrs: () => ({ length: 'Midi', fit: 'Regular' }),
      tags: ['dress', 'knitwear', 'warm', 'winter'],
      intros: [
        'The {product} is a warm midi dress in {material}, made for cold days with tights and boots.',
        'Cosy as a jumper, smart as a dress: the {product} from {brand} is a winter essential.',
        'Ribbed, soft and warm, the {product} in {material} takes you from the office to dinner.',
      ],
      features: ['{material}', 'Midi length with side slits', 'Ribbed texture that holds its shape', 'Hand wash or wool cycle'],
    },
  ],
};
