import type { EventLog } from './event-log.js';
import type { ConversationEvent, StatusNotice } from './event-types.js';
import type { Database, Queryable } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { isOpen, nextOpening, nextOpeningAt, type BusinessHours } from '../shared/business-hours.js';

const MINUTES_PER_WAITING_SHOPPER = 2;

/** The person taking, handing back or closing a conversation. */
export interface HandoffAgent {
  email: string;
  name: string;
}

export interface QueueRequest {
  reason: string;
  urgency: 'low' | 'normal' | 'high';
  source: 'shopper' | 'assistant' | 'rule' | 'agent';
}

/**
 * Who owns a conversation: `bot` → `queued` → `human(agent)` → `bot` or `closed`. Every
 * transition is one conditional UPDATE, so two agents claiming at once cannot both win, and
 * each handoff starts a new epoch. Each change is told to the shopper as a status event.
 */
export function createOwnership(deps: {
  db: Database;
  events: EventLog;
  hours: BusinessHours;
  now?: () => Date;
  /** Told of each conversation newly queued for a person (metrics). */
  onQueued?: (req: QueueRequest) => void;
}) {
  const { db, events } = deps;
  const now = deps.now ?? (() => new Date());

  async function inTx<T>(fn: (tx: Queryable, out: ConversationEvent[]) => Promise<T>): Promise<T> {
    const out: ConversationEvent[] = [];
    const result = await db.transaction((tx) => fn(tx, out));
    events.publish(out);
    return result;
  }

  async function current(tx: Queryable, id: string) {
    const r = await tx.query<{ status: string; assigned_agent: string | null; name: string | null }>(
      'SELECT c.status, c.assigned_agent, a.name FROM conversations c LEFT JOIN agents a ON a.email = c.assigned_agent WHERE c.id = $1',
      [id],
    );
    if (!r.rows[0]) throw new NotFoundError('conversation:not_found', 'Conversation not found.');
    return r.rows[0];
  }

  /** Who holds a conversation, by name when the agent has one (the console words the refusal from it). */
  const holder = (c: { assigned_agent: string | null; name: string | null }) => c.name ?? c.assigned_agent ?? '';

  return {
    /** Queues a conversation for a person and tells the shopper their place and wait (or when the team is back). */
    async requestHuman(conversationId: string, req: QueueRequest): Promise<{ queuePosition: number }> {
      return inTx(async (tx, out) => {
        await tx.query(
          'INSERT INTO human_requests (conversation_id, source, reason, urgency) VALUES ($1, $2, $3, $4)',
          [conversationId, req.source, req.reason, req.urgency],
        );
        const moved = await tx.query(
          `UPDATE conversations SET status = 'queued', epoch = epoch + 1, queued_at = now(), updated_at = now() WHERE id = $1 AND status IN ('bot', 'closed')`,
          [conversationId],
        );
        const pos = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM conversations WHERE status = 'queued' AND queued_at <= (SELECT queued_at FROM conversations WHERE id = $1)`,
          [conversationId],
        );
        const queuePosition = Math.max(1, pos.rows[0]?.n ?? 1);
        if (moved.rowCount > 0) {
          const open = isOpen(deps.hours, now());
          const minutes = queuePosition * MINUTES_PER_WAITING_SHOPPER;
          const text = open
            ? `You're in the queue (about ${minutes} min). A member of our team will join here.`
            : `Our team is away right now and will reply ${nextOpening(deps.hours, now())}. Leave your email address here and we'll answer by email too; your request stays in the queue.`;
          const notice: StatusNotice = open
            ? { kind: 'queued', minutes }
            : { kind: 'away', opens: nextOpeningAt(deps.hours, now()) };
          out.push(
            await events.append(
              conversationId,
              { type: 'status.changed', status: 'queued', queuePosition, text, notice },
              tx,
            ),
          );
          deps.onQueued?.(req);
        }
        return { queuePosition };
      });
    },

    /** Takes a conversation for an agent. Exactly one of several agents claiming at once wins. */
    async claim(conversationId: string, agent: HandoffAgent): Promise<void> {
      return inTx(async (tx, out) => {
        const won = await tx.query(
          `UPDATE conversations SET status = 'human', assigned_agent = $2, epoch = epoch + 1, updated_at = now()
           WHERE id = $1 AND status IN ('bot', 'queued')`,
          [conversationId, agent.email],
        );
        if (won.rowCount === 0) {
          const c = await current(tx, conversationId);
          if (c.status === 'human' && c.assigned_agent === agent.email) return;
          if (c.status === 'human')
            throw new ConflictError('handoff:already_taken', `Already taken by ${holder(c)}.`, {
              details: { agentName: holder(c) },
            });
          throw new ConflictError('handoff:closed', 'This conversation is closed.');
        }
        await tx.query(
          'UPDATE human_requests SET resolved_at = now() WHERE conversation_id = $1 AND resolved_at IS NULL',
          [conversationId],
        );
        await tx.query(
          `UPDATE messages SET turn_state = 'skipped' WHERE conversation_id = $1 AND turn_state = 'pending'`,
          [conversationId],
        );
        out.push(
          await events.append(
            conversationId,
            {
              type: 'status.changed',
              status: 'human',
              agentName: agent.name,
              text: `${agent.name} joined the conversation.`,
              notice: { kind: 'joined', agent: agent.name },
            },
            tx,
          ),
        );
      });
    },

    /** Hands back to the assistant. Only the agent who holds it can. */
    async release(conversationId: string, agent: HandoffAgent): Promise<void> {
      return inTx(async (tx, out) => {
        const r = await tx.query(
          `UPDATE conversations SET status = 'bot', assigned_agent = NULL, epoch = epoch + 1, updated_at = now()
           WHERE id = $1 AND status = 'human' AND assigned_agent = $2`,
          [conversationId, agent.email],
        );
        if (r.rowCount === 0) throw await notYours(tx, conversationId);
        out.push(
          await events.append(
            conversationId,
            {
              type: 'status.changed',
              status: 'bot',
              agentName: agent.name,
              text: `${agent.name} left — the assistant is back.`,
              notice: { kind: 'left', agent: agent.name },
            },
            tx,
          ),
        );
      });
    },

    /**
     * Closes with a resolution; the shopper is asked for a rating. A closed conversation reopens when the shopper
     * writes.
     */
    async close(conversationId: string, agent: HandoffAgent, resolution: string): Promise<void> {
      return inTx(async (tx, out) => {
        const r = await tx.query(
          `UPDATE conversations SET status = 'closed', assigned_agent = NULL, resolution = $3, closed_at = now(), epoch = epoch + 1, updated_at = now()
           WHERE id = $1 AND ((status = 'human' AND assigned_agent = $2) OR status IN ('bot', 'queued'))`,
          [conversationId, agent.email, resolution],
        );
        if (r.rowCount === 0) throw await notYours(tx, conversationId);
        await tx.query(
          'UPDATE human_requests SET resolved_at = now() WHERE conversation_id = $1 AND resolved_at IS NULL',
          [conversationId],
        );
        out.push(
          await events.append(
            conversationId,
            {
              type: 'status.changed',
              status: 'closed',
              agentName: agent.name,
              text: `${agent.name} closed the conversation. How did we do?`,
              notice: { kind: 'closed', agent: agent.name },
            },
            tx,
          ),
        );
      });
    },

    /** Whether a person already has or is about to take this conversation (asking again is no new handoff). */
    async isWaitingForHuman(conversationId: string): Promise<boolean> {
      const r = await db.query<{ status: string }>('SELECT status FROM conversations WHERE id = $1', [conversationId]);
      return r.rows[0]?.status === 'queued' || r.rows[0]?.status === 'human';
    },

    /** Throws unless this agent holds the conversation. */
    async requireHolder(conversationId: string, agent: HandoffAgent): Promise<void> {
      const c = await current(db, conversationId);
      if (c.status !== 'human' || c.assigned_agent !== agent.email) throw await notYours(db, conversationId);
    },
  };

  async function notYours(q: Queryable, conversationId: string) {
    const c = await current(q, conversationId);
    if (c.status === 'human')
      return new ConflictError('handoff:not_yours', `${holder(c)} holds this conversation.`, {
        details: { agentName: holder(c) },
      });
    if (c.status === 'closed') return new ConflictError('handoff:closed', 'This conversation is closed.');
    return new ConflictError('handoff:not_claimed', 'Take the conversation first.');
  }
}

export type Ownership = ReturnType<typeof createOwnership>;
