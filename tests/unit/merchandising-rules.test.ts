import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createMerchandising,
  createQueryExpander,
  loadMerchandisingRules,
  NO_RULES,
} from '../../src/merchandising/merchandising-rules.js';

const demoCatalog = path.resolve(import.meta.dirname, '../../catalog');

describe('merchandising rules (catalog/merchandising.json)', () => {
  const expand = createQueryExpander(loadMerchandisingRules(demoCatalog));

  it("expands the demo shop's vague queries with what an activity implies", () => {
    expect(expand('something to sit on')).toMatch(/chair.*sofa/);
    expect(expand('I need to stay dry')).toMatch(/waterproof/);
    expect(expand('make my living room smell nice')).toMatch(/candle/);
  });

  it('matches whole words and phrases only, and leaves other queries alone', () => {
    expect(expand('merino socks size M')).toBe('merino socks size M');
    expect(expand('a dry bag')).toBe('a dry bag');
    expect(expand('visit the shop')).toBe('visit the shop');
  });

  it('means no expansions when a shop has no file, and a clear error for a bad one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'merch-'));
    expect(loadMerchandisingRules(dir)).toEqual(NO_RULES);
    writeFileSync(path.join(dir, 'merchandising.json'), '{"queryExpansions":[{"when":[],"add":["x"]}]}');
    expect(() => loadMerchandisingRules(dir)).toThrow(/queryExpansions\.0\.when/);
    writeFileSync(path.join(dir, 'merchandising.json'), '{not json');
    expect(() => loadMerchandisingRules(dir)).toThrow(/not valid JSON/);
  });
});

describe('complements and gender tags (catalog/merchandising.json)', () => {
  const demo = createMerchandising(loadMerchandisingRules(demoCatalog));

  it('suggests what goes with a purchase by any level of its category path, and nothing for others', () => {
    expect(demo.complementsOf(['Shoes', 'Running shoes'])).toContain('running socks');
    expect(demo.complementsOf(['Nothing', 'Here'])).toEqual([]);
    expect(createMerchandising(NO_RULES).complementsOf(['Shoes', 'Running shoes'])).toEqual([]);
  });

  it('lets a gender filter accept the tags the shop lists, or the tag of its own name', () => {
    expect(demo.tagsForGender('women')).toContain('women');
    expect(createMerchandising(NO_RULES).tagsForGender('kids')).toEqual(['kids']);
    const dir = mkdtempSync(path.join(tmpdir(), 'merch-'));
    writeFileSync(path.join(dir, 'merchandising.json'), '{"genderTags":{"everyone":["x"]}}');
    expect(() => loadMerchandisingRules(dir)).toThrow(/genderTags/);
  });
});
