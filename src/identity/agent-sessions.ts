import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { AuthError } from '../errors.js';
import type { AgentIdentity, AgentRole } from './agent-accounts.js';

export interface AgentSession {
  /** The stored id of the session (a hash of its token), for ending it. */
  id: string;
  agent: AgentIdentity;
  expiresAt: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const REQUIRED = new AuthError('auth:agent_required', 'Log in to the console first.');

/**
 * Console sessions, stored server-side: a random bearer token whose hash is kept with its expiry.
 * Logging out, disabling an account or a changed password ends its sessions at once.
 */
export function createAgentSessions(deps: { db: Database; ttlHours: number; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async create(agent: AgentIdentity, ip: string | null): Promise<{ token: string; session: AgentSession }> {
      const token = `ags_${randomBytes(32).toString('base64url')}`;
      const expiresAt = new Date(now().getTime() + deps.ttlHours * 3_600_000);
      await db.query('INSERT INTO agent_sessions (token_hash, agent_email, expires_at, ip) VALUES ($1, $2, $3, $4)', [
        hashToken(token),
        agent.email,
        expiresAt,
        ip,
      ]);
      return { token, session: { id: hashToken(token), agent, expiresAt: expiresAt.toISOString() } };
    },

    /** The live session of a bearer token, or `auth:agent_required`. */
    async authenticate(token: string | undefined | null): Promise<AgentSession> {
      if (!token || token.length > 200 || !token.startsWith('ags_')) throw REQUIRED;
      const r = await db.query<{ email: string; name: string; role: AgentRole; expires_at: Date }>(
        `SELECT a.email, a.name, a.role, s.expires_at FROM agent_sessions s JOIN agents a ON a.email = s.agent_email
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL`,
        [hashToken(token), now()],
      );
      const row = r.rows[0];
      if (!row) throw REQUIRED;
      return {
        id: hashToken(token),
        agent: { email: row.email, name: row.name, role: row.role },
        expiresAt: new Date(row.expires_at).toISOString(),
      };
    },

    /** Whether a session id is still live (sockets check before each action). */
    async isLive(id: string): Promise<boolean> {
      const r = await db.query(
        `SELECT 1 FROM agent_sessions s JOIN agents a ON a.email = s.agent_email
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL`,
        [id, now()],
      );
      return r.rows.length > 0;
    },

    async end(id: string): Promise<void> {
      await db.query('DELETE FROM agent_sessions WHERE token_hash = $1', [id]);
    },

    /** Deletes expired sessions (the retention job calls it). */
    async sweep(): Promise<number> {
      const r = await db.query('DELETE FROM agent_sessions WHERE expires_at <= $1', [now()]);
      return r.rowCount;
    },
  };
}

export type AgentSessions = ReturnType<typeof createAgentSessions>;
