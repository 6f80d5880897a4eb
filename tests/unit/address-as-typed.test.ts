import { describe, expect, it } from 'vitest';
import { asTyped } from '../../src/agent/models/offline/address-text.js';

describe('an address keeps the spelling the shopper typed', () => {
  it('gives back the letters folding changed (teh marbuta, yeh, hamza) and the case the gloss lowered', () => {
    const typed = 'أريد تغيير العنوان إلى 5 شارع النيل، 11511 القاهرة، مصر';
    const read = { line1: '5 شارع النیل', city: 'القاهره', postalCode: '11511', country: 'EG' };
    expect(asTyped(read, typed)).toEqual({
      line1: '5 شارع النيل',
      city: 'القاهرة',
      postalCode: '11511',
      country: 'EG',
    });
    const latin = asTyped(
      { line1: '12 main street', city: 'utrecht', country: 'NL' },
      'به 12 Main Street, Utrecht، هلند',
    );
    expect(latin).toMatchObject({ line1: '12 Main Street', city: 'Utrecht' });
  });

  it('leaves a part it cannot find in the typed text as read', () => {
    expect(asTyped({ line1: 'x street 1', city: 'y', country: 'DE' }, 'nothing alike')).toMatchObject({
      line1: 'x street 1',
      city: 'y',
    });
  });
});
