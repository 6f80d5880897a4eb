import { describe, expect, it } from 'vitest';
import { loadLanguagePack } from '../../src/agent/models/offline/language-pack.js';
import { optionByExtreme } from '../../src/agent/models/offline/option-extreme.js';

const lx = loadLanguagePack('en').lexicon;

describe('an option chosen by a comparison', () => {
  it('takes the highest or lowest value of the option the comparison names, by number or by scale', () => {
    const table = { Storage: ['8GB', '32GB'], Brightness: ['medium', 'low'], Capacity: ['1 liter', '1.5 liters'] };
    expect(optionByExtreme("I'll go with the one with more storage", table, lx)).toEqual({ Storage: '32GB' });
    expect(optionByExtreme('the brighter one of those', table, lx)).toEqual({ Brightness: 'medium' });
    expect(optionByExtreme('the bigger one', table, lx)).toEqual({ Capacity: '1.5 liters' });
    expect(optionByExtreme('less storage is fine', table, lx)).toEqual({ Storage: '8GB' });
  });

  it('chooses nothing when no option is compared, or its values stand in no order', () => {
    expect(optionByExtreme('the blue one', { Color: ['blue', 'red'] }, lx)).toEqual({});
    expect(optionByExtreme('the brighter one', { Brightness: ['warm', 'cool'] }, lx)).toEqual({});
    expect(optionByExtreme('more storage', { Storage: ['32GB'] }, lx)).toEqual({});
  });
});
