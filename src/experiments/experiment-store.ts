import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { pickVariant } from './pick-variant.js';

export const METRICS = ['add_to_cart_rate', 'handoff_rate', 'csat', 'attributed_order_rate'] as const;
export type Metric = (typeof METRICS)[number];

export interface Variant {
  index: number;
  /** Prompt name → published version id; names left out use the published version. */
  prompts: Record<string, string>;
  weight: number;
}

export interface Experiment {
  id: string;
  name: string;
  metric: Metric;
  status: 'running' | 'stopped';
  createdBy: string;
  createdAt: string;
  stoppedAt: string | null;
  promotedVariant: number | null;
  variants: Variant[];
}

interface ExperimentRow {
  id: string;
  name: string;
  metric: Metric;
  status: 'running' | 'stopped';
  created_by: string;
  created_at: Date;
  stopped_at: Date | null;
  promoted_variant: number | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * Experiments, their variants and which variant each conversation got. Checking that the
 * variants' versions are published is the caller's job.
 */
/** How long a turn may go on using the last answer to "which experiment runs?". */
const RUNNING_TTL_MS = 2000;

export function createExperimentStore(deps: { db: Database }) {
  const { db } = deps;

  async function withVariants(rows: ExperimentRow[]): Promise<Experiment[]> {
    const ids = rows.map((r) => r.id);
    const vs = await db.query<{
      experiment_id: string;
      index: number;
      prompts: Record<string, string>;
      weight: number;
    }>(
      `SELECT experiment_id, index, prompts, weight FROM experiment_variants
       WHERE experiment_id = ANY($1::text[]) ORDER BY index`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      metric: r.metric,
      status: r.status,
      createdBy: r.created_by,
      createdAt: iso(r.created_at)!,
      stoppedAt: iso(r.stopped_at),
      promotedVariant: r.promoted_variant,
      variants: vs.rows
        .filter((v) => v.experiment_id === r.id)
        .map((v) => ({ index: v.index, prompts: v.prompts, weight: v.weight })),
    }));
  }

  async function get(id: string): Promise<Experiment> {
    const r = await db.query<ExperimentRow>('SELECT * FROM experiments WHERE id = $1', [id]);
    if (!r.rows[0]) throw new NotFoundError('experiments:not_found', `No experiment ${id}.`);
    return (await withVariants(r.rows))[0];
  }

  async function running(): Promise<Experiment | null> {
    const r = await db.query<ExperimentRow>(`SELECT * FROM experiments WHERE status = 'running'`);
    return r.rows[0] ? (await withVariants(r.rows))[0] : null;
  }

  // Every turn asks which experiment runs: read at most every RUNNING_TTL_MS (an experiment started or
  // stopped on another instance applies to new turns here within that time; on this one at once).
  let cached: { at: number; exp: Promise<Experiment | null> } | null = null;
  function runningForTurns(): Promise<Experiment | null> {
    const now = Date.now();
    if (!cached || now - cached.at > RUNNING_TTL_MS) {
      const exp = running();
      cached = { at: now, exp };
      exp.catch(() => (cached = null));
    }
    return cached.exp;
  }

  return {
    get,
    running,

    async list(): Promise<Experiment[]> {
      const r = await db.query<ExperimentRow>('SELECT * FROM experiments ORDER BY created_at DESC, id');
      return withVariants(r.rows);
    },

    /** Starts an experiment; 409 while another runs. */
    async create(input: { name: string; metric: Metric; createdBy: string; variants: Omit<Variant, 'index'>[] }) {
      const id = `exp_${randomUUID().slice(0, 8)}`;
      await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['experiments']);
        const busy = await tx.query<{ id: string }>(`SELECT id FROM experiments WHERE status = 'running'`);
        if (busy.rows[0]) {
          const msg = `Experiment ${busy.rows[0].id} is running; stop it before starting another.`;
          throw new ConflictError('experiments:already_running', msg);
        }
        await tx.query('INSERT INTO experiments (id, name, metric, created_by) VALUES ($1, $2, $3, $4)', [
          id,
          input.name,
          input.metric,
          input.createdBy,
        ]);
        for (const [index, v] of input.variants.entries()) {
          await tx.query(
            'INSERT INTO experiment_variants (experiment_id, index, prompts, weight) VALUES ($1, $2, $3, $4)',
            [id, index, JSON.stringify(v.prompts), v.weight],
          );
        }
      });
      cached = null;
      return get(id);
    },

    /** Stops a running experiment, recording the variant promoted (if any); 409 when already stopped. */
    async stop(id: string, promoted: number | null): Promise<Experiment> {
      const r = await db.query<{ id: string }>(
        `UPDATE experiments SET status = 'stopped', stopped_at = now(), promoted_variant = $2
         WHERE id = $1 AND status = 'running' RETURNING id`,
        [id, promoted],
      );
      cached = null;
      if (!r.rows[0]) {
        await get(id);
        throw new ConflictError('experiments:not_running', `Experiment ${id} is already stopped.`);
      }
      return get(id);
    },

    /**
     * The variant of the running experiment that this conversation uses: recorded at its first
     * turn when it started after the experiment did, and the same one every turn after.
     */
    async variantFor(conv: { id: string; createdAt: string }): Promise<Variant | null> {
      const exp = await runningForTurns();
      if (!exp) return null;
      const known = await db.query<{ variant: number; experiment_id: string }>(
        'SELECT experiment_id, variant FROM experiment_assignments WHERE conversation_id = $1',
        [conv.id],
      );
      if (known.rows[0]) return known.rows[0].experiment_id === exp.id ? exp.variants[known.rows[0].variant] : null;
      if (new Date(conv.createdAt) < new Date(exp.createdAt)) return null;
      const index = pickVariant(
        exp.id,
        conv.id,
        exp.variants.map((v) => v.weight),
      );
      const r = await db.query<{ variant: number }>(
        `INSERT INTO experiment_assignments (conversation_id, experiment_id, variant) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id) DO UPDATE SET conversation_id = EXCLUDED.conversation_id
         RETURNING variant`,
        [conv.id, exp.id, index],
      );
      return exp.variants[r.rows[0].variant];
    },
  };
}

export type ExperimentStore = ReturnType<typeof createExperimentStore>;
