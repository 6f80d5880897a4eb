import { h } from '../shared/dom.js';
import type { PromptHistory, PromptVersion } from './api.js';

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** The prompts in the sidebar, each with its published version. */
export function promptList(prompts: PromptHistory[], selected: string, select: (name: string) => void): HTMLElement {
  return h(
    'ul',
    { class: 'prompt-list', 'aria-label': 'Prompts' },
    ...prompts.map((p) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            class: `prompt-item${p.name === selected ? ' active' : ''}`,
            'aria-current': p.name === selected ? 'true' : null,
            onClick: () => select(p.name),
          },
          h('span', { class: 'prompt-name', text: p.name }),
          h('span', {
            class: 'muted small',
            text: `${p.publishedId ?? 'none'} · ${p.versions.length} ${p.versions.length === 1 ? 'version' : 'versions'}`,
          }),
        ),
      ),
    ),
  );
}

export interface VersionActions {
  open(v: PromptVersion): void;
  publish(v: PromptVersion): void;
}

/** The versions of one prompt, newest first: which is published, who wrote each and why. */
export function versionTable(p: PromptHistory, openId: string | null, actions: VersionActions): HTMLElement {
  const live = p.versions.find((v) => v.id === p.publishedId);
  return h(
    'ol',
    { class: 'versions', 'aria-label': `Versions of ${p.name}` },
    ...p.versions.map((v) => {
      const older = live ? v.number < live.number : false;
      return h(
        'li',
        { class: `version${v.id === openId ? ' open' : ''}`, 'data-version': v.id },
        h(
          'div',
          { class: 'row' },
          h('strong', { text: v.id }),
          h('span', { class: `badge status-${v.status}`, text: v.status }),
        ),
        h('div', { class: 'muted small', text: `${v.author} · ${when(v.createdAt)}` }),
        v.note ? h('div', { class: 'small', text: v.note }) : null,
        h(
          'div',
          { class: 'actions' },
          h('button', { class: 'secondary small-btn', text: 'Open', onClick: () => actions.open(v) }),
          v.status === 'published'
            ? null
            : h('button', {
                class: 'secondary small-btn',
                text: older ? 'Roll back' : 'Publish',
                'aria-label': older ? `Roll back to ${v.id}` : `Publish ${v.id} from the list`,
                onClick: () => actions.publish(v),
              }),
        ),
      );
    }),
  );
}
