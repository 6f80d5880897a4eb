import type { Env } from './env-schema.js';

/** Demo mode only: the console's and the studio's demo logins when CONSOLE_AGENTS is not set (README lists them). */
export const DEMO_AGENTS = [
  { email: 'alex@example.com', password: 'concierge-demo', role: 'admin' as const },
  { email: 'sam@example.com', password: 'concierge-demo', role: 'agent' as const },
  { email: 'mia@example.com', password: 'concierge-demo', role: 'merchandiser' as const },
];

/** Demo mode only: the demo storefront signs customers with this; it is public, so production refuses it. */
export const DEMO_IDENTITY_SECRET = 'concierge-demo-identity-secret-change-me';

export const MIN_SECRET_CHARS = 32;
export const MIN_PASSWORD_CHARS = 12;

/**
 * Everything production needs and lacks, one line per variable, so an operator fixes them all in
 * one go. Production must never fall back to a demo secret, a generated per-instance secret or a
 * demo login.
 */
export function productionProblems(e: Env): string[] {
  const problems: string[] = [];
  const secret = (name: 'IDENTITY_SECRET' | 'SESSION_SECRET', what: string) => {
    const value = e[name];
    if (!value) problems.push(`${name}: missing (${what}; at least ${MIN_SECRET_CHARS} characters)`);
    else if (value === DEMO_IDENTITY_SECRET) problems.push(`${name}: is the public demo secret`);
    else if (value.length < MIN_SECRET_CHARS) problems.push(`${name}: must be at least ${MIN_SECRET_CHARS} characters`);
  };
  secret('IDENTITY_SECRET', "the secret your shop's backend signs customer ids with");
  const shared = [e.DATABASE_URL && 'DATABASE_URL', e.REDIS_URL && 'REDIS_URL'].filter(Boolean).join(' and ');
  secret(
    'SESSION_SECRET',
    shared
      ? `signs shopper sessions; instances sharing ${shared} must all use the same one`
      : 'signs shopper sessions; the same on every instance',
  );
  if (e.CONSOLE_AGENTS.length === 0) {
    problems.push(
      `CONSOLE_AGENTS: missing (the complete list of console logins, "email:password:role", ` +
        `passwords of at least ${MIN_PASSWORD_CHARS} characters)`,
    );
  }
  for (const a of e.CONSOLE_AGENTS) {
    if (a.password.length < MIN_PASSWORD_CHARS) {
      problems.push(`CONSOLE_AGENTS: the password of ${a.email} must be at least ${MIN_PASSWORD_CHARS} characters`);
    }
    if (DEMO_AGENTS.some((d) => d.password === a.password)) {
      problems.push(`CONSOLE_AGENTS: ${a.email} uses the public demo password`);
    }
  }
  return problems;
}
