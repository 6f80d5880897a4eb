import { Router } from 'express';
import { z } from 'zod';
import type { AgentSessions } from '../identity/agent-sessions.js';
import { groupUnanswered } from '../knowledge/group-unanswered.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Database } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { parseInput } from '../shared/parse-input.js';
import { merchandiserCheck } from './merchandiser-auth.js';

const moment = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const rangeQuery = z.strictObject({
  from: moment.optional(),
  to: moment.optional(),
});
const entryBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(20_000),
    questionIds: z.array(z.number().int().positive()).max(1_000).optional(),
    groupKey: z.string().max(1_000).optional(),
  })
  .refine((b) => !b.body.split('\n').some((line) => line.startsWith('# ')), {
    message: 'the body may use ## headings, not a # title',
    path: ['body'],
  });
const entryId = z.strictObject({ id: z.coerce.number().int().positive() });

const dateOf = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));

/**
 * The studio's knowledge gaps (docs/api.md): the questions the assistant could not answer,
 * grouped, and the answers merchandisers write for them, which the assistant searches and cites.
 */
export function knowledgeRoutes(deps: { sessions: AgentSessions; db: Database; knowledge: KnowledgeBase }): Router {
  const r = Router();
  const merchandiserOf = merchandiserCheck(deps.sessions);

  r.get('/api/studio/knowledge-gaps', async (req, res) => {
    await merchandiserOf(req);
    const q = parseInput(rangeQuery, req.query);
    const [from, to] = [dateOf(q.from), dateOf(q.to)];
    if (from && to && from >= to) throw new ValidationError('http:bad_request', 'Bad parameter "to": before "from"');
    res.json({ groups: await groupUnanswered(deps.db, { from, to }) });
  });
  r.get('/api/studio/knowledge', async (req, res) => {
    await merchandiserOf(req);
    res.json({ entries: await deps.knowledge.list() });
  });
  r.post('/api/studio/knowledge', async (req, res) => {
    const agent = await merchandiserOf(req);
    const b = parseInput(entryBody, req.body ?? {}, 'field');
    res.status(201).json({ entry: await deps.knowledge.write(b, agent.email) });
  });
  r.delete('/api/studio/knowledge/:id', async (req, res) => {
    await merchandiserOf(req);
    const { id } = parseInput(entryId, req.params);
    res.json({ deleted: await deps.knowledge.remove(id) });
  });
  return r;
}
