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

/** Console agent accounts, stored with scrypt hashes. */
export function createAgentAccounts(deps: { db: Database }) {
  const { db } = deps;
  return {
    /** Creates or updates the accounts from configuration (CONSOLE_AGENTS). */
    async seed(accounts: { email: string; password: string }[]): Promise<void> {
      for (const a of accounts) {
        const existing = await db.query<{ password_hash: string }>(
          'SELECT password_hash FROM agents WHERE email = $1',
          [a.email],
        );
        if (existing.rows[0] && (await verifyPassword(a.password, existing.rows[0].password_hash))) continue;
        await db.query(
          `INSERT INTO agents (email, name, password_hash) VALUES ($1, $2, $3)
           ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, name = EXCLUDED.name`,
          [a.email, displayName(a.email), await hashPassword(a.password)],
        );
      }
    },
    async verify(email: string, password: string): Promise<AgentIdentity | null> {
      const r = await db.query<{ email: string; name: string; password_hash: string }>(
        'SELECT email, name, password_hash FROM agents WHERE email = $1',
        [email],
      );
      const row = r.rows[0];
      const ok = await verifyPassword(password, row?.password_hash ?? (await DUMMY));
      return row && ok ? { email: row.email, name: row.name } : null;
    },
    async byEmail(email: string): Promise<AgentIdentity | null> {
      const r = await db.query<{ email: string; name: string }>('SELECT email, name FROM agents WHERE email = $1', [
        email,
      ]);
      return r.rows[0] ?? null;
    },
  };
}

export type AgentAccounts = ReturnType<typeof createAgentAccounts>;
