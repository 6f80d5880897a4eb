import type { Conversation, ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import type { Database } from '../db/database.js';
import { evaluateHandoffRules, type HandoffRuleConfig } from './handoff-rules.js';
import { RateLimitError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { HumanRequests } from '../tools/tool-deps.js';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/**
 * Runs on every stored shopper message: queues the conversation when a handoff rule fires,
 * and while it waits for a person, keeps an email address the shopper leaves for a reply.
 */
export async function applyHandoffRules(
  deps: {
    config: HandoffRuleConfig;
    conversations: ConversationStore;
    humans: HumanRequests;
    db: Database;
    events: EventLog;
    logger: Pick<Logger, 'warn'>;
  },
  conv: Conversation,
  text: string,
  from: { clientIp: string | null },
): Promise<void> {
  if (conv.status === 'queued') {
    const email = EMAIL.exec(text)?.[0];
    if (email) {
      await deps.db.query('UPDATE conversations SET contact_email = $2 WHERE id = $1', [conv.id, email]);
      await deps.events.append(conv.id, {
        type: 'message.created',
        messageId: `email_${Date.now()}`,
        role: 'system',
        text: `Thanks — we'll also reply to ${email}.`,
      });
    }
    return;
  }
  if (conv.status !== 'bot') return;
  const verdict = evaluateHandoffRules(deps.config, text, await deps.conversations.messages(conv.id));
  if (!verdict) return;
  try {
    await deps.humans.request(conv.id, { reason: verdict.reason, urgency: verdict.urgency, source: 'rule' }, from);
  } catch (err) {
    // Too many handoffs from this client: the assistant answers as usual instead.
    if (!(err instanceof RateLimitError)) throw err;
    deps.logger.warn('handoff rule not applied: too many handoffs from this client', { conversationId: conv.id });
  }
}
