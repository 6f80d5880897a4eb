import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Database } from '../db/database.js';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  opts: { N: number; r: number; p: number },
) => Promise<Buffer>;
const PARAMS = { N: 16_384, r: 8, p: 1 };

export interface AgentIdentity {
  email: string;
  name: string;
  role: AgentRole;
}

/** `scrypt$N$r$p$salt$hash`, all base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** "alex.smith@example.com" → "Alex Smith". */
export function displayName(email: string): string {
  return email
    .split('@')[0]
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

// A hash to compare against when the email is unknown, so a login takes as long either way.
const DUMMY = hashPassword('not-a-real-password');

/** agent: the console; merchandiser: the studio; admin: everything. */
export type AgentRole = 'agent' | 'merchandiser' | 'admin';

/** Whether an account may do what `role` may: an admin may do everything. */
export function hasRole(agent: AgentIdentity, role: AgentRole): boolean {
  return agent.role === role || agent.role === 'admin';
}

/** A console account as configured (CONSOLE_AGENTS). */
export interface AgentAccountSpec {
  email: string;
  password: string;
  role: AgentRole;
}

/**
 * Console agent accounts, stored with scrypt hashes. The configured list is complete: accounts
 * not in it are disabled (and their sessions ended), so a demo login never outlives demo mode.
 */
export function createAgentAccounts(deps: { db: Database }) {
  const { db } = deps;
  return {
    /** Makes the stored accounts match configuration; returns the emails it disabled. */
    async sync(accounts: AgentAccountSpec[]): Promise<string[]> {
      for (const a of accounts) {
        const existing = await db.query<{ password_hash: string }>(
          'SELECT password_hash FROM agents WHERE email = $1',
          [a.email],
        );
        const same = existing.rows[0] && (await verifyPassword(a.password, existing.rows[0].password_hash));
        const hash = same ? existing.rows[0].password_hash : await hashPassword(a.password);
        // A changed password ends the account's sessions, as a removed account's do.
        if (existing.rows[0] && !same) await db.query('DELETE FROM agent_sessions WHERE agent_email = $1', [a.email]);
        await db.query(
          `INSERT INTO agents (email, name, password_hash, role) VALUES ($1, $2, $3, $4)
           ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, name = EXCLUDED.name,
             role = EXCLUDED.role, disabled_at = NULL`,
          [a.email, displayName(a.email), hash, a.role],
        );
      }
      const disabled = await db.transaction(async (tx) => {
        const r = await tx.query<{ email: string }>(
          `UPDATE agents SET disabled_at = now() WHERE disabled_at IS NULL AND NOT (email = ANY($1::text[]))
           RETURNING email`,
          [accounts.map((a) => a.email)],
        );
        await tx.query(
          'DELETE FROM agent_sessions s USING agents a WHERE a.email = s.agent_email AND a.disabled_at IS NOT NULL',
        );
        return r.rows.map((x) => x.email);
      });
      return disabled;
    },
    /** The account for these credentials, or null; a disabled account never logs in. */
    async verify(email: string, password: string): Promise<AgentIdentity | null> {
      const r = await db.query<{
        email: string;
        name: string;
        role: AgentRole;
        password_hash: string;
        disabled_at: Date | null;
      }>('SELECT email, name, role, password_hash, disabled_at FROM agents WHERE email = $1', [email]);
      const row = r.rows[0];
      const ok = await verifyPassword(password, row?.password_hash ?? (await DUMMY));
      return row && ok && !row.disabled_at ? { email: row.email, name: row.name, role: row.role } : null;
    },
    /** Display names of accounts, enabled or not (for conversations they once held). */
    async names(emails: string[]): Promise<Map<string, string>> {
      const r = await db.query<{ email: string; name: string }>(
        'SELECT email, name FROM agents WHERE email = ANY($1::text[])',
        [emails],
      );
      return new Map(r.rows.map((x) => [x.email, x.name]));
    },
  };
}

export type AgentAccounts = ReturnType<typeof createAgentAccounts>;
