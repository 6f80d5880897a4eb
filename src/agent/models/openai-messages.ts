import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatMessage, ModelChunk } from '../model.js';

/** ChatMessage → OpenAI chat-completions message params. */
export function toOpenAIMessages(messages: readonly ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    switch (m.role) {
      case 'system':
      case 'user':
        return { role: m.role, content: m.content };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      case 'assistant': {
        const calls = m.toolCalls ?? [];
        if (calls.length === 0) return { role: 'assistant', content: m.content ?? '' };
        return {
          role: 'assistant',
          content: m.content || null,
          tool_calls: calls.map((c) => ({
            id: c.id,
            type: 'function',
            function: { name: c.name, arguments: c.arguments },
          })),
        };
      }
    }
  });
}

/** A whole (non-streamed) completion as the chunks a stream would have produced. */
export function completionToChunks(completion: ChatCompletion): ModelChunk[] {
  const chunks: ModelChunk[] = [];
  const choice = completion.choices?.[0];
  const text = choice?.message?.content ?? choice?.message?.refusal;
  if (text) chunks.push({ type: 'text_delta', text });
  for (const call of choice?.message?.tool_calls ?? []) {
    if (call.type === 'function')
      chunks.push({
        type: 'tool_call',
        call: { id: call.id, name: call.function.name, arguments: call.function.arguments },
      });
  }
  if (completion.usage) {
    chunks.push({
      type: 'usage',
      usage: { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens },
    });
  }
  return chunks;
}
