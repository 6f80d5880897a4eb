import type { Request } from 'express';
import { AuthError } from '../errors.js';
import { hasRole, type AgentIdentity } from '../identity/agent-accounts.js';
import type { AgentSessions } from '../identity/agent-sessions.js';
import { bearerToken } from '../shared/bearer-token.js';

/**
 * The console account of a request to the studio: a merchandiser or an admin. Without a session
 * it is a 401; any other role a 403 `auth:merchandiser_required`.
 */
export function merchandiserCheck(sessions: AgentSessions): (req: Request) => Promise<AgentIdentity> {
  return async (req) => {
    const { agent } = await sessions.authenticate(bearerToken(req.get('authorization')));
    if (!hasRole(agent, 'merchandiser')) {
      throw new AuthError('auth:merchandiser_required', 'Only a merchandiser or an admin can use the studio.', {
        status: 403,
      });
    }
    return agent;
  };
}
