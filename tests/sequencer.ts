import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the longest test files first, so the two workers finish together instead of one running
 * the slowest file alone at the end. The lengths come from tests/timings.json (`npm run
 * test:timings`); a file not in it yet counts as a few seconds.
 */
const UNKNOWN_SECONDS = 3;

function readTimings(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(path.join(import.meta.dirname, 'timings.json'), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const timings = readTimings();
    const seconds = (spec: TestSpecification) =>
      timings[path.relative(process.cwd(), spec.moduleId)] ?? UNKNOWN_SECONDS;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
