import type { PreviewReply } from '../../src/agent/preview-reply.js';
import type { PromptVersion } from '../../src/prompt-versions/prompt-versions.js';
import type { PromptHistory } from '../../src/studio/prompt-studio.js';
import type { ExperimentReport } from '../../src/experiments/experiment-report.js';
import type { Experiment } from '../../src/experiments/experiment-store.js';
import type { NewExperiment } from '../../src/studio/experiment-studio.js';
import type { CommerceAnalytics } from '../../src/analytics/commerce-analytics.js';
import { knowledgeApi } from './knowledge-api.js';
import { createSessionStore, ServerError as StudioError } from '../shared/session-store.js';

export type {
  CommerceAnalytics,
  Experiment,
  ExperimentReport,
  NewExperiment,
  PreviewReply,
  PromptHistory,
  PromptVersion,
};

export interface StudioSession {
  token: string;
  user: { email: string; name: string; role: string };
}

/** An error to show: one the server reported (`{ code, message }`) or a connection problem. */
export { StudioError };

/** The login lasts for this tab (sessionStorage). */
export const sessionStore = createSessionStore<StudioSession>(
  'concierge:studio-session',
  (s) => typeof s.token === 'string' && typeof s.user?.email === 'string',
);

async function send<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new StudioError('network:offline', 'Cannot reach the server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
  if (!res.ok || !json) {
    throw new StudioError(json?.error?.code ?? `http:${res.status}`, json?.error?.message ?? 'Something went wrong.');
  }
  return json;
}

/** POST /api/agent/sessions; only a merchandiser or an admin may use the studio. */
export async function login(email: string, password: string): Promise<StudioSession> {
  const r = await send<{ token: string; agent: StudioSession['user'] }>('POST', '/api/agent/sessions', null, {
    email,
    password,
  });
  if (r.agent.role !== 'merchandiser' && r.agent.role !== 'admin') {
    await send('DELETE', '/api/agent/sessions', r.token).catch(() => undefined);
    throw new StudioError('auth:merchandiser_required', 'The studio is for merchandisers and admins.');
  }
  return { token: r.token, user: r.agent };
}

/** The studio's REST API with one session's token. */
export function studioApi(token: string) {
  return {
    ...knowledgeApi(send, token),
    logout: () => send<void>('DELETE', '/api/agent/sessions', token),
    prompts: async () => (await send<{ prompts: PromptHistory[] }>('GET', '/api/studio/prompts', token)).prompts,
    async saveDraft(name: string, text: string, note: string): Promise<PromptVersion> {
      const url = `/api/studio/prompts/${encodeURIComponent(name)}/versions`;
      return (await send<{ version: PromptVersion }>('POST', url, token, { text, note })).version;
    },
    async publish(name: string, versionId: string): Promise<PromptVersion> {
      const url = `/api/studio/prompts/${encodeURIComponent(name)}/publish`;
      return (await send<{ version: PromptVersion }>('POST', url, token, { versionId })).version;
    },
    async preview(versions: Record<string, string>, message: string): Promise<PreviewReply> {
      return (await send<{ reply: PreviewReply }>('POST', '/api/studio/preview', token, { versions, message })).reply;
    },
    experiments: async () =>
      (await send<{ experiments: Experiment[] }>('GET', '/api/studio/experiments', token)).experiments,
    async startExperiment(input: NewExperiment): Promise<Experiment> {
      return (await send<{ experiment: Experiment }>('POST', '/api/studio/experiments', token, input)).experiment;
    },
    async experiment(id: string): Promise<ExperimentReport> {
      const url = `/api/studio/experiments/${encodeURIComponent(id)}`;
      return (await send<{ experiment: ExperimentReport }>('GET', url, token)).experiment;
    },
    merchandising: () => send<MerchandisingState>('GET', '/api/studio/merchandising', token),
    /** Whole days, `from` and `to` included (YYYY-MM-DD). */
    analytics: (from: string, to: string) =>
      send<CommerceAnalytics>('GET', `/api/studio/analytics?${new URLSearchParams({ from, to })}`, token),
    saveMerchandising: (rules: unknown) => send<MerchandisingState>('PUT', '/api/studio/merchandising', token, rules),
    async stopExperiment(id: string, promote?: number): Promise<Experiment> {
      const url = `/api/studio/experiments/${encodeURIComponent(id)}/stop`;
      return (await send<{ experiment: Experiment }>('POST', url, token, { promote })).experiment;
    },
  };
}

export type StudioApi = ReturnType<typeof studioApi>;

/** The merchandising rules as the server keeps them (docs/api.md). */
export interface MerchandisingState {
  rules: Record<string, unknown>;
  updatedBy: string;
  updatedAt: string;
}
