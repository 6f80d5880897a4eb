import { h } from '../shared/dom.js';
import { StudioError, type NewExperiment, type PromptHistory, type StudioApi } from './api.js';
import { experimentList, experimentTable } from './render-experiment.js';

const METRICS = ['add_to_cart_rate', 'handoff_rate', 'csat', 'attributed_order_rate'] as const;
const message = (err: unknown) => (err instanceof StudioError ? err.message : 'Something went wrong.');

/** One variant's inputs: a version per prompt (blank = the published one) and a weight. */
function variantInputs(prompts: PromptHistory[], index: number) {
  const selects = prompts.map((p) => {
    const options = p.versions.filter((v) => v.publishedAt).map((v) => h('option', { value: v.id, text: v.id }));
    const label = `${p.name} (variant ${index})`;
    return h(
      'select',
      { 'aria-label': label, 'data-prompt': p.name },
      h('option', { value: '', text: 'published' }),
      ...options,
    );
  });
  const weight = h('input', {
    type: 'number',
    min: 1,
    value: 1,
    class: 'qty',
    'aria-label': `Weight of variant ${index}`,
  });
  const row = h(
    'div',
    { class: 'edit-row variant-row' },
    h('span', { class: 'prompt-name', text: index === 0 ? 'Control' : `Variant ${index}` }),
    ...selects,
    weight,
  );
  const value = (): NewExperiment['variants'][number] => ({
    prompts: Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.dataset.prompt!, s.value])),
    weight: Number(weight.value),
  });
  return { row, value };
}

/**
 * The Experiments tab: the experiments, a form to start one from published versions with weights,
 * the per-variant table with the probability to beat the control, and stop / promote buttons.
 */
export function createExperimentsTab(root: HTMLElement, api: StudioApi, toast: (text: string) => void) {
  let openId: string | null = null;
  let prompts: PromptHistory[] = [];
  let variants: ReturnType<typeof variantInputs>[] = [];
  const list = h('div', {});
  const report = h('div', { class: 'report-wrap' });
  const name = h('input', { id: 'experiment-name', maxlength: 200, placeholder: 'What you are trying' });
  const metric = h('select', { id: 'experiment-metric' }, ...METRICS.map((m) => h('option', { value: m, text: m })));
  const rows = h('div', { class: 'variant-rows' });
  const error = h('p', { class: 'error', role: 'alert' });

  const addVariant = () => {
    const v = variantInputs(prompts, variants.length);
    variants.push(v);
    rows.append(v.row);
  };

  async function start(): Promise<void> {
    error.textContent = '';
    try {
      const input = { name: name.value.trim(), metric: metric.value as NewExperiment['metric'] };
      const e = await api.startExperiment({ ...input, variants: variants.map((v) => v.value()) });
      toast(`${e.name} is running: new conversations are split between its variants.`);
      await load(e.id);
    } catch (err) {
      error.textContent = message(err);
    }
  }

  async function stop(id: string, promote?: number): Promise<void> {
    try {
      await api.stopExperiment(id, promote);
      toast(promote === undefined ? 'Experiment stopped.' : `Stopped; variant ${promote}'s versions are published.`);
      await load(id);
    } catch (err) {
      toast(message(err));
    }
  }

  async function open(id: string): Promise<void> {
    openId = id;
    const r = await api.experiment(id);
    const buttons =
      r.status === 'running'
        ? [
            h('button', { class: 'secondary', text: 'Stop', onClick: () => void stop(id) }),
            ...r.variants.map((v) =>
              h('button', {
                class: 'primary',
                text: `Stop and promote ${v.index === 0 ? 'control' : `variant ${v.index}`}`,
                onClick: () => void stop(id, v.index),
              }),
            ),
          ]
        : [h('span', { class: 'muted', text: `Stopped ${r.stoppedAt ?? ''}` })];
    report.replaceChildren(h('h2', { text: r.name }), experimentTable(r), h('div', { class: 'actions' }, ...buttons));
  }

  async function load(id?: string): Promise<void> {
    const [all, history] = await Promise.all([api.experiments(), api.prompts()]);
    prompts = history;
    variants = [];
    rows.replaceChildren();
    addVariant();
    addVariant();
    list.replaceChildren(
      experimentList(all, id ?? openId, (x) => void open(x).catch((e: unknown) => toast(message(e)))),
    );
    const target = id ?? openId ?? all[0]?.id;
    if (target) await open(target);
  }

  root.replaceChildren(
    h('aside', { class: 'col side' }, h('h3', { text: 'Experiments' }), list),
    h(
      'section',
      { class: 'col main' },
      report,
      h('h3', { text: 'New experiment' }),
      h('div', { class: 'edit-row' }, h('label', { for: 'experiment-name', text: 'Name' }), name),
      h('div', { class: 'edit-row' }, h('label', { for: 'experiment-metric', text: 'Metric' }), metric),
      rows,
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'secondary', text: 'Add variant', onClick: addVariant }),
        h('button', { class: 'primary', text: 'Start experiment', onClick: () => void start() }),
      ),
      error,
      h('p', {
        class: 'muted small',
        text: 'Variants use versions that have been published; blank uses whatever is published.',
      }),
    ),
  );

  return { load: () => load().catch((err: unknown) => toast(message(err))) };
}
