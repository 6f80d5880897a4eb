import { waitIn } from '../../src/shared/describe-wait.js';
import { t } from '../i18n/live.js';

/** A refusal as the server sends it (`{ error: { code, message, details } }`). */
export interface ServerRefusal {
  code: string;
  message: string;
  details?: unknown;
}

/**
 * The shopper's words for a refusal, in the chat's language: the server's message is English and
 * meant for API clients. A code the widget does not know keeps the server's message.
 */
export function refusalText(error: ServerRefusal): string {
  switch (error.code) {
    case 'limits:rate_limited': {
      const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      const { unit, count } = waitIn(typeof wait === 'number' && wait > 0 ? Math.ceil(wait) : 60);
      return unit === 'seconds'
        ? t('error.rateLimitedSeconds', { seconds: count })
        : t('error.rateLimitedMinutes', { minutes: count });
    }
    case 'message:too_long':
    case 'socket:bad_payload':
    case 'http:bad_request':
    case 'http:bad_json':
      return t('error.badRequest');
    case 'conversation:not_found':
    case 'auth:bad_session':
      return t('error.conversationGone');
    case 'action:not_found':
      return t('error.actionGone');
    case 'message:not_found':
      return t('error.nothingToRetry');
    case 'http:payload_too_large':
      return t('error.badRequest');
    default:
      return error.message || t('error.failed');
  }
}
