import type { Language } from '../shared/language.js';
import type { ToolSpec } from '../tools/tool-spec.js';

export type { ToolSpec };

/**
 * The provider-neutral chat model interface. Both the OpenAI-compatible provider and the
 * offline model implement it, and the agent loop only ever talks to it.
 */
export interface ToolCall {
  id: string;
  name: string;
  /** The raw JSON arguments string exactly as the model produced it (it may be invalid). */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** Why a question went unanswered: no policy section held it, or the message was not understood. */
export type UnansweredReason = 'no_policy_match' | 'not_understood';

export type ModelChunk =
  | { type: 'text_delta'; text: string }
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'usage'; usage: TokenUsage }
  /** The model could not answer the question (a knowledge gap); only models that can tell say so. */
  | { type: 'unanswered'; reason: UnansweredReason }
  | { type: 'finish'; reason: 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'other' };

export interface ModelRequest {
  messages: ChatMessage[];
  tools: ToolSpec[];
  signal?: AbortSignal;
  /** The conversation's language (docs/languages.md): the language to answer in. */
  language?: Language;
}

export interface ChatModel {
  /** e.g. `openai:gpt-4o-mini` or `offline:rules-v1`. Recorded on every assistant message. */
  readonly id: string;
  /** Streams one model step. Tool calls are yielded whole, once their arguments are complete. */
  stream(request: ModelRequest): AsyncIterable<ModelChunk>;
}
