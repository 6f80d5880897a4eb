import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../src/agent/models/offline-model.js';
import { shopIndexSource } from '../../src/agent/models/offline/shop-index-source.js';
import { openEvalTargets } from '../../src/app/eval-targets.js';
import { loadConfig } from '../../src/config.js';
import { loadSuites } from '../../src/evals/load-suites.js';
import { resolvePromptSets } from '../../src/evals/prompt-sets.js';
import { skipRubrics } from '../../src/evals/rubric-grader.js';
import { runEvals } from '../../src/evals/run-evals.js';
import type { EvalTarget } from '../../src/evals/run-evals.js';
import { createLogger } from '../../src/logger.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { openMigratedPglite } from '../helpers/pglite-template.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The shipped suites and a deliberately failing one, through `npm run eval`'s runner, with the offline model. */
describe('scenario evals (npm run eval)', () => {
  let targets: EvalTarget[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const config = loadConfig({}, ROOT);
    const opened = await openEvalTargets({
      config,
      catalogDir: config.catalogDir,
      embedder: await testEmbedder(),
      logger: createLogger('silent'),
      promptSets: await resolvePromptSets(['prompts'], { cwd: ROOT }),
      model: (vocabulary) => createOfflineModel({ shop: shopIndexSource(vocabulary) }),
      openDatabase: openMigratedPglite,
    });
    ({ targets, close } = opened);
  });
  afterAll(() => close?.());

  it('passes every required scenario of the shipped suites with the offline model', async () => {
    const suites = await loadSuites(path.join(ROOT, 'evals'));
    const report = await runEvals({ suites, targets, repeat: 1, concurrency: 4, grader: skipRubrics });
    const [target] = report.targets;
    expect(target.scenarios.length).toBeGreaterThanOrEqual(40);
    const failed = target.scenarios
      .filter((s) => s.required && !s.runs[0].passed)
      .map((s) => `${s.id}: ${JSON.stringify(s.runs[0].turns.flatMap((t) => t.failures))} ${s.runs[0].error ?? ''}`);
    expect(failed).toEqual([]);
    expect(target.requiredFailed).toEqual([]);
    expect(target.pass1).toBeGreaterThan(0.9);
  });

  it('reports a failing scenario file with each failed assertion and fails the required one', async () => {
    const suites = await loadSuites(path.join(ROOT, 'tests/fixtures/evals-failing'));
    const report = await runEvals({ suites, targets, repeat: 2, concurrency: 2, grader: skipRubrics });
    const [target] = report.targets;
    const failures = (id: string) => target.scenarios.find((s) => s.id === id)!.runs[0].turns[0].failures;

    expect(target.requiredFailed).toEqual(['failing/expects a product the shop does not sell']);
    expect(failures('failing/expects a product the shop does not sell')).toEqual([
      expect.stringMatching(/^products not shown: sea-kayak \(shown: /),
      expect.stringMatching(/^expected search_products with \{"maxPrice":1\}; calls: /),
    ]);
    expect(failures('failing/expects a cart line that was never added')).toEqual([
      'cart lacks {"handle":"meadow-3-dome-tent","quantity":2} (cart: none)',
      'conversation status is bot, expected human',
    ]);
    expect(target.scenarios.find((s) => s.id === 'failing/passes')!.runs.map((r) => r.passed)).toEqual([true, true]);
    expect(target.pass1).toBeCloseTo(1 / 3);
    expect(target.passK).toBeCloseTo(1 / 3);
  });
});
