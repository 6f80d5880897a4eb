import { runScenario, type EvalShop, type ScenarioRun } from './run-scenario.js';
import type { Grader } from './rubric-grader.js';
import type { Scenario, Suite } from './suite-schema.js';

/** A shop to run the suites against, named by the prompt set it answers with. */
export interface EvalTarget {
  label: string;
  shop: EvalShop;
}

export interface ScenarioReport {
  /** `suite/description`, stable across runs (what comparisons and history key on). */
  id: string;
  suite: string;
  description: string;
  required: boolean;
  runs: ScenarioRun[];
}

export interface TargetReport {
  label: string;
  scenarios: ScenarioReport[];
  /** Fraction of all runs that passed (the chance one run passes). */
  pass1: number;
  /** Fraction of scenarios that passed every one of their k runs. */
  passK: number;
  requiredFailed: string[];
}

export interface EvalReport {
  repeat: number;
  targets: TargetReport[];
  ms: number;
}

export interface EvalOptions {
  suites: Suite[];
  targets: EvalTarget[];
  repeat: number;
  /** Scenario runs in flight at once, over all targets. */
  concurrency: number;
  grader: Grader;
  /** Told as each run ends (progress). */
  onRun?: (label: string, scenarioId: string, run: ScenarioRun) => void;
}

/** Runs `jobs` with at most `limit` of them in flight; results keep the jobs' order. */
export async function runBounded<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  return results;
}

const idOf = (suite: Suite, scenario: Scenario) => `${suite.name}/${scenario.description}`;

/** pass^1 and pass^k of a target's scenarios (tau-bench's measures). */
export function passRates(scenarios: ScenarioReport[]): { pass1: number; passK: number } {
  const runs = scenarios.flatMap((s) => s.runs);
  if (!runs.length) return { pass1: 0, passK: 0 };
  return {
    pass1: runs.filter((r) => r.passed).length / runs.length,
    passK: scenarios.filter((s) => s.runs.every((r) => r.passed)).length / scenarios.length,
  };
}

function summarize(label: string, scenarios: ScenarioReport[]): TargetReport {
  const requiredFailed = scenarios.filter((s) => s.required && s.runs.some((r) => !r.passed)).map((s) => s.id);
  return { label, scenarios, ...passRates(scenarios), requiredFailed };
}

/** Runs every scenario `repeat` times against every target, in parallel up to `concurrency`. */
export async function runEvals(opts: EvalOptions): Promise<EvalReport> {
  const started = performance.now();
  const entries = opts.suites.flatMap((suite) => suite.scenarios.map((scenario) => ({ suite, scenario })));
  const reports = opts.targets.map(() =>
    entries.map(({ suite, scenario }): ScenarioReport => ({
      id: idOf(suite, scenario),
      suite: suite.name,
      description: scenario.description,
      required: scenario.required,
      runs: [],
    })),
  );
  const jobs = opts.targets.flatMap((target, t) =>
    entries.flatMap(({ scenario }, s) =>
      Array.from({ length: opts.repeat }, () => async () => {
        const run = await runScenario(target.shop, scenario, opts.grader);
        reports[t][s].runs.push(run);
        opts.onRun?.(target.label, reports[t][s].id, run);
      }),
    ),
  );
  await runBounded(jobs, opts.concurrency);
  return {
    repeat: opts.repeat,
    targets: opts.targets.map((t, i) => summarize(t.label, reports[i])),
    ms: performance.now() - started,
  };
}
