/** The studio's knowledge gaps and evals API (docs/api.md), as the tabs call it. */
import type { UnansweredGroup } from '../../src/knowledge/group-unanswered.js';
import type { ScenarioOutcome } from '../../src/studio/eval-runs.js';

type Send = <T>(method: string, url: string, token: string | null, body?: unknown) => Promise<T>;

/** A server type as its JSON arrives: dates as ISO strings. */
type OnTheWire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

/** Similar unanswered questions, grouped (`GET /api/studio/knowledge-gaps`). */
export type GapGroup = OnTheWire<UnansweredGroup>;

/** An answer a merchandiser wrote; the assistant searches and cites it like a policy. */
export interface KnowledgeEntry {
  id: number;
  title: string;
  body: string;
  slug: string;
  createdBy: string;
  createdAt: string;
  resolvedQuestions: number;
}

/** One scenario's outcome in an eval run. */
export type EvalScenarioResult = ScenarioOutcome;

/** An eval run started from the studio (`GET /api/studio/evals/:id` adds results and regressions). */
export interface EvalRun {
  id: string;
  startedBy: string;
  prompts: Record<string, string>;
  suite: string | null;
  repeat: number;
  status: 'running' | 'passed' | 'failed' | 'error';
  passRate: number | null;
  scenarios: number;
  passedScenarios: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  results?: EvalScenarioResult[];
  regressions?: string[];
  previousRunId?: string | null;
}

/** Runs grouped by the prompt versions they ran against. */
export interface EvalHistory {
  runs: EvalRun[];
  byPrompts: { prompts: Record<string, string>; runs: string[] }[];
}

export function knowledgeApi(send: Send, token: string) {
  return {
    gaps: async () => (await send<{ groups: GapGroup[] }>('GET', '/api/studio/knowledge-gaps', token)).groups,
    knowledge: async () => (await send<{ entries: KnowledgeEntry[] }>('GET', '/api/studio/knowledge', token)).entries,
    async writeKnowledge(input: { title: string; body: string; groupKey?: string }): Promise<KnowledgeEntry> {
      return (await send<{ entry: KnowledgeEntry }>('POST', '/api/studio/knowledge', token, input)).entry;
    },
    deleteKnowledge: (id: number) => send<unknown>('DELETE', `/api/studio/knowledge/${id}`, token),
    evalHistory: () => send<EvalHistory>('GET', '/api/studio/evals', token),
    async evalRun(id: string): Promise<EvalRun> {
      return (await send<{ run: EvalRun }>('GET', `/api/studio/evals/${encodeURIComponent(id)}`, token)).run;
    },
    async startEvals(input: { suite?: string }): Promise<EvalRun> {
      return (await send<{ run: EvalRun }>('POST', '/api/studio/evals', token, input)).run;
    },
  };
}
