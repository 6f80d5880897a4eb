import type { Request } from 'express';
import type { SessionClaims, SessionTokens } from '../identity/session-tokens.js';
import { AuthError } from '../errors.js';

/** The shopper session from `Authorization: Bearer <token>`, or a 401. */
export function requireSession(tokens: SessionTokens, req: Request): SessionClaims {
  const header = req.get('authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  const claims = tokens.verify(m?.[1]);
  if (!claims)
    throw new AuthError(
      'auth:bad_session',
      'Missing or invalid session token: start a session with POST /api/sessions.',
    );
  return claims;
}
