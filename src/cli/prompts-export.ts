import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROMPT_FILES } from '../agent/prompts/load-prompts.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import type { PromptVersions } from '../prompt-versions/prompt-versions.js';
import { createPromptVersions } from '../prompt-versions/prompt-versions.js';
import { runCatalogCli } from './catalog-command.js';

const USAGE = `Usage: npm run prompts:export

Writes the published version of each prompt back to its file in prompts/ (PROMPTS_DIR),
so what the studio published can be committed. Prompts never published are left alone.`;

/** Writes each published version to `<dir>/<name>.md`; returns one line per prompt. */
export async function exportPrompts(versions: PromptVersions, dir: string): Promise<string[]> {
  const published = new Map((await versions.published()).map((v) => [v.name, v]));
  const lines: string[] = [];
  for (const name of PROMPT_FILES) {
    const v = published.get(name);
    if (!v) continue;
    await writeFile(path.join(dir, `${name}.md`), v.text);
    // The file now says what the database does: the next start sees no change on disk.
    await versions.noteFile(name, v.text);
    lines.push(`${name}.md ← ${v.id} (${v.author}${v.note ? `: ${v.note}` : ''})`);
  }
  return lines;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const lines = await exportPrompts(createPromptVersions({ db }), config.promptsDir);
    process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : 'No published prompt versions yet.\n');
    return 0;
  } finally {
    await db.close();
  }
}

// Run only as a command (the tests import exportPrompts).
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) runCatalogCli(main, 'Export failed');
