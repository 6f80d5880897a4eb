import type { ProductSummary } from '../catalog/types.js';
import type { ChatMessage, TokenUsage, ToolCall, UnansweredReason } from './model.js';

/** What a finished turn looks like to the chat layer (and what it records). */
export interface AgentTurnMessage {
  /** All text the shopper saw this turn, steps joined by a blank line (same as the text_deltas). */
  content: string;
  /** Every tool call the model made this turn, in order. */
  toolCalls: ToolCall[];
  usage: TokenUsage;
  /** firstTokenMs is null when the turn produced no text; modelMs is the time spent waiting for the model. */
  timings: { firstTokenMs: number | null; totalMs: number; modelMs: number };
  /** Model calls made. */
  steps: number;
  /** `model.id`, e.g. `openai:gpt-4o-mini`. */
  model: string;
  /** The model still wanted tools after maxSteps; the turn ended with a fallback text. */
  stepLimitReached: boolean;
  /** Set when the model said it could not answer (a knowledge gap); models that cannot tell never set it. */
  unanswered?: UnansweredReason;
}

export interface AgentErrorInfo {
  /** `agent:aborted` or `model:unavailable`. */
  code: 'agent:aborted' | 'model:unavailable';
  /** Safe to show to the shopper. */
  message: string;
}

export type AgentEvent =
  | { type: 'text_delta'; text: string }
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'tool_result'; callId: string; name: string; result: unknown; isError: boolean }
  | { type: 'products'; products: ProductSummary[] }
  | { type: 'handoff'; reason: string; urgency: 'low' | 'normal' | 'high' }
  | {
      type: 'done';
      message: AgentTurnMessage;
      /** Assistant and tool messages appended this turn, in order: persist them after the user message. */
      newMessages: ChatMessage[];
    }
  | {
      type: 'error';
      error: AgentErrorInfo;
      retryable: boolean;
      /**
       * Messages of the steps that completed before the failure (tools may have changed the cart):
       * persist them like `done.newMessages`. Never contains a tool call without its result.
       */
      newMessages: ChatMessage[];
      /** Time spent waiting for the model before the failure. */
      modelMs?: number;
    };

export type AgentEventType = AgentEvent['type'];
