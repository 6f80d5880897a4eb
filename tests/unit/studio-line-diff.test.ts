import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../widget/studio/line-diff.js';

describe('studio line diff', () => {
  it('marks the lines a draft added and removed, keeping the rest in order', () => {
    const diff = lineDiff('# Tone\n- Warm\n- Short', '# Tone\n- Short\n- Honest');

    expect(diff).toEqual([
      { kind: 'same', text: '# Tone' },
      { kind: 'removed', text: '- Warm' },
      { kind: 'same', text: '- Short' },
      { kind: 'added', text: '- Honest' },
    ]);
  });

  it('finds nothing to mark in equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });
});
