// 系统管理: accounts for the system and security administrators, the audit log and its chain
// check for the audit administrator, and the system administrator's actions — create an account
// (role, department, region), disable / enable it, reset its second factor (the new secret shown
// once), issue a platform API key (shown once) and revoke one. Every action states its reason; a
// server answer "re-authentication required" opens the password + code form and the action is
// retried. What a role may not see is said, not hidden.
//
// The department is a free-text id until the department registry lands (another branch).

import { ApiFailure, del, get, post } from '../api.js';
import { h, mount } from '../dom.js';
import { label, t } from '../i18n.js';
import { current, hasRole } from '../session.js';
import { table } from '../table.js';

const BUSINESS_ROLES = ['analyst', 'inspector', 'case_officer', 'complaint_handler', 'leader'];

async function maybe(path) {
  try {
    return await get(path);
  } catch (e) {
    return { denied: e.message };
  }
}

function field(id, text, attrs = {}) {
  return h('div', { class: 'field' }, h('label', { for: id }, text), h('input', { id, name: id, ...attrs }));
}

/** Asks for password and code (re-authentication) in a small form; resolves when accepted. */
function reauthenticate(box) {
  return new Promise((resolve, reject) => {
    const form = h(
      'form',
      { class: 'reauth', 'aria-labelledby': 'ra' },
      h('h3', { id: 'ra' }, t('reauth_title')),
      h('p', { class: 'note' }, t('reauth_hint')),
      field('reauth-password', t('signin_password'), { type: 'password', autocomplete: 'current-password', required: true }),
      field('reauth-totp', t('signin_totp'), { inputmode: 'numeric', pattern: '[0-9]{6}', autocomplete: 'one-time-code', required: true }),
      h('button', { type: 'submit' }, t('act_submit')),
    );
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await post('/api/v1/session/reauth', {
          password: form.querySelector('#reauth-password').value,
          totp: form.querySelector('#reauth-totp').value,
        });
        form.remove();
        resolve();
      } catch (e) {
        form.append(h('p', { class: 'error', role: 'alert' }, e.message));
        reject(e);
      }
    });
    box.replaceChildren(form);
    form.querySelector('#reauth-password').focus();
  });
}

/** Runs `action`; on "re-authentication required" asks for it once and retries. */
async function privileged(box, action) {
  try {
    return await action();
  } catch (e) {
    if (e instanceof ApiFailure && e.code === 'reauthentication_required') {
      await reauthenticate(box);
      return action();
    }
    throw e;
  }
}

/** Shows a secret that is displayed only once. */
function once(box, title, lines) {
  box.replaceChildren(
    h('div', { class: 'once', role: 'status' }, h('strong', {}, title), ...lines.map(([k, v]) => h('p', {}, `${k}: `, h('code', { class: 'secret' }, v)))),
  );
}

function reasonField(id) {
  return field(id, t('admin_reason'), { required: true, minlength: 2, maxlength: 500 });
}

function createAccountForm(out, reload) {
  const form = h(
    'form',
    { id: 'create-user', 'aria-labelledby': 'cu' },
    h('h3', { id: 'cu' }, t('create_account')),
    field('cu-login', t('login_name'), { required: true, pattern: '[a-z0-9._\\-]{3,64}', autocomplete: 'off' }),
    field('cu-name', t('display_name'), { required: true, maxlength: 64 }),
    field('cu-password', t('password_initial'), { type: 'password', required: true, minlength: 12, autocomplete: 'new-password' }),
    h('div', { class: 'field' }, h('label', { for: 'cu-role' }, t('role')),
      h('select', { id: 'cu-role' }, BUSINESS_ROLES.map((r) => h('option', { value: r }, label('role', r))))),
    field('cu-dept', t('department_id'), { required: true, pattern: '[a-z0-9_\\-]{1,64}' }),
    field('cu-region', t('region_code'), { required: true, pattern: '[1-9][0-9]{5}', inputmode: 'numeric' }),
    h('button', { type: 'submit' }, t('create_account')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (id) => form.querySelector(id).value.trim();
    const body = {
      login: v('#cu-login'),
      display_name: v('#cu-name'),
      password: form.querySelector('#cu-password').value,
      roles: [v('#cu-role')],
      department: v('#cu-dept'),
      region: v('#cu-region'),
      reason: document.querySelector('#admin-reason').value.trim(),
    };
    out.replaceChildren();
    try {
      const e = await privileged(out, () => post('/api/v1/users', body));
      once(out, `${t('done')}: ${e.login} — ${t('enrolment_once')}`, [['TOTP', e.totp_secret], ['URI', e.otpauth_uri]]);
      reload();
    } catch (e) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
    }
  });
  return form;
}

function issueKeyForm(out, reload) {
  const form = h(
    'form',
    { id: 'issue-key', 'aria-labelledby': 'ik' },
    h('h3', { id: 'ik' }, t('issue_key')),
    field('ik-supplier', t('supplier'), { required: true, pattern: '[A-Za-z0-9._:\\-]{1,64}' }),
    field('ik-label', t('key_label'), { required: true, maxlength: 64 }),
    h('button', { type: 'submit' }, t('issue_key')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {
      supplier: form.querySelector('#ik-supplier').value.trim(),
      label: form.querySelector('#ik-label').value.trim(),
      reason: document.querySelector('#admin-reason').value.trim(),
    };
    out.replaceChildren();
    try {
      const k = await privileged(out, () => post('/api/v1/api-keys', body));
      once(out, `${t('done')}: ${k.supplier} — ${t('key_once')}`, [['key_id', k.key_id], ['X-Api-Key', k.api_key]]);
      reload();
    } catch (e) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
    }
  });
  return form;
}

/** Buttons acting on one account: each asks for its reason in the shared reason field. */
function accountActions(row, out, reasonInput, reload) {
  const act = (text, cls, run) => {
    const b = h('button', { type: 'button', class: `secondary ${cls}`, 'data-login': row.login }, text);
    b.addEventListener('click', async () => {
      const reason = reasonInput.value.trim();
      if (reason.length < 2) {
        reasonInput.focus();
        out.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('admin_reason')));
        return;
      }
      out.replaceChildren();
      try {
        await privileged(out, () => run(reason));
        if (!out.querySelector('.once')) out.replaceChildren(h('p', { class: 'ok', role: 'status' }, `${t('done')}: ${text} ${row.login}`));
        reload();
      } catch (e) {
        out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
      }
    });
    return b;
  };
  const id = encodeURIComponent(row.user_id);
  return h(
    'div',
    { class: 'row-actions' },
    row.disabled
      ? act(t('enable'), 'enable-user', (reason) => post(`/api/v1/users/${id}/enable`, { reason }))
      : act(t('disable'), 'disable-user', (reason) => post(`/api/v1/users/${id}/disable`, { reason })),
    act(t('reset_totp'), 'reset-totp', async (reason) => {
      const e = await post(`/api/v1/users/${id}/totp`, { reason });
      once(out, `${t('done')}: ${e.login} — ${t('enrolment_once')}`, [['TOTP', e.totp_secret], ['URI', e.otpauth_uri]]);
    }),
  );
}

export async function render(main) {
  // Only what the roles may read is asked for (a refused request is audited as a denial).
  const none = { denied: t('forbidden_here') };
  const system = hasRole('system_admin');
  const [users, audit, keys] = await Promise.all([
    hasRole('system_admin', 'security_admin') ? maybe('/api/v1/users?limit=200') : none,
    hasRole('audit_admin') ? maybe('/api/v1/audit?limit=100') : none,
    system ? maybe('/api/v1/api-keys?limit=200') : none,
  ]);
  // After an action only the two tables are read again; the forms and the message stay.
  const usersBox = h('div', { id: 'users-box' });
  const keysBox = h('div', { id: 'keys-box' });
  let reloading = Promise.resolve();
  const reload = () => {
    reloading = reloading.then(async () => {
      const [u, k] = await Promise.all([
        hasRole('system_admin', 'security_admin') ? maybe('/api/v1/users?limit=200') : none,
        system ? maybe('/api/v1/api-keys?limit=200') : none,
      ]);
      fillUsers(u);
      fillKeys(k);
    });
    return reloading;
  };
  const out = h('div', { id: 'admin-out', 'aria-live': 'polite' });
  const reasonInput = h('input', { id: 'admin-reason', required: true, minlength: 2, maxlength: 500 });
  const userCols = [
    { key: 'login', label: t('login_name') },
    { key: 'display_name', label: t('display_name') },
    { key: 'roles', label: t('roles'), value: (r) => (r.roles || []).map((x) => label('role', x)).join('、') },
    { key: 'department', label: t('department') },
    { key: 'region', label: t('region') },
    { key: 'disabled', label: t('status'), value: (r) => (r.disabled ? t('disabled_state') : t('active')) },
  ];
  // No action is offered on one's own account (the server refuses them).
  const self = current() && current().user_id;
  if (system) userCols.push({ key: 'actions', label: t('action'), value: () => '', exported: false, render: (r) => (r.user_id === self ? '' : accountActions(r, out, reasonInput, reload)) });
  const keyCols = [
    { key: 'supplier', label: t('supplier') },
    { key: 'label', label: t('key_label') },
    { key: 'key_id', label: 'key_id' },
    { key: 'created_at', label: t('created_at') },
    { key: 'created_by', label: t('created_by') },
    { key: 'revoked', label: t('status'), value: (r) => (r.revoked ? t('revoked') : t('active')) },
    {
      key: 'revoke', label: t('action'), value: () => '', exported: false,
      render: (r) => {
        if (r.revoked) return '';
        const b = h('button', { type: 'button', class: 'secondary revoke-key', 'data-key': r.key_id }, t('revoke'));
        b.addEventListener('click', async () => {
          try {
            const reason = reasonInput.value.trim();
            if (reason.length < 2) {
              reasonInput.focus();
              out.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('admin_reason')));
              return;
            }
            await privileged(out, () => del(`/api/v1/api-keys/${encodeURIComponent(r.key_id)}`, { reason }));
            out.replaceChildren(h('p', { class: 'ok', role: 'status' }, `${t('done')}: ${t('revoke')} ${r.key_id}`));
            reload();
          } catch (e) {
            out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
          }
        });
        return b;
      },
    },
  ];
  const fillUsers = (u) => usersBox.replaceChildren(u.denied ? h('p', { class: 'note' }, u.denied) : table('users', userCols, u.items));
  const fillKeys = (k) => keysBox.replaceChildren(k.denied ? h('p', { class: 'note' }, k.denied) : table('api-keys', keyCols, k.items));
  fillUsers(users);
  fillKeys(keys);
  mount(
    main,
    h('h1', {}, t('nav_admin')),
    system
      ? h(
          'section',
          { 'aria-labelledby': 'aa' },
          h('h2', { id: 'aa' }, t('admin_actions')),
          out,
          h('div', { class: 'field' }, h('label', { for: 'admin-reason' }, t('admin_reason')), reasonInput),
          h('div', { class: 'admin-forms' }, createAccountForm(out, reload), issueKeyForm(out, reload)),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'us' },
      h('h2', { id: 'us' }, t('users')),
      usersBox,
    ),
    system
      ? h(
          'section',
          { 'aria-labelledby': 'ks' },
          h('h2', { id: 'ks' }, t('api_keys')),
          keysBox,
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'au' },
      h('h2', { id: 'au' }, t('audit_log')),
      audit.denied
        ? h('p', { class: 'note' }, audit.denied)
        : table('audit', [
            { key: 'seq', label: '#', num: true },
            { key: 'at', label: t('time') },
            { key: 'actor', label: t('actor') },
            { key: 'action', label: t('action') },
            { key: 'target', label: 'target' },
            { key: 'outcome', label: t('status') },
          ], audit.items),
    ),
  );
}
