import { Router, type Request } from 'express';
import { z } from 'zod';
import { AuthError, NotFoundError } from '../../errors.js';
import type { AgentIdentity } from '../../identity/agent-accounts.js';
import type { AgentSessions } from '../../identity/agent-sessions.js';
import type { Logger } from '../../logger.js';
import type { AttributionReport } from '../../platforms/attribution.js';
import type { CustomerData } from '../../privacy/customer-data.js';
import { bearerToken } from '../../shared/bearer-token.js';
import { parseInput } from '../../shared/parse-input.js';

const customerId = z.string().trim().min(1).max(100);
const attributionQuery = z.strictObject({
  since: z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .optional()
    .transform((s) => (s ? new Date(s) : new Date(Date.now() - 30 * 86_400_000))),
});

/**
 * The admin API (docs/api.md): a customer's data exported (GET …/export, JSON) and erased
 * (DELETE), and the orders and revenue attributed to conversations (GET /api/admin/attribution?since=).
 * Only console accounts with the `admin` role; every export and erasure is logged and audited.
 */
export function adminRoutes(deps: {
  sessions: AgentSessions;
  customerData: CustomerData;
  logger: Logger;
  /** A customer was erased: the sockets of their sessions are disconnected, and the agents' queue refreshed. */
  onErased: (sessionIds: string[]) => void;
  /** Orders and revenue attributed to conversations since a date (platform webhooks). */
  attribution?: (since: Date) => Promise<AttributionReport>;
}): Router {
  const r = Router();
  const adminOf = async (req: Request): Promise<AgentIdentity> => {
    const { agent } = await deps.sessions.authenticate(bearerToken(req.get('authorization')));
    if (agent.role !== 'admin')
      throw new AuthError('auth:admin_required', 'Only an admin can do this.', { status: 403 });
    return agent;
  };

  r.get('/api/admin/customers/:id/export', async (req, res) => {
    const admin = await adminOf(req);
    const id = parseInput(customerId, req.params.id, 'customer id');
    const data = await deps.customerData.export(id, admin.email);
    deps.logger.info('customer data exported', { customerId: id, by: admin.email });
    res
      .set('Content-Disposition', `attachment; filename="customer-${id.replace(/[^\w.-]/g, '_')}.json"`)
      .set('Cache-Control', 'no-store')
      .json(data);
  });

  r.delete('/api/admin/customers/:id', async (req, res) => {
    const admin = await adminOf(req);
    const id = parseInput(customerId, req.params.id, 'customer id');
    const { endedSessions, ...report } = await deps.customerData.erase(id, admin.email);
    deps.onErased(endedSessions);
    deps.logger.info('customer erased', { ...report, by: admin.email });
    res.json({ erased: report });
  });
  r.get('/api/admin/attribution', async (req, res) => {
    await adminOf(req);
    const { since } = parseInput(attributionQuery, req.query, 'query parameter');
    if (!deps.attribution) throw new NotFoundError('http:not_found', 'Attribution is not available here.');
    res.set('Cache-Control', 'no-store').json(await deps.attribution(since));
  });
  return r;
}
