import { t, type MessageKey } from '../i18n/live.js';
import { ConsoleError } from './api.js';

/** The server's refusals the console words itself; their `message` is English, for API clients. */
const SERVER_WORDS: Record<string, MessageKey> = {
  'auth:agent_required': 'console.sessionEnded',
  'auth:bad_login': 'console.error.badLogin',
  'limits:rate_limited': 'console.error.tooMany',
  'internal:server': 'console.error.server',
  'handoff:closed': 'console.error.closed',
  'handoff:not_claimed': 'console.error.notClaimed',
  'conversation:not_found': 'console.error.conversationNotFound',
  'approval:not_found': 'console.error.noApproval',
  'approval:decided': 'console.error.decided',
  'approval:note_required': 'console.error.noteRequired',
  'action:not_found': 'console.error.noChange',
  'action:done': 'console.error.changeDone',
  'action:decided': 'console.error.changeDecided',
  'order:anonymous': 'console.error.notSignedIn',
  'translate:failed': 'console.error.noTranslation',
  'translate:unavailable': 'console.error.translationOff',
};

/** Refusals that name the colleague who holds the conversation (`details.agentName`). */
const NAMING_WORDS: Record<string, MessageKey> = {
  'handoff:already_taken': 'console.error.alreadyTaken',
  'handoff:not_yours': 'console.error.notYours',
};

function agentName(details: unknown): string | null {
  const name = (details as { agentName?: unknown } | undefined)?.agentName;
  return typeof name === 'string' && name ? name : null;
}

/**
 * What the agent reads for a failed action, in the console's language: a refusal the console knows
 * by its code in its own words; the console's own errors are worded already; any other refusal
 * keeps the server's message. Anything that is not a ConsoleError gets `fallback`.
 */
export function errorText(err: unknown, fallback: MessageKey): string {
  if (!(err instanceof ConsoleError)) return t(fallback);
  const naming = NAMING_WORDS[err.code];
  const name = naming ? agentName(err.details) : null;
  if (naming && name) return t(naming, { name });
  const key = SERVER_WORDS[err.code];
  if (key) return t(key);
  return err.message || t(fallback);
}
