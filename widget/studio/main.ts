import { h } from '../shared/dom.js';
import { sessionStore, studioApi, StudioError, type StudioSession } from './api.js';
import { showLogin } from './login.js';
import { createAnalyticsTab } from './analytics-tab.js';
import { createExperimentsTab } from './experiments-tab.js';
import { createMerchandisingTab } from './merchandising-tab.js';
import { createPromptsTab } from './prompts-tab.js';
import { createKnowledgeTab } from './knowledge-tab.js';
import { createEvalsTab } from './evals-tab.js';

function startStudio(app: HTMLElement, session: StudioSession): void {
  const api = studioApi(session.token);
  const toastBox = h('div', { class: 'toast', role: 'status', hidden: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const toast = (text: string) => {
    toastBox.textContent = text;
    toastBox.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => (toastBox.hidden = true), 6_000);
  };
  const logout = h('button', { class: 'secondary small-btn', text: 'Log out' });
  logout.addEventListener('click', async () => {
    await api.logout().catch(() => undefined);
    sessionStore.clear();
    showLogin(app, (s) => begin(app, s));
  });
  const body = h('div', { class: 'studio-body' });
  const tabs = {
    Prompts: h('button', { role: 'tab', text: 'Prompts' }),
    Experiments: h('button', { role: 'tab', text: 'Experiments' }),
    Merchandising: h('button', { role: 'tab', text: 'Merchandising' }),
    Analytics: h('button', { role: 'tab', text: 'Analytics' }),
    'Knowledge gaps': h('button', { role: 'tab', text: 'Knowledge gaps' }),
    Evals: h('button', { role: 'tab', text: 'Evals' }),
  };
  const tabOf = {
    Prompts: createPromptsTab,
    Experiments: createExperimentsTab,
    Merchandising: createMerchandisingTab,
    Analytics: createAnalyticsTab,
    'Knowledge gaps': createKnowledgeTab,
    Evals: createEvalsTab,
  };
  const layout: Partial<Record<keyof typeof tabs, string>> = {
    Experiments: 'two-col',
    Analytics: 'wide',
    'Knowledge gaps': 'halves',
    Evals: 'one-col',
  };
  const show = (name: keyof typeof tabs) => {
    for (const [n, b] of Object.entries(tabs)) b.setAttribute('aria-selected', String(n === name));
    document.title = `${name} · Concierge studio`;
    body.className = `studio-body ${layout[name] ?? ''}`.trim();
    void tabOf[name](body, api, toast).load();
  };
  for (const name of Object.keys(tabs) as (keyof typeof tabs)[]) tabs[name].addEventListener('click', () => show(name));
  app.replaceChildren(
    h(
      'div',
      { class: 'app' },
      h(
        'header',
        { class: 'topbar' },
        h(
          'div',
          { class: 'brand' },
          h('span', { class: 'logo', 'aria-hidden': 'true', text: 'C' }),
          'Concierge',
          h('span', { class: 'muted', text: 'studio' }),
        ),
        h('nav', { class: 'tabs', role: 'tablist' }, ...Object.values(tabs)),
        h('div', { class: 'who-am-i' }, h('span', { class: 'agent-name', text: session.user.name }), logout),
      ),
      body,
      toastBox,
    ),
  );
  show('Prompts');
}

/** Checks the stored session still works, then opens the studio; otherwise the login. */
async function begin(app: HTMLElement, session: StudioSession): Promise<void> {
  sessionStore.save(session);
  try {
    await studioApi(session.token).prompts();
  } catch (err) {
    sessionStore.clear();
    const notice = err instanceof StudioError ? err.message : 'Log in again.';
    return showLogin(app, (s) => void begin(app, s), notice);
  }
  startStudio(app, session);
}

const app = document.getElementById('app')!;
const saved = sessionStore.load();
if (saved) void begin(app, saved);
else showLogin(app, (s) => void begin(app, s));
