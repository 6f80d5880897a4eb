import type { ConversationEvent } from '../conversations/event-types.js';
import type { Queryable } from '../db/database.js';

interface VersionRow {
  reply_id: string;
  prompt_version: string | null;
  prompt_versions: Record<string, string> | null;
}

/**
 * The conversation's events with the prompt versions each assistant reply was written with
 * (recorded with the stored reply), for the console; the shopper's events never carry them.
 */
export async function withReplyVersions(
  db: Queryable,
  conversationId: string,
  events: ConversationEvent[],
): Promise<ConversationEvent[]> {
  const replyIds = events.flatMap((e) => (e.type === 'message.completed' ? [e.messageId] : []));
  if (replyIds.length === 0) return events;
  const r = await db.query<VersionRow>(
    `SELECT meta->>'replyId' AS reply_id, meta->>'promptVersion' AS prompt_version,
            meta->'promptVersions' AS prompt_versions
     FROM messages WHERE conversation_id = $1 AND role = 'assistant' AND meta->>'replyId' = ANY($2::text[])`,
    [conversationId, replyIds],
  );
  const byReply = new Map(r.rows.map((x) => [x.reply_id, x]));
  return events.map((e) => {
    const v = e.type === 'message.completed' ? byReply.get(e.messageId) : undefined;
    if (!v?.prompt_version) return e;
    return { ...e, promptVersion: v.prompt_version, promptVersions: v.prompt_versions ?? {} };
  });
}
