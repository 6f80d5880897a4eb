import { Router } from 'express';
import { z } from 'zod';
import { PROMPT_FILES } from '../agent/prompts/load-prompts.js';
import type { AgentSessions } from '../identity/agent-sessions.js';
import { parseInput } from '../shared/parse-input.js';
import type { EvalStudio } from './eval-studio.js';
import { merchandiserCheck } from './merchandiser-auth.js';

const startBody = z.strictObject({
  suite: z
    .string()
    .trim()
    .regex(/^[\w-]{1,100}$/, 'a suite name (the file name in evals/ without .yaml)')
    .optional(),
  prompts: z.partialRecord(z.enum(PROMPT_FILES), z.string().trim().min(1).max(100)).default({}),
  repeat: z.number().int().min(1).max(5).default(1),
});
const runId = z.strictObject({ id: z.string().trim().min(1).max(100) });

/** The studio's evals (docs/api.md): start a run, its history per prompt version, one run's regressions. */
export function evalRoutes(deps: { sessions: AgentSessions; evals: EvalStudio }): Router {
  const r = Router();
  const merchandiserOf = merchandiserCheck(deps.sessions);

  r.post('/api/studio/evals', async (req, res) => {
    const agent = await merchandiserOf(req);
    const b = parseInput(startBody, req.body ?? {}, 'field');
    res.status(202).json({ run: await deps.evals.start(b, agent.email) });
  });
  r.get('/api/studio/evals', async (req, res) => {
    await merchandiserOf(req);
    res.json(await deps.evals.list());
  });
  r.get('/api/studio/evals/:id', async (req, res) => {
    await merchandiserOf(req);
    const { id } = parseInput(runId, req.params);
    res.json({ run: await deps.evals.get(id) });
  });
  return r;
}
