import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { NotFoundError } from '../errors.js';

export type PromptVersionStatus = 'draft' | 'published';

/** One text a prompt file has had. */
export interface PromptVersion {
  /** `<name>.v<number>`, e.g. `persona.v3`. */
  id: string;
  name: string;
  number: number;
  contentHash: string;
  text: string;
  author: string;
  note: string;
  status: PromptVersionStatus;
  createdAt: string;
  publishedAt: string | null;
}

interface VersionRow {
  id: string;
  name: string;
  number: number;
  content_hash: string;
  text: string;
  author: string;
  note: string;
  status: PromptVersionStatus;
  created_at: Date;
  published_at: Date | null;
}

const COLUMNS = 'id, name, number, content_hash, text, author, note, status, created_at, published_at';

/** The author of versions that came from the files in prompts/. */
export const FILE_AUTHOR = 'prompts/';

/** sha256 of a prompt's text, first 16 hex. */
export const textHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const toVersion = (r: VersionRow): PromptVersion => ({
  id: r.id,
  name: r.name,
  number: r.number,
  contentHash: r.content_hash,
  text: r.text,
  author: r.author,
  note: r.note,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
  publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
});

/**
 * Prompt versions in the database. A version's text is checked by the caller; this module only
 * keeps versions, numbers them per prompt and keeps exactly one published per prompt.
 */
export function createPromptVersions(deps: { db: Database }) {
  const { db } = deps;

  /** The version of `name` with this text: the existing one, or a new draft. */
  async function findOrCreate(tx: Queryable, name: string, text: string, by: { author: string; note: string }) {
    // One writer per prompt at a time, so version numbers stay gapless.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`prompt_versions:${name}`]);
    const hash = textHash(text);
    const found = await tx.query<VersionRow>(
      `SELECT ${COLUMNS} FROM prompt_versions WHERE name = $1 AND content_hash = $2`,
      [name, hash],
    );
    if (found.rows[0]) return toVersion(found.rows[0]);
    const next = await tx.query<{ n: number }>(
      'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM prompt_versions WHERE name = $1',
      [name],
    );
    const n = Number(next.rows[0].n);
    const r = await tx.query<VersionRow>(
      `INSERT INTO prompt_versions (id, name, number, content_hash, text, author, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [`${name}.v${n}`, name, n, hash, text, by.author, by.note],
    );
    return toVersion(r.rows[0]);
  }

  async function publishIn(tx: Queryable, name: string, id: string): Promise<PromptVersion> {
    const target = await tx.query<VersionRow>(`SELECT ${COLUMNS} FROM prompt_versions WHERE id = $1 AND name = $2`, [
      id,
      name,
    ]);
    if (!target.rows[0]) throw new NotFoundError('prompts:version_not_found', `${name} has no version ${id}.`);
    if (target.rows[0].status === 'published') return toVersion(target.rows[0]);
    await tx.query(`UPDATE prompt_versions SET status = 'draft' WHERE name = $1 AND status = 'published'`, [name]);
    const r = await tx.query<VersionRow>(
      `UPDATE prompt_versions SET status = 'published', published_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    return toVersion(r.rows[0]);
  }

  // Publishes made through this store: a reader caching what is published knows to look again.
  let changes = 0;
  const counted = async <T>(work: Promise<T>): Promise<T> => {
    const out = await work;
    changes++;
    return out;
  };

  return {
    /** How many publishes this store has made (in this process). */
    localChanges: () => changes,

    /**
     * Records what a file in prompts/ says. A file changed on disk since it was last read (or read
     * for the first time) makes its text a version and publishes it; an unchanged file leaves the
     * published version alone, whatever the studio published since.
     */
    async syncFile(name: string, text: string): Promise<PromptVersion | null> {
      return counted(
        db.transaction(async (tx) => {
          const hash = textHash(text);
          const seen = await tx.query<{ content_hash: string }>(
            'SELECT content_hash FROM prompt_files WHERE name = $1 FOR UPDATE',
            [name],
          );
          if (seen.rows[0]?.content_hash === hash) return null;
          const note = seen.rows[0] ? `prompts/${name}.md changed on disk` : `prompts/${name}.md`;
          const version = await findOrCreate(tx, name, text, { author: FILE_AUTHOR, note });
          await tx.query(
            `INSERT INTO prompt_files (name, content_hash) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET content_hash = EXCLUDED.content_hash, seen_at = now()`,
            [name, hash],
          );
          return publishIn(tx, name, version.id);
        }),
      );
    },

    /** Records that a file in prompts/ now says `text` (written from the database), so it is no change on disk. */
    async noteFile(name: string, text: string): Promise<void> {
      await db.query(
        `INSERT INTO prompt_files (name, content_hash) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET content_hash = EXCLUDED.content_hash, seen_at = now()`,
        [name, textHash(text)],
      );
    },

    /** A draft with this text (the existing version when one has the same text). */
    create(name: string, text: string, by: { author: string; note: string }): Promise<PromptVersion> {
      return db.transaction((tx) => findOrCreate(tx, name, text, by));
    },

    /** Publishes a version of `name` (rolling back is publishing an older one). */
    publish(name: string, id: string): Promise<PromptVersion> {
      return counted(
        db.transaction(async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`prompt_versions:${name}`]);
          return publishIn(tx, name, id);
        }),
      );
    },

    /** Every version, newest first within each prompt. */
    async list(): Promise<PromptVersion[]> {
      const r = await db.query<VersionRow>(`SELECT ${COLUMNS} FROM prompt_versions ORDER BY name, number DESC`);
      return r.rows.map(toVersion);
    },

    /** The versions with these ids (unknown ids are left out). */
    async get(ids: string[]): Promise<PromptVersion[]> {
      const r = await db.query<VersionRow>(`SELECT ${COLUMNS} FROM prompt_versions WHERE id = ANY($1::text[])`, [ids]);
      return r.rows.map(toVersion);
    },

    /** The published version of each prompt. */
    async published(): Promise<PromptVersion[]> {
      const r = await db.query<VersionRow>(`SELECT ${COLUMNS} FROM prompt_versions WHERE status = 'published'`);
      return r.rows.map(toVersion);
    },

    /** The published version id of each prompt: a cheap check whether anything changed. */
    async publishedIds(): Promise<Record<string, string>> {
      const r = await db.query<{ name: string; id: string }>(
        `SELECT name, id FROM prompt_versions WHERE status = 'published' ORDER BY name`,
      );
      return Object.fromEntries(r.rows.map((x) => [x.name, x.id]));
    },
  };
}

export type PromptVersions = ReturnType<typeof createPromptVersions>;
