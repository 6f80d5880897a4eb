import type { ChatModel } from '../agent/model.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import type { ShopVocabulary } from '../catalog/shop-vocabulary.js';
import type { Database } from '../db/database.js';
import type { Grader } from '../evals/rubric-grader.js';
import type { Logger } from '../logger.js';
import type { PromptVersions } from '../prompt-versions/prompt-versions.js';
import { evalRunStore } from '../studio/eval-runs.js';
import { createEvalStudio } from '../studio/eval-studio.js';
import type { CoreConfig } from './build-core.js';
import { openEvalTargets } from './eval-targets.js';

/** What the studio's eval runs need beyond the app: the shop and suites `npm run eval` uses, and its model. */
export interface StudioEvalParts {
  catalogDir: string;
  suitesDir: string;
  /** The model to evaluate, built over the eval shop's vocabulary (the configured one, offline by default). */
  model: (vocabulary: ShopVocabulary) => ChatModel;
  /** Grades rubric assertions (an LLM); they are skipped without it, as in `npm run eval`. */
  grader?: Grader;
}

/** The studio's eval runner, over a fresh in-memory shop per run exactly as `npm run eval` opens it. */
export function createStudioEvals(parts: {
  config: CoreConfig;
  db: Database;
  embedder: Embedder;
  logger: Logger;
  versions: PromptVersions;
  evals: StudioEvalParts;
}) {
  const { config, embedder, logger, evals } = parts;
  return createEvalStudio({
    runs: evalRunStore(parts.db),
    versions: parts.versions,
    promptsDir: config.promptsDir,
    suitesDir: evals.suitesDir,
    grader: evals.grader,
    logger,
    openTargets: (promptSets) =>
      openEvalTargets({ config, catalogDir: evals.catalogDir, embedder, logger, promptSets, model: evals.model }),
  });
}
