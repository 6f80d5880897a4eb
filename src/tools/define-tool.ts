import type { Language } from '../shared/language.js';
import type { z } from 'zod';

/**
 * What a tool knows about the turn it runs in. Identity comes from the verified session,
 * server-side; a tool never takes a customer id from the model.
 */
export interface ToolContext {
  conversationId: string;
  /** The verified customer, or null for an anonymous shopper. */
  customerId: string | null;
  /** The cart of this shopper session. */
  cartId: string;
  /** The shopper's address, for limits that count per client (new handoffs); null when unknown. */
  clientIp?: string | null;
  /** Who is acting: the assistant (tool calls) or, for cart changes made outside the model, others. */
  actor: 'assistant';
  signal?: AbortSignal;
  /**
   * Set for a shopper's turn: the prompt version answering it, and its searches are recorded for
   * the studio's analytics (a studio preview's are not).
   */
  analytics?: { promptVersion: string };
  /**
   * The turn's language (the shopper's): tools show catalog and policy translations in it when
   * the shop has them. Absent outside a shopper's turn (the catalog's own language is used).
   */
  language?: Language;
}

export interface ToolDefinition<I extends z.ZodType = z.ZodType, O = unknown> {
  /** snake_case; part of the model's public API. */
  name: string;
  description: string;
  input: I;
  /** Changes nothing (no cart, order, handoff or conversation): a studio preview may run it. */
  readOnly?: boolean;
  run: (input: z.infer<I>, ctx: ToolContext) => Promise<O>;
}

export function defineTool<I extends z.ZodType, O>(tool: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return tool;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDefinition<any, any>;
