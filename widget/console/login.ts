import { ConsoleError, login, type AgentSession } from './api.js';
import { h } from './dom.js';

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
  const submit = h('button', { type: 'submit', class: 'primary wide', text: 'Log in' });
  const form = h(
    'form',
    { class: 'login-card', 'aria-labelledby': 'login-title' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'logo', 'aria-hidden': 'true', text: 'C' }),
      h('span', { text: 'Concierge' }),
    ),
    h('h1', { id: 'login-title', text: 'Agent console' }),
    h('p', { class: 'muted', text: 'Log in to help shoppers who asked for a person.' }),
    h('label', { for: 'email', text: 'Email' }),
    email,
    h('label', { for: 'password', text: 'Password' }),
    password,
    error,
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    submit.textContent = 'Logging in…';
    try {
      onLoggedIn(await login(email.value.trim(), password.value));
    } catch (err) {
      error.textContent = err instanceof ConsoleError ? err.message : 'Could not log in.';
      password.select();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Log in';
    }
  });
  root.replaceChildren(h('main', { class: 'login' }, form));
  document.title = 'Log in · Concierge console';
  email.focus();
}
