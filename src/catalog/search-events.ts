import type { Queryable } from '../db/database.js';
import type { Logger } from '../logger.js';

export type SearchChannel = 'assistant' | 'storefront' | 'mcp';

/** Where a search came from: the surface, and for the assistant its conversation and prompt version. */
export interface SearchSource {
  channel: SearchChannel;
  conversationId?: string | null;
  promptVersion?: string | null;
}

export interface SearchEvent extends SearchSource {
  query: string;
  resultCount: number;
  /** Nothing passed the finder's judgement: the shop does not have what was asked. */
  zeroResult: boolean;
}

/** Lowercase, punctuation as spaces, single spaces: "Kayaks?" and "kayaks" count as one search. */
export function normalizeSearchQuery(query: string): string {
  return query
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Records searches for the studio's analytics: one INSERT each. A failure is logged and never
 * reaches the shopper, whose search has its answer already.
 */
export function createSearchEvents(deps: { db: Queryable; logger: Pick<Logger, 'error'> }) {
  return {
    async record(e: SearchEvent): Promise<void> {
      try {
        await deps.db.query(
          `INSERT INTO search_events
             (query, normalized_query, result_count, zero_result, channel, conversation_id, prompt_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            e.query.slice(0, 500),
            normalizeSearchQuery(e.query).slice(0, 500),
            e.resultCount,
            e.zeroResult,
            e.channel,
            e.conversationId ?? null,
            e.promptVersion ?? null,
          ],
        );
      } catch (err) {
        deps.logger.error('could not record a search', { channel: e.channel, err });
      }
    },
  };
}

export type SearchEvents = ReturnType<typeof createSearchEvents>;
