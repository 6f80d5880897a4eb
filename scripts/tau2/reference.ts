/**
 * Reference executor of tau2-bench's retail tools over the raw db.json, written from policy.md and
 * checked against tau2's tools.py (see scripts/tau2/README.md). It imports nothing from src/: it is
 * the independent side that Concierge's resulting orders, payments and addresses are diffed against.
 *
 *   npx tsx scripts/tau2/reference.ts --tasks <tasks.json> [--db <db.json>] [--last-variant-quirk]
 *
 * Prints one line per task (id, writes, changed orders and users) and a summary; exits 1 if any
 * gold action fails to apply other than the ones tau2 itself rejects (known-rejections.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isKnownRejection } from './known-rejections.js';
import { type ReferenceOptions } from './reference-actions.js';
import { countWrites, replayGoldDetailed } from './replay.js';
import { changedEntities } from './state-diff.js';
import type { Tau2Db, Tau2Task } from './tau2-db.js';
import { toTau2State } from './tau2-state.js';

export * from './known-rejections.js';
export * from './money.js';
export * from './reference-actions.js';
export * from './replay.js';
export * from './state-diff.js';
export type * from './tau2-db.js';
export * from './tau2-lookup.js';
export * from './tau2-state.js';

/** Reads a JSON file without validating it: db.json and the task files are tau2's published data. */
export const readTau2Json = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** One CLI line per task, and the gold actions the tools rejected. */
export function describeTasks(db: Tau2Db, tasks: Tau2Task[], options: ReferenceOptions = {}) {
  const before = toTau2State(db);
  return tasks.map((task) => {
    const { db: after, rejected } = replayGoldDetailed(db, task, options);
    const changed = changedEntities(before, toTau2State(after));
    const list = (ids: string[]) => (ids.length ? ids.join(' ') : '-');
    const line = `task ${task.id}: ${countWrites(task)} write(s); orders ${list(changed.orders)}; users ${list(changed.users)}`;
    const unknown = rejected.filter((r) => !isKnownRejection(r));
    const notes = rejected.map((r) => {
      const tag = isKnownRejection(r) ? 'rejected as in tau2' : 'UNEXPECTED rejection';
      return `\n  ${tag}: action ${r.actionIndex} ${r.name}: ${r.error}`;
    });
    return { line: line + notes.join(''), rejected, unknown };
  });
}

function main(argv: string[]): number {
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const tasksFile = arg('--tasks');
  if (!tasksFile) {
    console.error(
      'usage: npx tsx scripts/tau2/reference.ts --tasks <tasks.json> [--db <db.json>] [--last-variant-quirk]',
    );
    return 2;
  }
  const defaultDb = path.resolve(import.meta.dirname, '../../tests/fixtures/tau2-retail/db.json');
  const db = readTau2Json<Tau2Db>(path.resolve(arg('--db') ?? defaultDb));
  const tasks = readTau2Json<Tau2Task[]>(path.resolve(tasksFile));
  const results = describeTasks(db, tasks, { lastVariantQuirk: argv.includes('--last-variant-quirk') });
  for (const r of results) console.log(r.line);
  const count = (f: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + f(r), 0);
  const writes = tasks.reduce((n, t) => n + countWrites(t), 0);
  const rejected = count((r) => r.rejected.length);
  const unknown = count((r) => r.unknown.length);
  console.log(
    `${tasks.length} tasks, ${writes} gold writes; ${rejected} gold actions rejected as tau2 does, ${unknown} unexpectedly`,
  );
  return unknown ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}
