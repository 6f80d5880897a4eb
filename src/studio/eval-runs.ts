import type { Queryable } from '../db/database.js';

export type EvalRunStatus = 'running' | 'passed' | 'failed' | 'error';

/** One scenario's outcome in a run: passed when every repeat passed. */
export interface ScenarioOutcome {
  id: string;
  suite: string;
  description: string;
  required: boolean;
  passed: boolean;
  /** The failed assertions and errors of its runs, as `npm run eval` reports them. */
  failures: string[];
}

/** What a run found: pass^1 over all scenario runs, and each scenario's outcome. */
export interface EvalOutcome {
  pass1: number;
  scenarios: ScenarioOutcome[];
}

export interface EvalRun {
  id: string;
  startedBy: string;
  /** The prompt version of each prompt the run answered with (`{ persona: 'persona.v3' }`). */
  prompts: Record<string, string>;
  suite: string | null;
  repeat: number;
  status: EvalRunStatus;
  /** pass^1: the share of scenario runs that passed; null until the run ends. */
  passRate: number | null;
  scenarios: number;
  passedScenarios: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

interface Row {
  id: string;
  started_by: string;
  prompts: Record<string, string>;
  suite: string | null;
  repeat: number;
  status: EvalRunStatus;
  pass_rate: number | null;
  results: ScenarioOutcome[];
  error: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

const COLUMNS = 'id, started_by, prompts, suite, repeat, status, pass_rate, results, error, started_at, finished_at';

const toRun = (r: Row): EvalRun & { results: ScenarioOutcome[] } => ({
  id: r.id,
  startedBy: r.started_by,
  prompts: r.prompts ?? {},
  suite: r.suite,
  repeat: r.repeat,
  status: r.status,
  passRate: r.pass_rate === null ? null : Number(r.pass_rate),
  scenarios: (r.results ?? []).length,
  passedScenarios: (r.results ?? []).filter((s) => s.passed).length,
  error: r.error,
  startedAt: new Date(r.started_at),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
  results: r.results ?? [],
});

/** The eval runs' table (migration 016): small parameterized queries. */
export function evalRunStore(db: Queryable) {
  return {
    async insert(run: {
      id: string;
      startedBy: string;
      prompts: Record<string, string>;
      suite: string | null;
      repeat: number;
    }) {
      await db.query(
        `INSERT INTO eval_runs (id, started_by, prompts, suite, repeat) VALUES ($1, $2, $3::jsonb, $4, $5)`,
        [run.id, run.startedBy, JSON.stringify(run.prompts), run.suite, run.repeat],
      );
    },
    async finish(id: string, passRate: number, results: ScenarioOutcome[]) {
      const status = results.every((s) => s.passed) ? 'passed' : 'failed';
      await db.query(
        `UPDATE eval_runs SET status = $2, pass_rate = $3, results = $4::jsonb, finished_at = now() WHERE id = $1`,
        [id, status, passRate, JSON.stringify(results)],
      );
    },
    async fail(id: string, error: string) {
      await db.query(`UPDATE eval_runs SET status = 'error', error = $2, finished_at = now() WHERE id = $1`, [
        id,
        error,
      ]);
    },
    /** Runs still `running` after `maxMs` were interrupted (their instance stopped): they end as errors. */
    async markStale(maxMs: number) {
      await db.query(
        `UPDATE eval_runs SET status = 'error', error = 'interrupted: the run stopped before it finished', finished_at = now()
         WHERE status = 'running' AND started_at < now() - $1 * interval '1 millisecond'`,
        [maxMs],
      );
    },
    async list(limit: number) {
      const r = await db.query<Row>(`SELECT ${COLUMNS} FROM eval_runs ORDER BY started_at DESC, id DESC LIMIT $1`, [
        limit,
      ]);
      return r.rows.map(toRun);
    },
    async get(id: string) {
      const r = await db.query<Row>(`SELECT ${COLUMNS} FROM eval_runs WHERE id = $1`, [id]);
      return r.rows[0] ? toRun(r.rows[0]) : null;
    },
    /** The newest run that finished (passed or failed) before this one started. */
    async previousFinished(run: EvalRun) {
      const r = await db.query<Row>(
        `SELECT ${COLUMNS} FROM eval_runs WHERE status IN ('passed', 'failed') AND id <> $1 AND started_at < $2
         ORDER BY started_at DESC LIMIT 1`,
        [run.id, run.startedAt],
      );
      return r.rows[0] ? toRun(r.rows[0]) : null;
    },
  };
}

export type EvalRunStore = ReturnType<typeof evalRunStore>;
