import type { CategorySpec } from './spec.js';
import { BACKPACKS, TOTES, TRAVEL_BAGS } from './templates-bags.js';
import { GLOVES_SCARVES, HATS, SOCKS, SUNGLASSES } from './templates-accessories.js';
import { BOTTLES, CAMP_KITCHEN, LIGHTS } from './templates-camp-kitchen.js';
import { CAMP_FURNITURE } from './templates-camp-gear.js';
import { SLEEPING_BAGS, TENTS } from './templates-camping.js';
import { COFFEE_TEA, CUSHIONS_SEATING } from './templates-coffee-seating.js';
import { BOOTS, SANDALS, SNEAKERS } from './templates-footwear.js';
import { BLANKETS, CANDLES, MUGS } from './templates-home.js';
import { JACKETS } from './templates-jackets.js';
import { BASE_LAYERS, KNITWEAR } from './templates-layers.js';
import { RUNNING_SHOES, TRAIL_SHOES } from './templates-running.js';
import { HOODIES, T_SHIRTS } from './templates-tops.js';
import { DRESSES, TROUSERS } from './templates-trousers-dresses.js';

/** Every category of the demo shop, in the order products are written. */
export const CATEGORY_SPECS: readonly CategorySpec[] = [
  RUNNING_SHOES,
  TRAIL_SHOES,
  SNEAKERS,
  BOOTS,
  SANDALS,
  JACKETS,
  HOODIES,
  T_SHIRTS,
  TROUSERS,
  DRESSES,
  KNITWEAR,
  BASE_LAYERS,
  BACKPACKS,
  TRAVEL_BAGS,
  TOTES,
  HATS,
  SOCKS,
  SUNGLASSES,
  GLOVES_SCARVES,
  TENTS,
  SLEEPING_BAGS,
  CAMP_FURNITURE,
  CAMP_KITCHEN,
  LIGHTS,
  BOTTLES,
  MUGS,
  BLANKETS,
  CANDLES,
  CUSHIONS_SEATING,
  COFFEE_TEA,
];
