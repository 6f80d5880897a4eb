import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { PromptVersions } from '../prompt-versions/prompt-versions.js';
import { runTsWorker } from '../shared/ts-worker.js';
import { evalRunStore, type EvalOutcome } from '../studio/eval-runs.js';
import { createEvalStudio } from '../studio/eval-studio.js';
import type { EvalJob } from './eval-job.js';

const workerUrl = new URL('./eval-worker.ts', import.meta.url);

/** What the studio's eval runs need: the whole configuration (for the shop and model `npm run eval` uses). */
export type StudioEvalParts = Omit<EvalJob, 'promptsDir' | 'suite' | 'repeat'>;

/** The studio's eval runner: each run on a worker thread, over a fresh in-memory shop as `npm run eval` opens. */
export function createStudioEvals(parts: {
  db: Database;
  logger: Logger;
  versions: PromptVersions;
  evals: StudioEvalParts;
}) {
  const { evals } = parts;
  return createEvalStudio({
    runs: evalRunStore(parts.db),
    versions: parts.versions,
    promptsDir: evals.config.promptsDir,
    suitesDir: evals.suitesDir,
    logger: parts.logger,
    play: (job) => runTsWorker<EvalOutcome>(workerUrl, { ...evals, ...job } satisfies EvalJob),
  });
}
