import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROMPT_FILES } from '../agent/prompts/load-prompts.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { loadSuites } from '../evals/load-suites.js';
import type { Logger } from '../logger.js';
import type { PromptVersions } from '../prompt-versions/prompt-versions.js';
import type { EvalOutcome, EvalRun, EvalRunStore, ScenarioOutcome } from './eval-runs.js';

/** A run still `running` after this long was interrupted (its instance stopped). */
export const STALE_RUN_MS = 30 * 60_000;
const HISTORY = 100;

export interface EvalStudioDeps {
  runs: EvalRunStore;
  versions: PromptVersions;
  /** The prompt files, for prompts never published. */
  promptsDir: string;
  /** The suites' folder (`evals/`). */
  suitesDir: string;
  /** Plays the suites (one, or all) with the prompt files of a folder, in a fresh shop as `npm run eval` does. */
  play(job: { promptsDir: string; suite: string | null; repeat: number }): Promise<EvalOutcome>;
  logger: Logger;
}

export interface EvalRunDetail extends EvalRun {
  results: ScenarioOutcome[];
  previousRunId: string | null;
  /** Scenarios that passed in the previous finished run and fail in this one. */
  regressions: string[];
}

/** Scenarios that passed in the previous finished run and fail in this one. */
function regressionsOf(run: { results: ScenarioOutcome[] }, previous: { results: ScenarioOutcome[] } | null): string[] {
  const passedBefore = new Set(previous?.results.filter((s) => s.passed).map((s) => s.id) ?? []);
  return run.results.filter((s) => !s.passed && passedBefore.has(s.id)).map((s) => s.id);
}

/** Runs grouped by the prompt versions they answered with, newest group first. */
function byPrompts(runs: EvalRun[]) {
  const groups = new Map<string, { prompts: Record<string, string>; runs: string[] }>();
  for (const run of runs) {
    const key = JSON.stringify(Object.entries(run.prompts).sort(([a], [b]) => a.localeCompare(b)));
    const g = groups.get(key) ?? { prompts: run.prompts, runs: [] };
    g.runs.push(run.id);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * Scenario evals started from the studio: one run at a time per instance, in the background,
 * against the published prompt versions (or chosen published ones), recorded with each scenario's
 * outcome so history and regressions can be shown.
 */
export function createEvalStudio(deps: EvalStudioDeps) {
  const { runs } = deps;
  let current: Promise<void> | null = null;
  let busy = false;

  /** The version of each prompt: the chosen ones, else the published one; each must have been published. */
  async function promptSet(chosen: Record<string, string>) {
    const published = await deps.versions.publishedIds();
    const found = await deps.versions.get(Object.values(chosen));
    for (const [name, id] of Object.entries(chosen)) {
      const v = found.find((x) => x.id === id);
      if (!v || v.name !== name) throw new ValidationError('evals:unknown_version', `No ${name} version ${id}.`);
      if (!v.publishedAt) {
        throw new ValidationError('evals:version_not_published', `${id} was never published; publish it first.`);
      }
    }
    return { ...published, ...chosen };
  }

  async function writePrompts(ids: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'concierge-evals-'));
    const versions = await deps.versions.get(Object.values(ids));
    for (const name of PROMPT_FILES) {
      const v = versions.find((x) => x.name === name);
      const file = path.join(dir, `${name}.md`);
      await (v ? writeFile(file, v.text) : copyFile(path.join(deps.promptsDir, `${name}.md`), file));
    }
    return dir;
  }

  /** Plays a run and returns how to record its end (its outcome, or that it failed). */
  async function play(id: string, input: { suite: string | null; repeat: number }, prompts: Record<string, string>) {
    try {
      const dir = await writePrompts(prompts);
      try {
        const outcome = await deps.play({ promptsDir: dir, ...input });
        return () => runs.finish(id, outcome.pass1, outcome.scenarios);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } catch (err) {
      deps.logger.error('eval run failed', { runId: id, err });
      return () => runs.fail(id, 'The run stopped on an error; see the server log.');
    }
  }

  return {
    /** Starts a run in the background; `409 evals:already_running` while this instance runs one. */
    async start(input: { suite?: string; prompts?: Record<string, string>; repeat?: number }, startedBy: string) {
      if (busy) throw new ConflictError('evals:already_running', 'An eval run is already running; wait for it.');
      busy = true;
      const id = `eval_${randomUUID()}`;
      const options = { suite: input.suite ?? null, repeat: input.repeat ?? 1 };
      let prompts: Record<string, string>;
      try {
        await runs.markStale(STALE_RUN_MS);
        if (input.suite) await loadSuites(deps.suitesDir, [input.suite]);
        prompts = await promptSet(input.prompts ?? {});
        await runs.insert({ id, startedBy, prompts, ...options });
      } catch (err) {
        busy = false;
        throw err;
      }
      current = play(id, options, prompts).then(async (recordEnd) => {
        // Free before the end is recorded: whoever sees the run ended may start the next one at once.
        busy = false;
        await recordEnd().catch((err: unknown) => {
          deps.logger.error('could not record the end of an eval run', { runId: id, err });
        });
      });
      return (await runs.get(id))!;
    },
    async list() {
      await runs.markStale(STALE_RUN_MS);
      const all = await runs.list(HISTORY);
      const listed = all.map(({ results: _results, ...run }, i) => {
        const previous = all.slice(i + 1).find((r) => r.status === 'passed' || r.status === 'failed');
        return { ...run, regressions: run.status === 'running' ? [] : regressionsOf(all[i], previous ?? null) };
      });
      return { runs: listed, byPrompts: byPrompts(all) };
    },
    async get(id: string): Promise<EvalRunDetail> {
      await runs.markStale(STALE_RUN_MS);
      const run = await runs.get(id);
      if (!run) throw new NotFoundError('evals:not_found', `No eval run ${id}.`);
      const previous = run.status === 'running' ? null : await runs.previousFinished(run);
      return { ...run, previousRunId: previous?.id ?? null, regressions: regressionsOf(run, previous) };
    },
    /** Resolves when the run in progress (if any) has ended; for shutdown and tests. */
    idle: () => current ?? Promise.resolve(),
  };
}

export type EvalStudio = ReturnType<typeof createEvalStudio>;
