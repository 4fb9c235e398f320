// 存证: the current signed tree head of the evidence log, and a drop zone where anyone can give
// a bundle (zip) and see it verified by the server against this installation's public key only.

import { get, postBytes } from '../api.js';
import { h, mount } from '../dom.js';
import { lang, t } from '../i18n.js';

function showReport(out, r) {
  mount(
    out,
    h('p', { class: r.ok ? 'ok' : 'error', role: 'status' }, r.ok ? t('verify_ok') : `${t('verify_failed')} (${r.failures.length})`),
    h(
      'dl',
      { class: 'facts' },
      [
        ['title', r.title],
        [t('tree_size'), r.head && r.head.tree_size],
        [t('root_hash'), r.head && r.head.root],
        [t('time'), r.head && r.head.time],
        [t('key_id'), r.key_id],
        [t('entries_verified'), r.entries_verified],
        [t('files_verified'), r.files_verified],
      ]
        .filter(([, v]) => v !== null && v !== undefined)
        .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]),
    ),
    r.failures.length ? h('ol', {}, r.failures.map((f) => h('li', {}, lang() === 'en' ? f.en : f.zh))) : null,
  );
}

/** The drop zone and the report (public: nothing stored is read). */
function verifier() {
  const out = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id: 'bundle-file', accept: '.zip,application/zip' });
  const verify = async (file) => {
    mount(out, h('p', { role: 'status' }, t('loading')));
    try {
      showReport(out, await postBytes('/api/v1/evidence/verify', await file.arrayBuffer(), 'application/zip'));
    } catch (e) {
      mount(out, h('p', { class: 'error', role: 'alert' }, e.message));
    }
  };
  input.addEventListener('change', () => input.files[0] && verify(input.files[0]));
  const drop = h('div', { class: 'drop' }, h('label', { for: 'bundle-file' }, t('verify_choose')), input);
  drop.addEventListener('dragover', (ev) => ev.preventDefault());
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    const f = ev.dataTransfer.files[0];
    if (f) verify(f);
  });
  return h('section', { 'aria-labelledby': 'vb' }, h('h2', { id: 'vb' }, t('verify_title')), h('p', {}, t('verify_help')), drop, out);
}

/** `#/verify`: the verifier alone, for anyone (no sign-in). */
export async function renderVerify(main) {
  mount(main, h('h1', {}, t('verify_title')), verifier(), h('p', {}, h('a', { href: '#/signin' }, t('signin_title'))));
}

export async function render(main) {
  let head = null;
  try {
    head = await get('/api/v1/evidence/head');
  } catch (e) {
    head = { error: e.message };
  }
  const headFacts = head.error
    ? h('p', { class: 'note' }, head.error)
    : h(
        'dl',
        { class: 'facts' },
        [
          ['log', head.head.log_id],
          [t('tree_size'), head.head.tree_size],
          [t('root_hash'), head.head.root],
          [t('time'), head.time],
          [t('key_id'), head.key_id],
          ['signature', head.head.signature],
        ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, h('code', {}, String(v)))]),
      );
  mount(
    main,
    h('h1', {}, t('nav_evidence')),
    h('section', { 'aria-labelledby': 'sth' }, h('h2', { id: 'sth' }, t('signed_head')), headFacts),
    verifier(),
  );
}
