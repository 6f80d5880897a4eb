import type { SessionResponse } from '../../src/chat/protocol.js';
import { t } from '../i18n/live.js';
import { refusalText, type ServerRefusal } from './refusal-text.js';

/** An error the server reported (`{ error: { code, message } }`) or a network failure. */
export class ChatError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Session = SessionResponse;

/**
 * The shopper's session token, kept in localStorage per server origin, so a reload or a new
 * tab carries on the same conversation.
 */
export function createSessionStore(serverOrigin: string, storage: Storage | null = safeStorage()) {
  const key = `concierge:session:${serverOrigin}`;
  return {
    load(): Session | null {
      try {
        const s = JSON.parse(storage?.getItem(key) ?? 'null') as Session | null;
        return s && typeof s.token === 'string' && typeof s.conversationId === 'string' ? s : null;
      } catch {
        return null;
      }
    },
    save(s: Session) {
      try {
        storage?.setItem(key, JSON.stringify(s));
      } catch {
        // Storage full or blocked: the session lasts for this page only.
      }
    },
  };
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // third-party storage blocked
  }
}

/** POST /api/sessions. Passing the current token carries on its conversation where the server allows. */
export async function requestSession(
  apiBase: string,
  body: { customerId?: string; customerHash?: string; token?: string },
): Promise<Session> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ChatError('network:offline', t('error.offline'));
  }
  const json = (await res.json().catch(() => null)) as (Session & { error?: ServerRefusal }) | null;
  if (!res.ok || !json || json.error)
    throw new ChatError(
      json?.error?.code ?? `http:${res.status}`,
      json?.error ? refusalText(json.error) : t('error.session'),
    );
  return { token: json.token, conversationId: json.conversationId, customer: json.customer };
}

/** POST of an empty JSON body with the session's token; an error answer becomes a ChatError with its code. */
export async function postJson<T>(url: string, token: string | undefined): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body: '{}',
    });
  } catch {
    throw new ChatError('network:offline', t('error.offline'));
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: ServerRefusal }) | null;
  if (!res.ok || !json || json.error)
    throw new ChatError(
      json?.error?.code ?? `http:${res.status}`,
      json?.error ? refusalText(json.error) : t('error.failed'),
    );
  return json;
}
