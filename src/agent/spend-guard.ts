import type { ModelUsage } from '../conversations/model-usage.js';
import type { Logger } from '../logger.js';
import type { ChatModel, TokenUsage } from './model.js';

export interface SpendGuard {
  /** The model for this turn: the configured one, or the offline model once a cap is reached. */
  choose(conversationId: string): Promise<{ model: ChatModel; fallback: 'conversation' | 'day' | null }>;
  /** Counts a turn's tokens (only a paid model's). */
  record(conversationId: string, model: ChatModel, usage: TokenUsage): Promise<void>;
}

/**
 * Model spend caps: a conversation may spend `tokensPerConversation` tokens and all of them together
 * `tokensPerDay` (0 = no cap). Past a cap the offline model answers, for that conversation or the
 * rest of the day, and the log says so once; each reply records `budgetFallback` in its meta.
 */
export function createSpendGuard(deps: {
  model: ChatModel;
  fallback: ChatModel;
  usage: ModelUsage;
  tokensPerConversation: number;
  tokensPerDay: number;
  logger: Pick<Logger, 'warn'>;
  onFallback?: (scope: 'conversation' | 'day') => void;
  now?: () => Date;
}): SpendGuard {
  const today = () => (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  const warned = new Set<string>();
  const paid = deps.model !== deps.fallback;
  return {
    async choose(conversationId) {
      if (!paid || (deps.tokensPerConversation === 0 && deps.tokensPerDay === 0)) {
        return { model: deps.model, fallback: null };
      }
      const day = today();
      const spent = await deps.usage.spent(conversationId, day);
      const scope =
        deps.tokensPerDay > 0 && spent.day >= deps.tokensPerDay
          ? 'day'
          : deps.tokensPerConversation > 0 && spent.conversation >= deps.tokensPerConversation
            ? 'conversation'
            : null;
      if (!scope) return { model: deps.model, fallback: null };
      deps.onFallback?.(scope);
      const key = scope === 'day' ? `day:${day}` : `conversation:${conversationId}`;
      if (!warned.has(key)) {
        warned.add(key);
        deps.logger.warn(`model spend cap reached (${scope}): the offline model answers instead`, {
          conversationId,
          spent: scope === 'day' ? spent.day : spent.conversation,
          cap: scope === 'day' ? deps.tokensPerDay : deps.tokensPerConversation,
        });
      }
      return { model: deps.fallback, fallback: scope };
    },
    async record(conversationId, model, usage) {
      if (!paid || model === deps.fallback) return;
      await deps.usage.add(conversationId, today(), usage.promptTokens + usage.completionTokens);
    },
  };
}
