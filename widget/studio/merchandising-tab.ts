import { h } from '../shared/dom.js';
import { StudioError, type MerchandisingState, type StudioApi } from './api.js';

/**
 * The Merchandising tab: the rules document (synonyms, pins, boosts, hidden products and the
 * catalog file's sections) as JSON, saved whole; the server's validation error is shown as is.
 */
export function createMerchandisingTab(root: HTMLElement, api: StudioApi, toast: (text: string) => void) {
  const editor = h('textarea', { class: 'rules-editor', 'aria-label': 'Merchandising rules (JSON)', rows: 28 });
  const problem = h('p', { class: 'error', role: 'alert', hidden: true });
  const meta = h('p', { class: 'muted' });
  const save = h('button', { text: 'Save rules' });

  const shown = (s: MerchandisingState) => {
    editor.value = JSON.stringify(s.rules, null, 2);
    meta.textContent = `Last saved by ${s.updatedBy} at ${new Date(s.updatedAt).toLocaleString()}`;
    problem.hidden = true;
  };
  const fail = (text: string) => {
    problem.textContent = text;
    problem.hidden = false;
  };

  save.addEventListener('click', async () => {
    let rules: unknown;
    try {
      rules = JSON.parse(editor.value);
    } catch {
      return fail('Not valid JSON: check the commas, quotes and brackets.');
    }
    try {
      shown(await api.saveMerchandising(rules));
      toast('Rules saved: the next search uses them.');
    } catch (err) {
      fail(err instanceof StudioError ? err.message : 'Could not save the rules.');
    }
  });

  root.replaceChildren(h('section', {}, h('h2', { text: 'Merchandising rules' }), meta, editor, problem, save));
  return {
    async load() {
      try {
        shown(await api.merchandising());
      } catch (err) {
        fail(err instanceof StudioError ? err.message : 'Could not load the rules.');
      }
    },
  };
}
