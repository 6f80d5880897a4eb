import { h } from '../shared/dom.js';
import { login, StudioError, type StudioSession } from './api.js';

/** The login screen; `notice` says why the merchandiser is here again (e.g. the session expired). */
export function showLogin(root: HTMLElement, onLoggedIn: (s: StudioSession) => void, notice?: string): void {
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { class: 'error', role: 'alert', text: notice ?? '' });
  const submit = h('button', { type: 'submit', class: 'primary wide', text: 'Log in' });
  const form = h(
    'form',
    { class: 'login-card', 'aria-labelledby': 'login-title' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true', text: 'C' }), 'Concierge'),
    h('h1', { id: 'login-title', text: 'Studio' }),
    h('p', { class: 'muted', text: 'Log in as a merchandiser to shape how the assistant answers.' }),
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
    try {
      onLoggedIn(await login(email.value.trim(), password.value));
    } catch (err) {
      error.textContent = err instanceof StudioError ? err.message : 'Could not log in.';
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  root.replaceChildren(h('main', { class: 'login' }, form));
  document.title = 'Log in · Concierge studio';
  email.focus();
}
