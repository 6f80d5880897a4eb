import type { StoredMessage } from '../conversations/conversation-store.js';
import type { ChatMessage } from './model.js';

/**
 * The stored conversation as the model should see it: the shopper's and assistant's turns with
 * their tool exchanges; a human agent's replies appear as assistant text marked as theirs.
 * Private notes and system lines are never sent.
 */
export function toModelHistory(messages: StoredMessage[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', content: m.content ?? '' });
    else if (m.role === 'assistant')
      out.push({ role: 'assistant', content: m.content, ...(m.toolCalls?.length ? { toolCalls: m.toolCalls } : {}) });
    else if (m.role === 'tool')
      out.push({ role: 'tool', toolCallId: m.toolCallId ?? '', name: m.toolName ?? '', content: m.content ?? '' });
    else if (m.role === 'agent')
      out.push({ role: 'assistant', content: `[A human support agent replied] ${m.content ?? ''}` });
  }
  return out;
}
