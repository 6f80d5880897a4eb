import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_CHARS, parsePolicyMarkdown } from '../../src/ingest/importers/policy-markdown.js';
import { attachTranslations, translationOf } from '../../src/ingest/importers/policy-translations.js';
import { passagesOf } from '../../src/policies/policy-passages.js';
import { policyReader } from '../../src/policies/policy-reader.js';
import { translatedPassages } from '../../src/policies/translated-passages.js';

const file = (name: string, markdown: string) => ({
  file: name,
  parsed: parsePolicyMarkdown(markdown, { file: name }),
});

describe('policy translations', () => {
  it('takes a language folder directly inside policies/ for a translation', () => {
    expect(translationOf('shop/policies/fa/returns.md')).toEqual({ language: 'fa', slug: 'returns' });
    expect(translationOf('shop/policies/pt_BR/returns.md')).toEqual({ language: 'pt-br', slug: 'returns' });
    expect(translationOf('shop/policies/returns.md')).toBeNull();
    expect(translationOf('shop/policies/legal/terms.md')).toBeNull();
  });

  it('stops aligning at the first heading whose level differs, and says where', () => {
    const { policies, issues } = attachTranslations([
      file('p/policies/care.md', '# Care\n\nIntro.\n\n## Washing\n\nBy hand.\n\n## Drying\n\nFlat.\n'),
      file('p/policies/de/care.md', '# Pflege\n\nEinleitung.\n\n### Waschen\n\nVon Hand.\n\n## Trocknen\n\nLiegend.\n'),
    ]);
    expect(policies[0].doc.translations?.[0].chunks.map((c) => c.text)).toEqual(['Einleitung.']);
    expect(issues[0].message).toContain('heading 2 is "### Waschen" where the original has "## Washing"');
  });

  it('spreads a section that splits into more chunks over the original chunks of that section', () => {
    const long = (word: string) => Array.from({ length: 3 }, () => `${word} `.repeat(MAX_CHUNK_CHARS / 8)).join('\n\n');
    const { policies, issues } = attachTranslations([
      file('p/policies/size.md', '# Size\n\n## Table\n\nShort.\n\n## After\n\nEnd.\n'),
      file('p/policies/fa/size.md', `# اندازه\n\n## جدول\n\n${long('کوتاه')}\n\n## بعد\n\nپایان.\n`),
    ]);
    expect(issues).toEqual([]);
    const chunks = policies[0].doc.translations?.[0].chunks ?? [];
    expect(chunks.map((c) => [c.position, c.heading])).toEqual([
      [0, 'جدول'],
      [1, 'بعد'],
    ]);
    expect(chunks[0].text.split('\n\n').length).toBeGreaterThan(1);
  });

  it('quotes the passages of a translation that stand where the chosen ones stand in the original', () => {
    const reader = policyReader();
    const original = 'Can I return it? Yes, within 30 days.\n\n| Zone | Price | Free from |\n| EU | €5 | €75 |';
    const translated = 'می‌توانم پس بدهم؟ بله، تا ۳۰ روز.\n\n| منطقه | قیمت | رایگان از |\n| اروپا | €5 | €75 |';
    const [, yes, row] = passagesOf(original, reader);
    const quoted = translatedPassages(original, [yes, row], translated, reader).map((p) => p.text);
    expect(quoted).toEqual(['بله، تا ۳۰ روز.', 'اروپا: قیمت €5، رایگان از €75']);
  });
});
