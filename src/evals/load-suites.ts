import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import { suiteSchema, type Suite } from './suite-schema.js';

/** One problem of a suite file: where (`scenarios.3.turns.0.assert.1.value`) and what. */
export interface SuiteProblem {
  file: string;
  path: string;
  message: string;
}

const SUITE_FILE = /\.ya?ml$/;

function issuesOf(file: string, error: z.ZodError): SuiteProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses and validates one suite file's text; problems are returned, not thrown, so every file is reported. */
export function parseSuite(file: string, text: string): { suite: Suite } | { problems: SuiteProblem[] } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    if (!(err instanceof YAMLParseError)) throw err;
    const at = err.linePos?.[0];
    return { problems: [{ file, path: at ? `line ${at.line}` : '(root)', message: err.message.split('\n')[0] }] };
  }
  const parsed = suiteSchema.safeParse(data);
  if (!parsed.success) return { problems: issuesOf(file, parsed.error) };
  const { vars, scenarios, description } = parsed.data;
  const name = path.basename(file).replace(SUITE_FILE, '');
  return {
    suite: {
      name,
      file,
      description,
      scenarios: scenarios.map((s) => ({ ...s, vars: { ...vars, ...s.vars } })),
    },
  };
}

/** The message of a rejected suite file set: one line per problem, file and path first. */
export function describeProblems(problems: SuiteProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n');
}

/**
 * Reads the suites of a folder (`evals/*.yaml`), or only those named. Throws `evals:invalid_suite`
 * listing every problem of every file when any file is broken, and `evals:unknown_suite` for a name
 * with no file.
 */
export async function loadSuites(dir: string, names: string[] = []): Promise<Suite[]> {
  const files = (await readdir(dir)).filter((f) => SUITE_FILE.test(f)).sort();
  const wanted = names.length ? files.filter((f) => names.includes(f.replace(SUITE_FILE, ''))) : files;
  const missing = names.filter((n) => !wanted.some((f) => f.replace(SUITE_FILE, '') === n));
  if (missing.length) {
    const known = files.map((f) => f.replace(SUITE_FILE, '')).join(', ');
    throw new ValidationError('evals:unknown_suite', `No suite ${missing.join(', ')} in ${dir} (suites: ${known}).`);
  }
  const suites: Suite[] = [];
  const problems: SuiteProblem[] = [];
  for (const f of wanted) {
    const file = path.join(dir, f);
    const result = parseSuite(file, await readFile(file, 'utf8'));
    if ('suite' in result) suites.push(result.suite);
    else problems.push(...result.problems);
  }
  if (problems.length) {
    throw new ValidationError('evals:invalid_suite', `Invalid eval suite:\n${describeProblems(problems)}`, {
      details: problems,
    });
  }
  return suites;
}
