// 系统管理 (minimal): accounts for the system and security administrators, the audit log and
// its chain check for the audit administrator. What a role may not see is said, not hidden.

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { label, t } from '../i18n.js';
import { hasRole } from '../session.js';
import { table } from '../table.js';

async function maybe(path) {
  try {
    return await get(path);
  } catch (e) {
    return { denied: e.message };
  }
}

export async function render(main) {
  // Only what the roles may read is asked for (a refused request is audited as a denial).
  const none = { denied: t('forbidden_here') };
  const [users, audit] = await Promise.all([
    hasRole('system_admin', 'security_admin') ? maybe('/api/v1/users?limit=200') : none,
    hasRole('audit_admin') ? maybe('/api/v1/audit?limit=100') : none,
  ]);
  mount(
    main,
    h('h1', {}, t('nav_admin')),
    h(
      'section',
      { 'aria-labelledby': 'us' },
      h('h2', { id: 'us' }, t('users')),
      users.denied
        ? h('p', { class: 'note' }, users.denied)
        : table('users', [
            { key: 'login', label: t('login_name') },
            { key: 'display_name', label: t('display_name') },
            { key: 'roles', label: t('roles'), value: (r) => (r.roles || []).map((x) => label('role', x)).join('、') },
            { key: 'department', label: t('department') },
            { key: 'region', label: t('region') },
            { key: 'disabled', label: t('status'), value: (r) => (r.disabled ? 'disabled' : 'active') },
          ], users.items),
    ),
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
