import type { Router } from 'express';
import type { ChatModel } from '../agent/model.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import type { AppConfig } from './build-app.js';
import type { Database } from '../db/database.js';
import type { AgentSessions } from '../identity/agent-sessions.js';
import { createKnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Logger } from '../logger.js';
import { analyticsRoutes } from '../studio/analytics-routes.js';
import { evalRoutes } from '../studio/eval-routes.js';
import { createExperimentStudio } from '../studio/experiment-studio.js';
import { knowledgeRoutes } from '../studio/knowledge-routes.js';
import { createPromptStudio } from '../studio/prompt-studio.js';
import { studioRoutes } from '../studio/studio-routes.js';
import type { Core } from './build-core.js';
import { createStudioEvals, type StudioEvalParts } from './build-studio-evals.js';

/**
 * The merchandiser studio's API: prompts and previews, experiments, merchandising rules, commerce
 * analytics, knowledge gaps, and eval runs when `evals` is given. `idle()` waits for a running eval.
 */
export function buildStudio(parts: {
  config: Pick<AppConfig, 'shop' | 'model'>;
  db: Database;
  embedder: Embedder;
  model: ChatModel;
  logger: Logger;
  core: Core;
  sessions: AgentSessions;
  evals?: StudioEvalParts;
}): { routers: Router[]; idle(): Promise<void> } {
  const { config, db, core, sessions, logger } = parts;
  const prompts = createPromptStudio({
    versions: core.promptVersions,
    prompts: core.prompts,
    preview: { model: parts.model, tools: core.tools, shop: config.shop, maxSteps: config.model.maxSteps, logger },
  });
  const experiments = createExperimentStudio({
    db,
    experiments: core.experiments,
    versions: core.promptVersions,
    prompts,
  });
  const evals = parts.evals
    ? createStudioEvals({ db, logger, versions: core.promptVersions, evals: parts.evals })
    : null;
  return {
    routers: [
      studioRoutes({ sessions, prompts, experiments, merchandising: core.merchandising }),
      analyticsRoutes({ db, sessions, currency: config.shop.currency }),
      ...(evals ? [evalRoutes({ sessions, evals })] : []),
      knowledgeRoutes({ sessions, db, knowledge: createKnowledgeBase({ db, embedder: parts.embedder }) }),
    ],
    idle: async () => {
      await evals?.idle();
    },
  };
}
