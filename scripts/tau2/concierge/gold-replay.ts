/**
 * The gold replay (Issue 11): a scripted model issues each tau2 task's gold actions, mapped to
 * Concierge's tools (gold-calls.ts), through the real agent loop (`runTurn`, the same tools, rules
 * and prompts as the shop); the shopper confirms each prepared change the way the confirm button
 * does. The resulting customers and orders are exported (export-state.ts) and diffed against the
 * reference executor's state of the same task.
 */
import { runTurn, type TurnEvent } from '../../../src/agent/run-turn.js';
import { createOpenAIClient } from '../../../src/agent/models/create-openai-client.js';
import { createOpenAIModel } from '../../../src/agent/models/openai-model.js';
import type { Database } from '../../../src/db/database.js';
import type { ChatScript } from '../../../tests/msw/openai-chat.js';
import { streamReply, TEST_OPENAI_BASE_URL } from '../../../tests/msw/openai-chat.js';
import { replayGoldDetailed } from '../replay.js';
import { diffStates, formatMismatch, type StateMismatch } from '../state-diff.js';
import type { Tau2Task } from '../tau2-db.js';
import { toTau2State } from '../tau2-state.js';
import { confirmAsShopper } from './confirm.js';
import { exportTau2State } from './export-state.js';
import { toToolCall } from './gold-calls.js';
import { openTaskSession, type Tau2Shop } from './tau2-shop.js';

/** What became of one gold action in Concierge. */
export interface ReplayStep {
  actionIndex: number;
  gold: string;
  tool: string | null;
  outcome: 'done' | 'refused' | 'read' | 'no tool';
  message?: string;
  /** The refund was over the approval threshold, and a console agent approved it. */
  approved?: boolean;
}

export interface TaskResult {
  taskId: string;
  match: boolean;
  writes: number;
  steps: ReplayStep[];
  mismatches: StateMismatch[];
  /** Gold writes the reference rejected but Concierge did (or the other way round). */
  disagreements: string[];
}

const config = {
  shop: { name: 'tau2 retail', currency: 'USD' },
  model: { timeoutMs: 10_000, maxRetries: 0, maxSteps: 4, historyTokenBudget: 6_000 },
  promptsDir: new URL('../../../prompts', import.meta.url).pathname,
  promptsWatch: false,
  handoff: {
    businessHours: 'mon-sun 00:00-24:00',
    timezone: 'UTC',
    approvalMaxQuantity: 5,
    approvalMaxLineValue: 500,
    approvalMaxRefund: 500,
    unhelpfulTurns: 3,
    onAnger: false,
    onOrderProblem: false,
  },
};

/** The provider pointed at the scripted fake of the OpenAI API (msw, in its wire format). */
function scriptedModel() {
  const client = createOpenAIClient({
    apiKey: 'tau2-gold',
    baseURL: TEST_OPENAI_BASE_URL,
    timeoutMs: 10_000,
    maxRetries: 0,
  });
  return createOpenAIModel({ client, model: 'gold-script', streamIdleMs: 10_000 });
}

type ToolResult = Extract<TurnEvent, { type: 'tool_result' }>;

async function collect(events: AsyncIterable<TurnEvent>): Promise<{ results: ToolResult[]; failed: string | null }> {
  const results: ToolResult[] = [];
  let failed: string | null = null;
  for await (const ev of events) {
    if (ev.type === 'tool_result') results.push(ev);
    if (ev.type === 'failed') failed = ev.error.message;
  }
  return { results, failed };
}

/**
 * Runs one task's gold actions through the agent loop on a fresh copy of the shop and compares the
 * result with the reference. `script` must be the chat script msw serves on TEST_OPENAI_BASE_URL.
 */
export async function replayTask(
  shop: Tau2Shop,
  task: Tau2Task,
  script: ChatScript,
  opts: { beforeExport?: (db: Database) => Promise<void> } = {},
): Promise<TaskResult> {
  const expected = replayGoldDetailed(shop.raw, task);
  const session = await openTaskSession(shop, {
    config,
    model: scriptedModel(),
    task,
    sessionId: `tau2_${task.id}`,
  });
  const { db, core, conversation: conv, sessionId: sid } = session;
  try {
    const steps: ReplayStep[] = [];
    for (const [actionIndex, action] of (task.evaluation_criteria.actions ?? []).entries()) {
      const call = toToolCall(action);
      const step: ReplayStep = { actionIndex, gold: action.name, tool: call?.tool ?? null, outcome: 'no tool' };
      steps.push(step);
      if (!call) continue;
      const callId = `call_${task.id}_${actionIndex}`;
      script.reply(
        streamReply({ toolCalls: [{ id: callId, name: call.tool, arguments: JSON.stringify(call.args) }] }),
        streamReply({ text: call.write ? 'Please check the change and confirm it.' : 'Here is your order.' }),
      );
      const current = (await core.conversations.get(conv.id))!;
      const text = `(gold action ${actionIndex}: ${action.name})`;
      const { results, failed } = await collect(runTurn(core.turn, { conversation: current, text }));
      if (failed || script.pending)
        throw new Error(`task ${task.id} action ${actionIndex}: the turn failed: ${failed}`);
      const result = results.find((r) => r.callId === callId)?.result as
        { ok?: boolean; message?: string; pendingAction?: { id: string } } | undefined;
      if (!call.write) {
        step.outcome = 'read';
        continue;
      }
      if (!result?.ok || !result.pendingAction) {
        Object.assign(step, { outcome: 'refused', message: result?.message ?? 'no result' });
        continue;
      }
      const { action: decided, approved } = await confirmAsShopper(core, conv.id, result.pendingAction.id, sid);
      step.approved = approved;
      if (decided.status === 'done') step.outcome = 'done';
      else Object.assign(step, { outcome: 'refused', message: decided.outcome ?? decided.status });
    }
    await opts.beforeExport?.(db);
    const mismatches = diffStates(toTau2State(expected.db), await exportTau2State(db));
    const rejected = new Set(expected.rejected.map((r) => r.actionIndex));
    const disagreements = steps
      .filter(
        (s) =>
          (s.outcome === 'done' || s.outcome === 'refused') &&
          rejected.has(s.actionIndex) !== (s.outcome === 'refused'),
      )
      .map(
        (s) =>
          `action ${s.actionIndex} ${s.gold}: reference ${rejected.has(s.actionIndex) ? 'rejects' : 'accepts'}, Concierge ${s.outcome}${s.message ? ` (${s.message})` : ''}`,
      );
    const writes = steps.filter((s) => s.outcome === 'done' || s.outcome === 'refused').length;
    return {
      taskId: task.id,
      match: mismatches.length === 0 && disagreements.length === 0,
      writes,
      steps,
      mismatches,
      disagreements,
    };
  } finally {
    await session.close();
  }
}

/** One line per task: `task 12: match (2 writes)`, the writes both sides refused, or the first differences. */
export function describeResult(r: TaskResult, maxLines = 5): string {
  const refused = r.steps.filter((s) => s.outcome === 'refused');
  const note = refused.map((s) => `; action ${s.actionIndex} refused as by tau2: ${s.message}`).join('');
  const approved = r.steps.filter((s) => s.approved).length;
  const held = approved ? `, ${approved} approved by a person` : '';
  if (r.match) return `task ${r.taskId}: match (${r.writes} write${r.writes === 1 ? '' : 's'}${held}${note})`;
  const lines = [...r.disagreements, ...r.mismatches.map(formatMismatch)];
  const more = lines.length > maxLines ? `\n  … and ${lines.length - maxLines} more` : '';
  return `task ${r.taskId}: MISMATCH\n  ${lines.slice(0, maxLines).join('\n  ')}${more}`;
}
