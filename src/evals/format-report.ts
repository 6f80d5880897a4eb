import type { EvalReport, ScenarioReport, TargetReport } from './run-evals.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const passes = (s: ScenarioReport) => s.runs.filter((r) => r.passed).length;
const oneLine = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text).replace(/\s+/g, ' ');
const tally = (s: ScenarioReport) => `${passes(s)}/${s.runs.length}`;

/** Why a scenario's first failed run failed: its error, or each failed turn with its messages. */
function failureLines(s: ScenarioReport): string[] {
  const run = s.runs.find((r) => !r.passed);
  if (!run) return [];
  const turns = run.turns.flatMap((t, i) =>
    t.failures.length
      ? [
          ...t.failures.map((f) => `      turn ${i + 1} ${JSON.stringify(t.user)}: ${f}`),
          `        reply: ${oneLine(t.reply)}`,
        ]
      : [],
  );
  return run.error ? [...turns, `      error: ${run.error}`] : turns;
}

function scenarioLines(target: TargetReport, k: number): string[] {
  return target.scenarios.flatMap((s) => {
    const ok = s.runs.every((r) => r.passed);
    const head = `${ok ? 'PASS' : 'FAIL'}  ${s.required ? '[required] ' : ''}${s.id}${k > 1 ? ` (${tally(s)})` : ''}`;
    return ok ? [head] : [head, ...failureLines(s)];
  });
}

function summaryLine(t: TargetReport, k: number): string {
  const runs = t.scenarios.reduce((n, s) => n + s.runs.length, 0);
  const required = t.requiredFailed.length ? `, required failed: ${t.requiredFailed.length}` : '';
  const passK = k > 1 ? `, pass^${k} ${pct(t.passK)}` : '';
  return `${t.label}: ${t.scenarios.length} scenarios, ${runs} runs, pass^1 ${pct(t.pass1)}${passK}${required}`;
}

function skippedNote(report: EvalReport): string[] {
  const notes = new Set(
    report.targets.flatMap((t) => t.scenarios.flatMap((s) => s.runs.flatMap((r) => r.turns.flatMap((x) => x.notes)))),
  );
  return notes.size ? [`note: ${notes.size} assertion(s) skipped, e.g. ${[...notes][0]}`] : [];
}

/** Two or more prompt sets side by side: each scenario's passes per set, regressions against the first marked. */
function comparisonLines(report: EvalReport): string[] {
  const [base, ...others] = report.targets;
  const width = Math.max(...base.scenarios.map((s) => s.id.length), 8) + 2;
  const cols = report.targets.map((t) => t.label.slice(0, 14).padStart(16)).join('');
  const rows = base.scenarios.map((s, i) => {
    const cells = report.targets.map((t) => tally(t.scenarios[i]).padStart(16)).join('');
    const worse = others.some((t) => passes(t.scenarios[i]) < passes(s));
    const better = others.some((t) => passes(t.scenarios[i]) > passes(s));
    return `${s.id.padEnd(width)}${cells}${worse ? '  regression' : better ? '  improved' : ''}`;
  });
  const rate = (name: string, pick: (t: TargetReport) => number) =>
    `${name.padEnd(width)}${report.targets.map((t) => pct(pick(t)).padStart(16)).join('')}`;
  return [
    `${'scenario'.padEnd(width)}${cols}`,
    ...rows,
    rate('pass^1', (t) => t.pass1),
    rate(`pass^${report.repeat}`, (t) => t.passK),
  ];
}

/** The report for a terminal: per scenario pass/fail with reasons, then pass^1 and pass^k per prompt set. */
export function formatReport(report: EvalReport): string {
  const k = report.repeat;
  const perTarget = report.targets.flatMap((t) => [
    ...(report.targets.length > 1 ? [`\n== ${t.label}`] : []),
    ...scenarioLines(t, k),
  ]);
  const comparison = report.targets.length > 1 ? ['', ...comparisonLines(report)] : [];
  return [
    ...perTarget,
    ...comparison,
    '',
    ...report.targets.map((t) => summaryLine(t, k)),
    ...skippedNote(report),
    `time: ${(report.ms / 1000).toFixed(1)} s`,
  ].join('\n');
}

/** Machine-readable results (`--json`): the whole report, with times rounded to milliseconds. */
export function reportJson(report: EvalReport): string {
  return JSON.stringify(report, (key, value: unknown) =>
    key === 'ms' && typeof value === 'number' ? Math.round(value) : value,
  );
}
