import type { CategorySpec } from './spec.js';
import { SHOE_CLOSERS } from './shared-phrases.js';

export const SNEAKERS: CategorySpec = {
  code: 'SNK',
  path: ['Shoes', 'Sneakers'],
  productType: 'Sneakers',
  brands: ['Velora', 'Marlow & Finch', 'Alder & Pine'],
  modelWords: [['Canal', 'Linden', 'Harbour', 'Dune', 'Plaza', 'Mosaic', 'Atelier', 'Quay', 'Arcade', 'Tram', 'Loft', 'Parc', 'Rivet', 'Morrow', 'Selby', 'Juno', 'Orla', 'Bram']],
  uses: [
    'Pairs as easily with chinos and a blazer as with jeans and a hoodie.',
    'Made for city days on foot, from the morning commute to drinks after work.',
    'An everyday shoe that works for the office, the weekend and travel days.',
  ],
  closers: SHOE_CLOSERS,
  styles: [
    {
      label: 'Court sneaker', suffixes: ['Leather Sneaker', 'Court Sneaker'], count: 8, genders: ['men', 'women', 'unisex', 'women'],
      price: [89, 139], materials: ['smooth leather', 'full-grain leather', 'recycled leather', 'apple-based vegan leather'],
      colors: ['White', 'Black', 'Cream', 'Navy', 'Forest Green', 'Tan'], options: { kind: 'shoe' }, seasons: ['All season'],
      vegan: 0.9, weight: [380, 450, 'g'],
      attrs: () => ({ sole: 'Stitched rubber cupsole', lining: 'Leather-free microfibre' }),
      tags: ['sneakers', 'minimalist'],
      intros: [
        'The {name} is a clean, minimalist court sneaker in {material}, made in a family-run factory in Portugal.',
        'Timeless lines and a stitched cupsole: the {name} is the sneaker you will reach for every morning.',
        '{brand} kept the {name} deliberately simple, with tonal laces and a slim rubber sole.',
      ],
      features: [
        'Upper in {material} that softens with wear', 'Stitched rubber cupsole that can be resoled',
        'Removable, cushioned footbed', 'Waxed cotton laces', 'Subtle embossed logo on the heel',
      ],
    },
    {
      label: 'Canvas sneaker', suffixes: ['Canvas Sneaker', 'Low-top Canvas Sneaker', 'High-top Canvas Sneaker'], count: 6,
      genders: ['unisex'], price: [49, 79], materials: ['organic cotton canvas', 'recycled canvas'],
      colors: ['White', 'Black', 'Navy', 'Olive', 'Cream', 'Red', 'Mustard'], options: { kind: 'shoe' },
      seasons: ['Spring/Summer'], vegan: 0.9, weight: [300, 360, 'g'],
      attrs: () => ({ sole: 'Vulcanised natural rubber' }),
      tags: ['sneakers', 'canvas'],
      intros: [
        'The {name} is a classic canvas sneaker made from {material} on a vulcanised natural rubber sole.',
        'Light, breezy and easy to wear, the {name} is the shoe for long summer days in town.',
        'Our take on the timeless canvas plimsoll, the {name} from {brand} softens beautifully with wear.',
      ],
      features: [
        'Upper in {material}', 'Vulcanised natural rubber sole', 'Metal eyelets and cotton laces',
        'Cushioned insole made with recycled foam', 'Machine washable at 30 °C',
      ],
    },
    {
      label: 'Slip-on', suffixes: ['Knit Slip-on'], count: 4, genders: ['men', 'women'], price: [69, 99],
      materials: ['recycled knit', 'merino wool knit'], colors: ['Black', 'Grey', 'Navy', 'Sand', 'Sage'],
      options: { kind: 'shoe' }, seasons: ['All season'], vegan: 0.8, weight: [220, 280, 'g'],
      tags: ['sneakers', 'travel'],
      intros: [
        'The {name} slips on in a second and feels like a sock with a sole, thanks to its {material} upper.',
        'Made for travel days and busy mornings, the {name} packs flat and weighs next to nothing.',
        'Soft {material}, a cushioned footbed and no laces: the {name} is comfort made simple.',
      ],
      features: [
        'Stretchy upper in {material}', 'Pull tab at the heel', 'Featherweight foam sole', 'Machine washable at 30 °C', 'About {weight} per shoe',
      ],
    },
  ],
};

export const BOOTS: CategorySpec = {
  code: 'BOT',
  path: ['Shoes', 'Boots'],
  productType: 'Boots',
  brands: ['Oakhaven', 'Fjellmark', 'Marlow & Finch', 'Northwind Outfitters'],
  modelWords: [
    ['Ash', 'Birch', 'Larch', 'Elm', 'Hazel', 'Rowan', 'Juniper', 'Aspen', 'Cedar', 'Holm', 'Thorn', 'Yew', 'Linden', 'Briar', 'Sorrel'],
    ['', '', 'Peak', 'Field', 'Moor', 'Crest'],
  ],
  uses: [
    'Comfortable from the first wear and made to last for many seasons.',
    'Built for wet pavements, muddy paths and long days on your feet.',
    'A boot for autumn walks, winter mornings and everything in between.',
    'Handmade using traditional construction, so it can be resoled again and again.',
  ],
  closers: SHOE_CLOSERS,
  styles: [
    {
      label: 'Hiking boot', suffixes: ['Hiking Boot', 'Trekking Boot'], count: 8, paired: true, genders: ['men', 'women'],
      brands: ['Fjellmark', 'Northwind Outfitters', 'Oakhaven'], price: [119, 229],
      materials: ['nubuck leather', 'full-grain leather', 'synthetic suede and mesh'], colors: ['Brown', 'Grey', 'Olive', 'Black', 'Tan', 'Slate'],
      options: { kind: 'shoe' }, seasons: ['All season'], waterproof: 0.8, waterproofMark: ' WP', vegan: 0.5, weight: [520, 680, 'g'],
      attrs: (r, ctx) => ({
        cut: r.pick(['Mid', 'High']), sole: 'Lugged rubber outsole',
        ...(ctx.waterproof ? { membrane: 'Waterproof, breathable membrane' } : {}),
      }),
      tags: ['hiking', 'boots'],
      intros: [
        'The {name} is a supportive {cut}-cut hiking boot in {material}, made for multi-day treks and rough trails.',
        'Sturdy yet surprisingly light, the {name} from {brand} keeps your ankles stable on rocky, uneven ground.',
        'For long days with a loaded pack, the {name} gives you grip, support and protection without heavy weight.',
      ],
      features: [
        'Upper in {material} with a protective rubber rand', 'Deep-lugged rubber outsole with a heel brake',
        'Nylon shank for stability under a heavy pack', 'Padded collar and gusseted tongue that keeps grit out',
        'About {weight} per boot in EU 42', 'Speed hooks for quick lacing with gloves on',
      ],
    },
    {
      label: 'Chelsea boot', suffixes: ['Chelsea Boot'], count: 8, genders: ['women', 'men', 'women', 'unisex'],
      brands: ['Marlow & Finch', 'Oakhaven'], price: [119, 199], materials: ['smooth leather', 'suede', 'waxed leather', 'vegan leather'],
      colors: ['Black', 'Dark Brown', 'Cognac', 'Taupe', 'Sand'], colorCount: [2, 3], options: { kind: 'shoe' },
      seasons: ['Autumn/Winter'], waterproof: 0.2, waterproofMark: ' WP', vegan: 0.9, weight: [420, 520, 'g'],
      attrs: (r) => ({ heel: r.pick(['2.5 cm', '3 cm', '4 cm']), sole: r.pick(['Lugged rubber sole', 'Goodyear-welted rubber sole']) }),
      tags: ['chelsea', 'boots', 'city'],
      intros: [
        'The {name} is a classic chelsea boot in {material} with elastic side panels and a pull tab for easy on and off.',
        'Sleek enough for the office and tough enough for wet cobbles, the {name} from {brand} is the boot of the season.',
        'A wardrobe staple, the {name} pairs soft {material} with a {heel} heel and a grippy sole.',
      ],
      features: [
        'Upper in {material}', 'Elastic side gussets and heel pull tab', '{sole}', '{heel} stacked heel',
        'Cushioned leather-free footbed', 'Hand-finished in Portugal',
      ],
    },
    {
      label: 'Winter boot', suffixes: ['Winter Boot', 'Snow Boot'], count: 6, genders: ['men', 'women', 'kids'],
      brands: ['Northwind Outfitters', 'Fjellmark'], price: [99, 179], materials: ['waterproof nylon and suede', 'waterproof leather', 'recycled nylon'],
      colors: ['Black', 'Brown', 'Grey', 'Navy', 'Olive'], options: { kind: 'shoe' }, seasons: ['Winter'], waterproof: 1, vegan: 0.5,
      weight: [550, 720, 'g'],
      attrs: (r) => ({ insulation: r.pick(['Synthetic fill', 'Wool felt']), comfortRating: r.pick(['-20 °C', '-25 °C', '-30 °C']) }),
      tags: ['winter', 'boots', 'snow'],
      intros: [
        'The {name} is a warm, waterproof winter boot rated to {comfortRating}, with {insulation} insulation that keeps toes cosy.',
        'Snow, slush or icy pavements: the {name} from {brand} keeps your feet warm and dry all winter long.',
        'Built for northern winters, the {name} combines a seam-sealed waterproof shell with a soft {insulation} lining.',
      ],
      features: [
        'Insulation: {insulation}, rated to {comfortRating}', 'Seam-sealed waterproof construction', 'Cold-weather rubber outsole that stays grippy on ice',
        'Removable felt liner that dries overnight', 'Upper in {material}',
      ],
    },
    {
      label: 'Lace-up boot', suffixes: ['Lace-up Boot', 'Work Boot'], count: 4, genders: ['men', 'women', 'unisex', 'men'],
      brands: ['Oakhaven'], price: [149, 219], materials: ['full-grain leather', 'oiled leather'], colors: ['Brown', 'Black', 'Cognac', 'Dark Brown'],
      options: { kind: 'shoe' }, seasons: ['Autumn/Winter'], waterproof: 0.3, waterproofMark: ' WP', vegan: 0, weight: [600, 750, 'g'],
      attrs: () => ({ construction: 'Goodyear welted', sole: 'Commando-style rubber sole' }),
      tags: ['boots', 'heritage'],
      intros: [
        'The {name} is a Goodyear-welted lace-up boot in {material} that will look better every year you wear it.',
        'Heritage styling meets everyday comfort in the {name}, hand-built by {brand} in a small workshop in northern Portugal.',
        'Made to be resoled, not replaced: the {name} is a boot for the next ten winters.',
      ],
      features: [
        'Upper in {material} that develops a rich patina', 'Goodyear-welted construction', 'Chunky rubber sole with deep tread',
        'Leather lining and cork footbed that moulds to your foot', 'Brass speed hooks',
      ],
    },
  ],
};

export const SANDALS: CategorySpec = {
  code: 'SND',
  path: ['Shoes', 'Sandals'],
  productType: 'Sandals',
  brands: ['Fjellmark', 'Velora'],
  modelWords: [['Lagoon', 'Cove', 'Delta', 'Shoal', 'Marsh', 'Tide', 'Brook', 'Reef', 'Islet']],
  uses: [
    'Made for river crossings, beach days and hot city weekends.',
    'Perfect for summer holidays, campsites and lazy days by the lake.',
    'Just as happy on a gravel track as on a boardwalk.',
  ],
  closers: SHOE_CLOSERS,
  styles: [
    {
      label: 'Hiking sandal', suffixes: ['Hiking Sandal', 'Sport Sandal'], count: 5, genders: ['men', 'women', 'unisex', 'women', 'men'],
      price: [49, 89], materials: ['recycled polyester webbing'], colors: ['Black', 'Olive', 'Navy', 'Rust', 'Sand'], options: { kind: 'shoe' },
      seasons: ['Summer'], vegan: 0.9, weight: [250, 320, 'g'],
      attrs: () => ({ closure: 'Adjustable hook-and-loop straps' }),
      tags: ['sandals', 'summer', 'hiking'],
      intros: [
        'The {name} is a rugged sport sandal with quick-drying straps of {material} and a grippy lugged sole.',
        'Adjustable, secure and ready for water, the {name} from {brand} is the sandal for active summer days.',
        'Whether you are wading across a stream or exploring a new city, the {name} keeps you comfortable.',
      ],
      features: [
        'Straps in {material} that dry in minutes', 'Three adjustable hook-and-loop straps', 'Contoured EVA footbed',
        'Lugged rubber outsole with good wet grip', 'Treated against odour',
      ],
    },
    {
      label: 'Slide', suffixes: ['Slide'], count: 3, genders: ['unisex'], price: [29, 45], materials: ['recycled EVA foam', 'natural cork and rubber'],
      colors: ['Black', 'Sand', 'Sage', 'Terracotta'], options: { kind: 'shoe' }, seasons: ['Summer'], vegan: 0.9, weight: [180, 240, 'g'],
      tags: ['sandals', 'summer'],
      intros: [
        'The {name} is a soft, one-piece slide made from {material}: ideal for after a run, at the pool or around the house.',
        'Slip them on after a long day: the {name} cradles tired feet with a contoured footbed.',
        'Simple, light and waterproof, the {name} from {brand} goes everywhere in summer.',
      ],
      features: ['Made from {material}', 'Contoured, textured footbed', 'Waterproof and easy to rinse clean', 'Only about {weight} per slide'],
    },
  ],
};
