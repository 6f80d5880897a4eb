import { templateProblem } from '../../src/agent/prompts/render-prompt.js';
import { h } from '../shared/dom.js';
import { StudioError, type PromptHistory, type PromptVersion, type StudioApi } from './api.js';
import { diffView, previewColumn } from './render-compare.js';
import { promptList, versionTable } from './render-versions.js';

interface TabState {
  prompts: PromptHistory[];
  name: string;
  /** The version open in the editor. */
  open: PromptVersion | null;
}

const message = (err: unknown) => (err instanceof StudioError ? err.message : 'Something went wrong.');

/**
 * The Prompts tab: the prompts and their versions, an editor with the template check, the diff
 * against the published version, a side-by-side preview, publishing and rolling back.
 */
export function createPromptsTab(root: HTMLElement, api: StudioApi, toast: (text: string) => void) {
  const state: TabState = { prompts: [], name: 'persona', open: null };
  const list = h('nav', { class: 'side-list' });
  const versions = h('div', { class: 'versions-wrap' });
  const heading = h('h2', {});
  const editor = h('textarea', { id: 'prompt-text', rows: 18, spellcheck: 'false', 'aria-label': 'Prompt text' });
  const note = h('input', { id: 'draft-note', maxlength: 500, placeholder: 'What changed and why' });
  const check = h('p', { class: 'check', role: 'status' });
  const diff = h('div', { class: 'diff-wrap' });
  const save = h('button', { class: 'primary', text: 'Save draft' });
  const publish = h('button', { class: 'primary' });
  const shopperMessage = h('input', { id: 'preview-message', value: 'Do you have waterproof jackets?' });
  const previewButton = h('button', { class: 'secondary', text: 'Preview side by side' });
  const previews = h('div', { class: 'previews' });

  const current = () => state.prompts.find((p) => p.name === state.name)!;
  const published = () => current().versions.find((v) => v.id === current().publishedId) ?? null;
  const dirty = () => editor.value !== (state.open?.text ?? '');

  function refreshEditor(): void {
    const problem = templateProblem(editor.value);
    check.textContent = problem ? `Template problem: ${problem}` : 'Template OK';
    check.className = problem ? 'check error' : 'check ok';
    diff.replaceChildren(diffView(published()?.text ?? '', editor.value));
    save.disabled = !dirty() || Boolean(problem);
    const open = state.open;
    const canPublish = open && !dirty() && open.id !== current().publishedId;
    publish.disabled = !canPublish;
    publish.textContent = canPublish ? `Publish ${open.id}` : 'Published';
    previewButton.disabled = dirty();
    previewButton.title = dirty() ? 'Save the draft to preview it' : '';
  }

  function render(): void {
    list.replaceChildren(promptList(state.prompts, state.name, (name) => void select(name)));
    heading.textContent = `${state.name}.md`;
    versions.replaceChildren(
      versionTable(current(), state.open?.id ?? null, { open: openVersion, publish: (v) => void doPublish(v) }),
    );
    refreshEditor();
  }

  function openVersion(v: PromptVersion): void {
    state.open = v;
    editor.value = v.text;
    note.value = '';
    previews.replaceChildren();
    render();
  }

  async function load(openId?: string): Promise<void> {
    state.prompts = await api.prompts();
    const p = current();
    openVersion(p.versions.find((v) => v.id === (openId ?? p.publishedId)) ?? p.versions[0]);
  }

  async function select(name: string): Promise<void> {
    state.name = name;
    await load();
  }

  async function doSave(): Promise<void> {
    try {
      const v = await api.saveDraft(state.name, editor.value, note.value.trim());
      await load(v.id);
      toast(`Saved ${v.id} as a draft.`);
    } catch (err) {
      check.textContent = message(err);
      check.className = 'check error';
    }
  }

  async function doPublish(v: PromptVersion): Promise<void> {
    try {
      await api.publish(v.name, v.id);
      await load(v.id);
      toast(`${v.id} is published: new conversations use it.`);
    } catch (err) {
      toast(message(err));
    }
  }

  async function doPreview(): Promise<void> {
    const open = state.open;
    const live = published();
    if (!open || !live) return;
    const text = shopperMessage.value.trim();
    if (!text) return;
    const titles = [`${open.id} (${open.status})`, `${live.id} (published)`];
    previews.replaceChildren(...titles.map((t) => previewColumn(t, null, null)));
    const answers = await Promise.allSettled([
      api.preview({ [open.name]: open.id }, text),
      api.preview({ [live.name]: live.id }, text),
    ]);
    previews.replaceChildren(
      ...answers.map((a, i) =>
        previewColumn(
          titles[i],
          a.status === 'fulfilled' ? a.value : null,
          a.status === 'rejected' ? message(a.reason) : null,
        ),
      ),
    );
  }

  editor.addEventListener('input', refreshEditor);
  save.addEventListener('click', () => void doSave());
  publish.addEventListener('click', () => state.open && void doPublish(state.open));
  previewButton.addEventListener('click', () => void doPreview());

  root.replaceChildren(
    h('aside', { class: 'col side' }, h('h3', { text: 'Prompts' }), list),
    h(
      'section',
      { class: 'col main' },
      heading,
      h('label', { for: 'prompt-text', text: 'Text' }),
      editor,
      check,
      h('div', { class: 'edit-row' }, h('label', { for: 'draft-note', text: 'Note' }), note, save, publish),
      h('h3', { text: 'Changes against the published version' }),
      diff,
      h('h3', { text: 'Preview' }),
      h(
        'div',
        { class: 'edit-row' },
        h('label', { for: 'preview-message', text: 'Shopper says' }),
        shopperMessage,
        previewButton,
      ),
      previews,
    ),
    h('aside', { class: 'col versions-col' }, h('h3', { text: 'Versions' }), versions),
  );

  return { load: () => load().catch((err: unknown) => toast(message(err))) };
}
