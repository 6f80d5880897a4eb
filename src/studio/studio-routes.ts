import { Router } from 'express';
import { z } from 'zod';
import { PROMPT_FILES } from '../agent/prompts/load-prompts.js';
import type { AgentSessions } from '../identity/agent-sessions.js';
import { parseInput } from '../shared/parse-input.js';
import { METRICS } from '../experiments/experiment-store.js';
import { merchandisingSchema } from '../merchandising/merchandising-rules.js';
import type { MerchandisingStore, StoredRules } from '../merchandising/merchandising-store.js';
import type { ExperimentStudio } from './experiment-studio.js';
import type { PromptStudio } from './prompt-studio.js';
import { merchandiserCheck } from './merchandiser-auth.js';

const promptName = z.strictObject({ name: z.enum(PROMPT_FILES) });
const versionId = z.string().trim().min(1).max(100);
const draftBody = z.strictObject({
  text: z.string().min(1).max(20_000),
  note: z.string().trim().max(500).default(''),
});
const publishBody = z.strictObject({ versionId });
const previewBody = z.strictObject({
  versions: z.partialRecord(z.enum(PROMPT_FILES), versionId).default({}),
  message: z.string().trim().min(1).max(2_000),
});
const experimentBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  metric: z.enum(METRICS),
  variants: z
    .array(
      z.strictObject({
        prompts: z.partialRecord(z.enum(PROMPT_FILES), versionId).default({}),
        weight: z.number().int().min(1).max(1000),
      }),
    )
    .min(2)
    .max(6),
});
const experimentId = z.strictObject({ id: z.string().trim().min(1).max(100) });
const reportQuery = z.object({ minSample: z.coerce.number().int().min(1).max(1_000_000).default(100) });
const stopBody = z.strictObject({ promote: z.number().int().min(0).optional() });

/**
 * The merchandiser studio's API (docs/api.md): prompt versions, drafts, publishing and previews,
 * experiments, and the merchandising rules.
 * Every route needs a console session of a merchandiser or an admin.
 */
export function studioRoutes(deps: {
  sessions: AgentSessions;
  prompts: PromptStudio;
  experiments: ExperimentStudio;
  merchandising: MerchandisingStore;
}): Router {
  const r = Router();
  const merchandiserOf = merchandiserCheck(deps.sessions);

  r.get('/api/studio/prompts', async (req, res) => {
    await merchandiserOf(req);
    res.json({ prompts: await deps.prompts.list() });
  });
  r.post('/api/studio/prompts/:name/versions', async (req, res) => {
    const agent = await merchandiserOf(req);
    const { name } = parseInput(promptName, req.params);
    const b = parseInput(draftBody, req.body ?? {}, 'field');
    const version = await deps.prompts.createDraft(name, b.text, { author: agent.email, note: b.note });
    res.status(201).json({ version });
  });
  r.post('/api/studio/prompts/:name/publish', async (req, res) => {
    await merchandiserOf(req);
    const { name } = parseInput(promptName, req.params);
    const b = parseInput(publishBody, req.body ?? {}, 'field');
    res.json({ version: await deps.prompts.publish(name, b.versionId) });
  });
  r.post('/api/studio/preview', async (req, res) => {
    await merchandiserOf(req);
    const b = parseInput(previewBody, req.body ?? {}, 'field');
    res.json({ reply: await deps.prompts.preview(b.versions, b.message) });
  });
  r.get('/api/studio/experiments', async (req, res) => {
    await merchandiserOf(req);
    res.json({ experiments: await deps.experiments.list() });
  });
  r.post('/api/studio/experiments', async (req, res) => {
    const agent = await merchandiserOf(req);
    const b = parseInput(experimentBody, req.body ?? {}, 'field');
    res.status(201).json({ experiment: await deps.experiments.create(b, agent.email) });
  });
  r.get('/api/studio/experiments/:id', async (req, res) => {
    await merchandiserOf(req);
    const { id } = parseInput(experimentId, req.params);
    const { minSample } = parseInput(reportQuery, req.query);
    res.json({ experiment: await deps.experiments.report(id, minSample) });
  });
  r.post('/api/studio/experiments/:id/stop', async (req, res) => {
    await merchandiserOf(req);
    const { id } = parseInput(experimentId, req.params);
    const b = parseInput(stopBody, req.body ?? {}, 'field');
    res.json({ experiment: await deps.experiments.stop(id, b.promote) });
  });
  r.get('/api/studio/merchandising', async (req, res) => {
    await merchandiserOf(req);
    res.json(publicRules(await deps.merchandising.fresh()));
  });
  r.put('/api/studio/merchandising', async (req, res) => {
    const agent = await merchandiserOf(req);
    const rules = parseInput(merchandisingSchema, req.body ?? {}, 'field');
    res.json(publicRules(await deps.merchandising.save(rules, agent.email)));
  });
  return r;
}

const publicRules = ({ rules, updatedBy, updatedAt }: StoredRules) => ({ rules, updatedBy, updatedAt });
