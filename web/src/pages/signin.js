// Sign-in: user name, password and the authenticator app's one-time code (TOTP); the server
// sets the session as an HttpOnly cookie.

import { post } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';

export async function render(main) {
  const err = h('p', { class: 'error', role: 'alert', hidden: true });
  const field = (id, label, attrs) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id, required: true, ...attrs }));
  const form = h(
    'form',
    { class: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, t('signin_title')),
    h('p', { class: 'hint' }, t('signin_hint')),
    field('login', t('signin_login'), { autocomplete: 'username', autofocus: true }),
    field('password', t('signin_password'), { type: 'password', autocomplete: 'current-password' }),
    field('totp', t('signin_totp'), { inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: 6, autocomplete: 'one-time-code' }),
    err,
    h('button', { type: 'submit' }, t('signin_submit')),
    h('p', { class: 'note' }, h('a', { href: '#/verify' }, t('verify_public'))),
    h('p', { class: 'note' }, h('a', { href: '#/published' }, t('draw_public_link'))),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hidden = true;
    try {
      await post('/api/session', {
        login: form.login.value.trim(),
        password: form.password.value,
        totp: form.totp.value.trim(),
      });
      location.hash = '#/';
    } catch (e) {
      err.textContent = e.message;
      err.hidden = false;
    }
  });
  mount(main, form);
}
