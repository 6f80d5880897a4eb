import type { Gender } from './spec.js';

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** EU shoe sizes by fit. */
export const shoeSizes = (gender: Gender | null): string[] => {
  if (gender === 'men') return range(40, 46);
  if (gender === 'women') return range(36, 42);
  if (gender === 'kids') return range(28, 35);
  return range(38, 46);
};

/** Clothing sizes by fit; kids' sizes are body heights in cm, as EU shops label them. */
export const apparelSizes = (gender: Gender | null): string[] => {
  if (gender === 'men') return ['S', 'M', 'L', 'XL', 'XXL'];
  if (gender === 'women') return ['XS', 'S', 'M', 'L', 'XL'];
  if (gender === 'kids') return ['116', '128', '140', '152'];
  return ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
};
