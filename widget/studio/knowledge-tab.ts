import { h } from '../shared/dom.js';
import { StudioError, type StudioApi } from './api.js';
import type { GapGroup, KnowledgeEntry } from './knowledge-api.js';

const message = (err: unknown) => (err instanceof StudioError ? err.message : 'Something went wrong.');

const REASONS: Record<string, string> = {
  no_policy_match: 'no policy held it',
  not_understood: 'not understood',
  no_answer: 'no answer',
};

/** One group of similar questions; shopper text goes in as text nodes only. */
function gapItem(g: GapGroup, onAnswer: (g: GapGroup) => void) {
  const answer = h('button', { class: 'secondary small-btn', text: g.resolved ? 'Answer again' : 'Write the answer' });
  answer.addEventListener('click', () => onAnswer(g));
  return h(
    'li',
    { class: `version gap${g.resolved ? ' resolved' : ''}`, 'data-key': g.key },
    h(
      'div',
      { class: 'row' },
      h('span', { class: 'prompt-name gap-question', text: g.representative }),
      h('span', { class: 'badge gap-count', text: `asked ${g.count}×` }),
    ),
    h(
      'p',
      { class: 'muted small' },
      `${g.reasons.map((r) => REASONS[r] ?? r).join(', ')} · last ${new Date(g.lastAsked).toLocaleString()}`,
      g.resolved ? h('span', { class: 'badge status-published', text: 'answered' }) : null,
    ),
    h('ul', { class: 'gap-examples small' }, ...g.examples.map((e) => h('li', { text: `“${e}”` }))),
    h('div', { class: 'actions' }, answer),
  );
}

function entryItem(e: KnowledgeEntry, onDelete: (e: KnowledgeEntry) => void) {
  const remove = h('button', { class: 'secondary small-btn danger', text: 'Delete' });
  remove.addEventListener('click', () => onDelete(e));
  return h(
    'li',
    { class: 'version knowledge-entry' },
    h('div', { class: 'row' }, h('span', { class: 'prompt-name', text: e.title }), remove),
    h('pre', { text: e.body }),
    h(
      'p',
      { class: 'muted small' },
      `by ${e.createdBy}, ${new Date(e.createdAt).toLocaleString()} · answers ${e.resolvedQuestions} question(s)`,
    ),
  );
}

/**
 * The Knowledge gaps tab: the questions the assistant could not answer, grouped, with a form to
 * write the missing answer (searchable and cited at once) and the answers written so far.
 */
export function createKnowledgeTab(root: HTMLElement, api: StudioApi, toast: (text: string) => void) {
  let groupKey: string | undefined;
  const gaps = h('ul', { class: 'versions', 'aria-label': 'Knowledge gaps' });
  const entries = h('ul', { class: 'versions', 'aria-label': 'Written answers' });
  const forWhat = h('p', { class: 'muted small', text: 'A new answer, for no gap in particular.' });
  const title = h('input', { id: 'knowledge-title', maxlength: 200, placeholder: 'Gift wrapping' });
  const body = h('textarea', { id: 'knowledge-body', rows: 8, maxlength: 20_000 });
  const error = h('p', { class: 'error', role: 'alert' });
  const save = h('button', { class: 'primary', text: 'Save answer' });

  const answer = (g: GapGroup) => {
    groupKey = g.key;
    forWhat.textContent = `Answers “${g.representative}” (${g.count} question(s)).`;
    title.focus();
  };
  const remove = async (e: KnowledgeEntry) => {
    try {
      await api.deleteKnowledge(e.id);
      toast(`Deleted “${e.title}”: the assistant no longer cites it.`);
      await load();
    } catch (err) {
      error.textContent = message(err);
    }
  };
  save.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const entry = await api.writeKnowledge({ title: title.value, body: body.value, groupKey });
      toast(`Saved “${entry.title}”: the assistant answers with it from now on.`);
      [title.value, body.value, groupKey] = ['', '', undefined];
      forWhat.textContent = 'A new answer, for no gap in particular.';
      await load();
    } catch (err) {
      error.textContent = message(err);
    }
  });

  async function load() {
    try {
      const [groups, written] = await Promise.all([api.gaps(), api.knowledge()]);
      gaps.replaceChildren(...groups.map((g) => gapItem(g, answer)));
      if (!groups.length) gaps.append(h('li', { class: 'muted', text: 'No unanswered questions yet.' }));
      entries.replaceChildren(...written.map((e) => entryItem(e, remove)));
    } catch (err) {
      error.textContent = message(err);
    }
  }

  root.replaceChildren(
    h('section', { class: 'col main' }, h('h2', { text: 'Knowledge gaps' }), gaps),
    h(
      'section',
      { class: 'col main versions-col' },
      h('h2', { text: 'Write the missing answer' }),
      forWhat,
      h('label', { for: 'knowledge-title', text: 'Title (cited as the source)' }),
      title,
      h('label', { for: 'knowledge-body', text: 'Answer' }),
      body,
      error,
      h('div', { class: 'actions' }, save),
      h('h3', { text: 'Written answers' }),
      entries,
    ),
  );
  return { load };
}
