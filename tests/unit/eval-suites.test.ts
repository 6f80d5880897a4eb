import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { loadSuites, parseSuite } from '../../src/evals/load-suites.js';
import { resolvePromptSets } from '../../src/evals/prompt-sets.js';

const problemsOf = (text: string) => {
  const result = parseSuite('evals/bad.yaml', text);
  if ('suite' in result) throw new Error('expected problems');
  return result.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
};

describe('eval suite files', () => {
  it('reads the short forms and gives each scenario the suite vars under its own', () => {
    const result = parseSuite(
      'evals/shop.yaml',
      `description: demo
vars: { customer: cus_1 }
scenarios:
  - description: one
    turns:
      - hello
      - user: add it
        assert:
          - { type: tool-called, value: add_to_cart }
          - { type: products-include, value: a-handle }
          - { type: cart-has, value: a-handle }
  - description: two
    required: true
    vars: { customer: cus_2, cart: [{ sku: SKU-1 }] }
    turns: [hi]
`,
    );
    if (!('suite' in result)) throw new Error(JSON.stringify(result.problems));
    const [one, two] = result.suite.scenarios;
    expect(result.suite.name).toBe('shop');
    expect(one).toMatchObject({ required: false, vars: { customer: 'cus_1' } });
    expect(one.turns[0]).toEqual({ user: 'hello', assert: [] });
    expect(one.turns[1].assert).toEqual([
      { type: 'tool-called', value: { name: 'add_to_cart' } },
      { type: 'products-include', value: ['a-handle'] },
      { type: 'cart-has', value: [{ handle: 'a-handle' }] },
    ]);
    expect(two.vars).toEqual({ customer: 'cus_2', cart: [{ sku: 'SKU-1', quantity: 1 }] });
  });

  it('names the file and the path of every problem', () => {
    const problems = problemsOf(`description: bad
scenarios:
  - description: x
    turns:
      - user: hi
        assert:
          - { type: text-matches, value: 75 }
          - { type: status, value: asleep }
          - { type: products-all-under, value: cheap }
          - { type: text-lacks, value: "(" }
          - { type: cart-has, value: { quantity: 2 } }
          - { type: unknown-check, value: 1 }
  - description: x
    turns: []
`);
    expect(problems).toEqual([
      'evals/bad.yaml: scenarios.0.turns.0.assert.0.value.0: must be text (quote numbers)',
      expect.stringMatching(/^evals\/bad.yaml: scenarios.0.turns.0.assert.1.value: .*"bot"\|"queued"\|"human"/),
      expect.stringMatching(/^evals\/bad.yaml: scenarios.0.turns.0.assert.2.value: .*number/),
      'evals/bad.yaml: scenarios.0.turns.0.assert.3.value.0: is not a valid regular expression',
      'evals/bad.yaml: scenarios.0.turns.0.assert.4.value.0: a cart line needs a handle or a sku',
      expect.stringMatching(/^evals\/bad.yaml: scenarios.0.turns.0.assert.5.type: /),
      expect.stringMatching(/^evals\/bad.yaml: scenarios.1.turns: /),
    ]);
  });

  it('rejects two scenarios of a suite with the same description (results are keyed by it)', () => {
    expect(
      problemsOf(
        'description: d\nscenarios:\n  - { description: x, turns: [a] }\n  - { description: x, turns: [b] }\n',
      ),
    ).toEqual(['evals/bad.yaml: scenarios.1.description: duplicate scenario description "x"']);
  });

  it('reports broken YAML with its line', () => {
    expect(problemsOf('description: a\nscenarios:\n  - description: b: c\n')).toEqual([
      expect.stringMatching(/^evals\/bad.yaml: line 3: /),
    ]);
  });

  it('loads a folder, selects suites by name, and rejects every broken file at once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-'));
    writeFileSync(path.join(dir, 'good.yaml'), 'description: g\nscenarios:\n  - { description: a, turns: [hi] }\n');
    writeFileSync(path.join(dir, 'other.yml'), 'description: o\nscenarios:\n  - { description: a, turns: [hi] }\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a suite');
    expect((await loadSuites(dir)).map((s) => s.name)).toEqual(['good', 'other']);
    expect((await loadSuites(dir, ['other'])).map((s) => s.name)).toEqual(['other']);
    await expect(loadSuites(dir, ['nope'])).rejects.toMatchObject({
      code: 'evals:unknown_suite',
      message: expect.stringContaining('suites: good, other'),
    });
    writeFileSync(path.join(dir, 'bad.yaml'), 'description: b\nscenarios: []\n');
    const err = await loadSuites(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'evals:invalid_suite', status: 400 });
    expect((err as AppError).message).toContain(`${path.join(dir, 'bad.yaml')}: scenarios:`);
  });
});

describe('prompt sets (--prompts)', () => {
  it('takes folders first, then prompt version ids through the finder, and names what is neither', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'prompt-sets-'));
    mkdirSync(path.join(cwd, 'draft'));
    expect(await resolvePromptSets(['draft'], { cwd })).toEqual([{ label: 'draft', dir: path.join(cwd, 'draft') }]);
    const findVersion = async (id: string) => (id === 'v1' ? { label: 'v1', dir: '/stored/v1' } : null);
    expect(await resolvePromptSets(['draft', 'v1'], { cwd, findVersion })).toHaveLength(2);
    await expect(resolvePromptSets(['v2'], { cwd })).rejects.toMatchObject({
      code: 'evals:unknown_prompts',
      message: '--prompts v2: not a folder of prompt files, and prompt versions are not stored yet.',
    });
    await expect(resolvePromptSets(['draft', 'draft'], { cwd })).rejects.toMatchObject({
      code: 'evals:unknown_prompts',
    });
  });
});
