import { h } from '../shared/dom.js';
import { StudioError, type StudioApi } from './api.js';
import type { EvalHistory, EvalRun } from './knowledge-api.js';

const message = (err: unknown) => (err instanceof StudioError ? err.message : 'Something went wrong.');
const POLL_MS = 1_000;
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const promptsText = (p: Record<string, string>) => Object.values(p).sort().join(' · ') || 'the prompt files';

function statusText(run: EvalRun): string {
  if (run.status === 'running') return `Running since ${new Date(run.startedAt).toLocaleTimeString()}…`;
  if (run.status === 'error') return `Error: ${run.error ?? 'the run stopped'}`;
  const regressions = run.regressions?.length ? `, ${run.regressions.length} regression(s)` : '';
  return `${run.status === 'passed' ? 'Passed' : 'Failed'}: ${run.passedScenarios}/${run.scenarios} scenarios, pass^1 ${percent(run.passRate)}${regressions}`;
}

function runRow(run: EvalRun, open: (id: string) => void) {
  const regressed = (run.regressions?.length ?? 0) > 0;
  const row = h(
    'tr',
    { class: regressed ? 'regressed' : '', 'data-run': run.id },
    h('td', { text: new Date(run.startedAt).toLocaleString() }),
    h('td', { text: run.suite ?? 'all' }),
    h('td', { class: `eval-run-status status-${run.status}`, text: run.status }),
    h('td', { text: percent(run.passRate) }),
    h('td', { text: run.status === 'running' ? '…' : `${run.passedScenarios}/${run.scenarios}` }),
    h('td', { text: regressed ? `${run.regressions!.length} regression(s)` : '' }),
  );
  row.addEventListener('click', () => open(run.id));
  return row;
}

function historyTables(history: EvalHistory, open: (id: string) => void) {
  const byId = new Map(history.runs.map((r) => [r.id, r]));
  return history.byPrompts.map((g) =>
    h(
      'div',
      { class: 'eval-group' },
      h('h3', { text: promptsText(g.prompts) }),
      h(
        'table',
        { class: 'experiment-table eval-table' },
        h(
          'tr',
          {},
          ...['Started', 'Suite', 'Status', 'pass^1', 'Scenarios', 'Regressions'].map((t) => h('th', { text: t })),
        ),
        ...g.runs.map((id) => runRow(byId.get(id)!, open)),
      ),
    ),
  );
}

function runDetail(run: EvalRun) {
  const failed = (run.results ?? []).filter((s) => !s.passed);
  return h(
    'div',
    { class: 'eval-detail' },
    h('h3', { text: `Run ${run.id}` }),
    h('p', { class: 'eval-status', text: statusText(run) }),
    run.regressions?.length
      ? h('ul', { class: 'eval-regressions' }, ...run.regressions.map((id) => h('li', { text: `Regressed: ${id}` })))
      : null,
    h(
      'ul',
      { class: 'versions' },
      ...failed.map((s) =>
        h('li', { class: 'version' }, h('strong', { text: s.id }), h('pre', { text: s.failures.join('\n') })),
      ),
    ),
  );
}

/**
 * The Evals tab: runs the scenario suites against the published prompt versions, shows the run's
 * progress until it ends, and the history per prompt version with pass^1, regressions highlighted.
 */
export function createEvalsTab(root: HTMLElement, api: StudioApi, toast: (text: string) => void) {
  const suite = h('input', { id: 'eval-suite', maxlength: 100, placeholder: 'all suites' });
  const run = h('button', { class: 'primary', text: 'Run evals' });
  const status = h('p', { class: 'eval-status', role: 'status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const history = h('div', { class: 'eval-history' });
  const detail = h('div', {});
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = async (id: string) => {
    try {
      detail.replaceChildren(runDetail(await api.evalRun(id)));
    } catch (err) {
      error.textContent = message(err);
    }
  };
  const watch = async (id: string) => {
    clearTimeout(timer);
    try {
      const current = await api.evalRun(id);
      status.textContent = statusText(current);
      run.disabled = current.status === 'running';
      if (current.status === 'running') timer = setTimeout(() => void watch(id), POLL_MS);
      else {
        detail.replaceChildren(runDetail(current));
        await load();
      }
    } catch (err) {
      error.textContent = message(err);
      run.disabled = false;
    }
  };
  run.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const started = await api.startEvals(suite.value.trim() ? { suite: suite.value.trim() } : {});
      toast('Eval run started.');
      await load();
      await watch(started.id);
    } catch (err) {
      error.textContent = message(err);
    }
  });

  async function load() {
    try {
      const h0 = await api.evalHistory();
      history.replaceChildren(...historyTables(h0, (id) => void open(id)));
      if (!h0.runs.length) history.append(h('p', { class: 'muted', text: 'No eval runs yet.' }));
      const running = h0.runs.find((r) => r.status === 'running');
      if (running && !timer) void watch(running.id);
    } catch (err) {
      error.textContent = message(err);
    }
  }

  root.replaceChildren(
    h(
      'section',
      { class: 'col main' },
      h('h2', { text: 'Scenario evals' }),
      h('p', {
        class: 'muted small',
        text: 'Runs evals/*.yaml against the published prompt versions in a fresh shop.',
      }),
      h('label', { for: 'eval-suite', text: 'Suite' }),
      h('div', { class: 'edit-row' }, suite, run),
      status,
      error,
      history,
      detail,
    ),
  );
  return { load };
}
