/** Closing lines shared by several categories: fit, returns and care notes that match the shop's policies. */
export const SHOE_CLOSERS = [
  'Fits true to size. If you are between sizes, go half a size up; our size guide has EU, UK and US conversions.',
  'Not sure about the fit? Returns are free within the EU for 30 days, as long as the pair has not been worn outdoors.',
  'Runs slightly narrow in the forefoot, so wider feet may prefer one size up.',
  'Regular fit with a roomy toe box. Check the size guide for a conversion table before you order.',
];

export const APPAREL_CLOSERS = [
  'True to size with room for a layer underneath. See the size guide for chest and waist measurements.',
  'Model is 1.82 m tall and wears size M; the size guide has full measurements for every size.',
  'Free returns within 30 days in the EU if the fit is not quite right, as long as the tags are still attached.',
  'Cut with a regular fit; size down if you prefer it closer to the body.',
];

export const GEAR_CLOSERS = [
  'Covered by our two-year warranty, with repairs offered before replacement wherever possible.',
  'Ships in plastic-free packaging from our warehouse in Utrecht, usually within one working day.',
  'Tested by our own team on weekend trips before it made it into the shop.',
  'Free shipping on orders over €75 within the EU, and 30 days to change your mind.',
];

export const HOME_CLOSERS = [
  'Wrapped in recycled paper, so it makes an easy gift. Add a gift note at checkout.',
  'Made in small batches, so slight variations in colour and finish are part of the charm.',
  'Ships in plastic-free packaging from our warehouse in Utrecht, usually within one working day.',
  'A lovely gift for a housewarming or birthday, and free to return within 30 days if unused.',
];
