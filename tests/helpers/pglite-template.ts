import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrate } from '../../src/db/migrate.js';
import { createPgliteDatabase, openPglite } from '../../src/db/pglite-database.js';

/**
 * An empty, migrated PGlite data directory dumped once (by global setup) and loaded by every test
 * that needs a fresh database: creating a data directory from nothing takes about 2 s of CPU, loading
 * the dump about 0.4. The file is named by the migrations and PGlite's version, so a change of
 * either makes a new one.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'src/db/migrations');
const CACHE = path.join(ROOT, '.cache/pglite-template');

function templateFile(): string {
  const hash = createHash('sha256');
  for (const pkg of ['@electric-sql/pglite', '@electric-sql/pglite-pgvector']) {
    hash.update(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json')));
  }
  for (const file of readdirSync(MIGRATIONS).sort())
    hash.update(file).update(readFileSync(path.join(MIGRATIONS, file)));
  return path.join(CACHE, `${hash.digest('hex').slice(0, 24)}.tar`);
}

/** Makes the template when it is missing; returns its path. */
export async function ensurePgliteTemplate(): Promise<string> {
  const file = templateFile();
  if (existsSync(file)) return file;
  const pglite = await openPglite();
  try {
    await migrate(createPgliteDatabase(pglite));
    const dump = await pglite.dumpDataDir('none');
    mkdirSync(CACHE, { recursive: true });
    // Write then rename: a worker reading at the same time never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  } finally {
    await pglite.close();
  }
  return file;
}

/** A fresh in-memory PGlite with every migration applied and no data. */
export async function openMigratedPglite(): Promise<PGlite> {
  const file = await ensurePgliteTemplate();
  return openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
}
