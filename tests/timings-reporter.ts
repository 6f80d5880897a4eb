import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Records how long each test file took (harness, import, hooks and tests) into tests/timings.json,
 * which the sequencer (tests/sequencer.ts) reads to start the longest files first. Run by
 * `npm run test:timings` after adding or changing a slow test file.
 */
export default class TimingsReporter implements Reporter {
  private readonly seconds = new Map<string, number>();

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    const ms = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
    this.seconds.set(path.relative(process.cwd(), module.moduleId), Math.round(ms / 100) / 10);
  }

  onTestRunEnd(): void {
    const sorted = [...this.seconds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    writeFileSync(
      path.join(import.meta.dirname, 'timings.json'),
      `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`,
    );
  }
}
