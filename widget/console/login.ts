import { login, type AgentSession } from './api.js';
import { errorText } from './error-text.js';
import { h } from './dom.js';
import { t } from '../i18n/live.js';

/** The login screen. `notice` explains why the agent is here again (e.g. the session expired). */
export function showLogin(root: HTMLElement, onLoggedIn: (s: AgentSession) => void, notice?: string): void {
  const email = h('input', {
    id: 'email',
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    required: true,
    maxlength: 320,
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 200,
  });
  const error = h('p', { class: 'error', role: 'alert', text: notice ?? '' });
  const submit = h('button', { type: 'submit', class: 'primary wide', text: t('login.submit') });
  const form = h(
    'form',
    { class: 'login-card', 'aria-labelledby': 'login-title' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'logo', 'aria-hidden': 'true', text: 'C' }),
      h('span', { text: 'Concierge' }),
    ),
    h('h1', { id: 'login-title', text: t('console.brand') }),
    h('p', { class: 'muted', text: t('login.intro') }),
    h('label', { for: 'email', text: t('login.email') }),
    email,
    h('label', { for: 'password', text: t('login.password') }),
    password,
    error,
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    submit.textContent = t('login.busy');
    try {
      onLoggedIn(await login(email.value.trim(), password.value));
    } catch (err) {
      error.textContent = errorText(err, 'login.failed');
      password.select();
    } finally {
      submit.disabled = false;
      submit.textContent = t('login.submit');
    }
  });
  root.replaceChildren(h('main', { class: 'login' }, form));
  document.title = t('login.title');
  email.focus();
}
