import type { Database } from '../db/database.js';
import type { QueueFilter, QueueItem, QueuePage } from './agent-protocol.js';

interface Row {
  id: string;
  status: QueueItem['status'];
  assigned_agent: string | null;
  agent_name: string | null;
  queued_at: Date | null;
  reason: string | null;
  urgency: QueueItem['urgency'];
  language: string | null;
  customer_id: string | null;
  first_name: string | null;
  last_name: string | null;
  last_message: string | null;
  total: number;
}

/** Waiting for a person, held by one, or recently with the assistant (and the shopper wrote). */
const IN_QUEUE = `(c.status IN ('queued', 'human')
  OR (c.status = 'bot' AND c.updated_at > now() - interval '2 hours'
      AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user')))`;

const FILTERS: Record<QueueFilter, string> = {
  all: IN_QUEUE,
  waiting: `c.status = 'queued'`,
  mine: `c.status = 'human' AND c.assigned_agent = $3`,
};

/**
 * The agent queue, a page at a time: waiting conversations first, the most urgent first, signed-in
 * customers before anonymous sessions of the same urgency (a flood of free sessions cannot bury
 * them), then the longest waiting.
 */
export async function loadQueuePage(
  db: Database,
  pendingApprovals: Map<string, number>,
  q: { filter: QueueFilter; limit: number; offset: number; agentEmail: string },
): Promise<QueuePage> {
  const [rows, counts] = await Promise.all([
    db.query<Row>(
      `SELECT c.id, c.status, c.assigned_agent, a.name AS agent_name, c.queued_at, coalesce(c.language, cu.language, c.page_language) AS language, c.customer_id,
              cu.first_name, cu.last_name, hr.reason, hr.urgency, count(*) OVER ()::int AS total,
              (SELECT m.content FROM messages m WHERE m.conversation_id = c.id AND m.role IN ('user', 'agent')
               ORDER BY m.id DESC LIMIT 1) AS last_message
       FROM conversations c
       LEFT JOIN agents a ON a.email = c.assigned_agent
       LEFT JOIN customers cu ON cu.id = c.customer_id
       LEFT JOIN LATERAL (SELECT reason, urgency FROM human_requests h WHERE h.conversation_id = c.id
                          ORDER BY h.id DESC LIMIT 1) hr ON true
       WHERE ${FILTERS[q.filter]}
       ORDER BY CASE c.status WHEN 'queued' THEN 0 WHEN 'human' THEN 1 ELSE 2 END,
                CASE hr.urgency WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END,
                (c.customer_id IS NULL), c.queued_at NULLS LAST, c.updated_at DESC, c.id
       LIMIT $1 OFFSET $2`,
      [q.limit, q.offset, ...(q.filter === 'mine' ? [q.agentEmail] : [])],
    ),
    db.query<{ waiting: number; mine: number; all: number }>(
      `SELECT count(*) FILTER (WHERE c.status = 'queued')::int AS waiting,
              count(*) FILTER (WHERE c.status = 'human' AND c.assigned_agent = $1)::int AS mine,
              count(*)::int AS all
       FROM conversations c WHERE ${IN_QUEUE}`,
      [q.agentEmail],
    ),
  ]);
  return {
    items: rows.rows.map((c) => ({
      conversationId: c.id,
      status: c.status,
      assignedAgent: c.assigned_agent,
      assignedAgentName: c.agent_name,
      waitingSince: c.status === 'queued' && c.queued_at ? new Date(c.queued_at).toISOString() : null,
      reason: c.status === 'bot' ? null : c.reason,
      urgency: c.status === 'bot' ? null : c.urgency,
      language: c.language,
      customer: c.customer_id ? { id: c.customer_id, name: `${c.first_name ?? ''} ${c.last_name ?? ''}`.trim() } : null,
      lastMessage: c.last_message ? c.last_message.slice(0, 140) : null,
      pendingApprovals: pendingApprovals.get(c.id) ?? 0,
    })),
    total: rows.rows[0]?.total ?? (q.offset === 0 ? 0 : counts.rows[0][q.filter]),
    offset: q.offset,
    limit: q.limit,
    filter: q.filter,
    counts: counts.rows[0],
  };
}
