import { Router, type Request } from 'express';
import { z } from 'zod';
import { commerceAnalytics } from '../analytics/commerce-analytics.js';
import type { Queryable } from '../db/database.js';
import { AuthError, ValidationError } from '../errors.js';
import { hasRole } from '../identity/agent-accounts.js';
import type { AgentSessions } from '../identity/agent-sessions.js';
import { bearerToken } from '../shared/bearer-token.js';
import { parseInput } from '../shared/parse-input.js';

const DAY_MS = 86_400_000;
/** The longest range one report covers, in days. */
export const MAX_RANGE_DAYS = 366;
const DEFAULT_DAYS = 30;

/** A date (`2026-11-01`) or a full ISO timestamp. */
const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));
const rangeQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

/** The UTC day a date or timestamp falls on. */
const dayOf = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);

/**
 * The report's range: whole UTC days from `from` to `to`, both included; by default the last 30
 * days up to today. `to` is returned exclusive (the day after).
 */
export function analyticsRange(q: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const lastDay = q.to ? dayOf(q.to) : dayOf(now.toISOString());
  const firstDay = q.from ? dayOf(q.from) : new Date(lastDay.getTime() - (DEFAULT_DAYS - 1) * DAY_MS);
  if (firstDay > lastDay) {
    throw new ValidationError('analytics:bad_range', `"from" (${q.from}) is after "to" (${q.to ?? 'today'}).`);
  }
  const days = (lastDay.getTime() - firstDay.getTime()) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) {
    throw new ValidationError('analytics:range_too_long', `At most ${MAX_RANGE_DAYS} days at once (asked ${days}).`);
  }
  return { from: firstDay, to: new Date(lastDay.getTime() + DAY_MS) };
}

/** GET /api/studio/analytics: the studio's commerce analytics, for a merchandiser or an admin. */
export function analyticsRoutes(deps: {
  db: Queryable;
  sessions: AgentSessions;
  currency: string;
  now?: () => Date;
}): Router {
  const r = Router();
  const merchandiserOf = async (req: Request) => {
    const { agent } = await deps.sessions.authenticate(bearerToken(req.get('authorization')));
    if (!hasRole(agent, 'merchandiser')) {
      throw new AuthError('auth:merchandiser_required', 'Only a merchandiser or an admin can use the studio.', {
        status: 403,
      });
    }
  };
  r.get('/api/studio/analytics', async (req, res) => {
    await merchandiserOf(req);
    const range = analyticsRange(parseInput(rangeQuery, req.query), deps.now?.() ?? new Date());
    res.set('Cache-Control', 'no-store').json(await commerceAnalytics(deps.db, { ...range, currency: deps.currency }));
  });
  return r;
}
