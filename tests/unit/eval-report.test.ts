import { describe, expect, it } from 'vitest';
import { formatReport, reportJson } from '../../src/evals/format-report.js';
import { passRates, runBounded, type EvalReport, type ScenarioReport } from '../../src/evals/run-evals.js';
import type { ScenarioRun } from '../../src/evals/run-scenario.js';

const run = (passed: boolean): ScenarioRun => ({
  passed,
  turns: [
    {
      user: 'hi',
      reply: 'Hello there',
      calls: [],
      products: [],
      failures: passed ? [] : ['reply does not match /bye/i'],
      notes: [],
    },
  ],
  error: null,
  ms: 12.4,
});

const scenario = (id: string, results: boolean[], required = false): ScenarioReport => ({
  id,
  suite: id.split('/')[0],
  description: id.split('/')[1],
  required,
  runs: results.map(run),
});

describe('eval results', () => {
  it('pass^1 counts runs, pass^k counts scenarios that passed every run', () => {
    const rates = passRates([scenario('s/a', [true, true, true]), scenario('s/b', [true, false, true])]);
    expect(rates.pass1).toBeCloseTo(5 / 6);
    expect(rates.passK).toBe(0.5);
  });

  it('runs jobs with bounded concurrency and keeps their order', async () => {
    let inFlight = 0;
    let most = 0;
    const jobs = [3, 1, 2, 0, 1].map((n) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      for (let i = 0; i < n; i++) await Promise.resolve();
      inFlight--;
      return n;
    });
    expect(await runBounded(jobs, 2)).toEqual([3, 1, 2, 0, 1]);
    expect(most).toBe(2);
  });

  it('prints failures with their turn and reply, and two prompt sets side by side with regressions', () => {
    const report: EvalReport = {
      repeat: 2,
      ms: 1500,
      targets: [
        {
          label: 'prompts',
          scenarios: [scenario('s/a', [true, true]), scenario('s/b', [true, true], true)],
          pass1: 1,
          passK: 1,
          requiredFailed: [],
        },
        {
          label: 'draft',
          scenarios: [scenario('s/a', [true, true]), scenario('s/b', [false, true], true)],
          pass1: 0.75,
          passK: 0.5,
          requiredFailed: ['s/b'],
        },
      ],
    };
    const text = formatReport(report);
    expect(text).toContain(
      'FAIL  [required] s/b (1/2)\n      turn 1 "hi": reply does not match /bye/i\n        reply: Hello there',
    );
    expect(text).toMatch(/s\/b\s+2\/2\s+1\/2 {2}regression/);
    expect(text).toMatch(/pass\^2\s+100\.0%\s+50\.0%/);
    expect(text).toContain('draft: 2 scenarios, 4 runs, pass^1 75.0%, pass^2 50.0%, required failed: 1');
    expect(JSON.parse(reportJson(report)).targets[1].scenarios[1].runs[0].ms).toBe(12);
  });
});
