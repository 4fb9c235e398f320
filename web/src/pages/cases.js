// 案件: the queue of clues and cases (open, overdue, all) and one case's workspace — its state,
// deadline on the working-day calendar, timeline of events, and the export of the case file
// as a signed evidence bundle.

import { download, get, post } from '../api.js';
import { fmtMs, h, saveBlob, mount } from '../dom.js';
import { label, lang, t } from '../i18n.js';
import { table } from '../table.js';

export async function renderList(main) {
  const queue = new URLSearchParams(location.hash.split('?')[1] || '').get('queue') || 'open';
  const rows = await get(`/api/v1/cases?limit=200&queue=${encodeURIComponent(queue)}`);
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': t('queue') },
    ['open', 'overdue', 'all'].map((q) =>
      h('a', { href: `#/cases?queue=${q}`, 'aria-current': q === queue ? 'page' : null }, t(`queue_${q}`)),
    ),
  );
  mount(
    main,
    h('h1', {}, t('nav_cases')),
    tabs,
    table('cases', [
      { key: 'case_id', label: t('id'), render: (r) => h('a', { href: `#/case/${encodeURIComponent(r.case_id)}` }, r.case_id) },
      { key: 'state', label: t('state'), value: (r) => label('state', r.state) },
      { key: 'department', label: t('department') },
      { key: 'region', label: t('region') },
      { key: 'deadline_kind', label: t('deadline') },
      { key: 'due_date', label: t('due_date') },
      { key: 'opened_at_ms', label: t('time'), value: (r) => fmtMs(r.opened_at_ms) },
    ], rows.items),
  );
}

const ACTIONS = ['start_verification', 'file', 'not_file', 'assign_investigators', 'transfer', 'request_assistance', 'publish', 'close'];

/**
 * The form to take an action on the case. 移送 and 协查 ask for the receiving unit: typed
 * (another region's bureau need not be in this installation's registry) or picked from the
 * registry; 指定办案人员 lists the inspectors and case officers in the caller's reach
 * (GET /api/v1/staff) to check at least two.
 */
function actionForm(id, units) {
  const err = h('p', { class: 'error', role: 'alert', hidden: true });
  const select = h('select', { id: 'act-action', name: 'action' }, ACTIONS.map((a) => h('option', { value: a }, t(`act_${a}`))));
  const dept = h('input', { id: 'act-dept', name: 'to_department', pattern: '[a-z0-9_\\-]{1,64}' });
  const region = h('input', { id: 'act-region', name: 'to_region', pattern: '[0-9]{6}' });
  const request = h('input', { id: 'act-request', name: 'request' });
  const reason = h('input', { id: 'act-reason', name: 'reason', required: true, minlength: 2, maxlength: 500 });
  const pick = h(
    'select',
    { id: 'act-unit' },
    h('option', { value: '' }, '—'),
    units.map((u) => h('option', { value: `${u.department}|${u.region}` }, `${lang() === 'en' ? u.name_en : u.name_zh}（${u.region}）`)),
  );
  pick.addEventListener('change', () => {
    if (!pick.value) return;
    [dept.value, region.value] = pick.value.split('|');
  });
  const unit = h(
    'div',
    { class: 'filters', hidden: true },
    h('label', { for: 'act-unit' }, t('pick_unit')), pick,
    h('label', { for: 'act-dept' }, t('to_department')), dept,
    h('label', { for: 'act-region' }, t('to_region')), region,
    h('label', { for: 'act-request' }, t('assist_request')), request,
  );
  const staffBox = h('fieldset', { id: 'act-investigators', class: 'filters', hidden: true });
  let staffLoaded = false;
  async function loadStaff() {
    if (staffLoaded) return;
    staffLoaded = true;
    const staff = await get('/api/v1/staff').catch((e) => {
      err.textContent = e.message;
      err.hidden = false;
      return { items: [] };
    });
    mount(
      staffBox,
      h('legend', {}, t('investigators')),
      staff.items.length
        ? staff.items.map((p) => {
            const box = h('input', { type: 'checkbox', name: 'investigator', value: p.user_id, id: `inv-${p.user_id}` });
            return h('label', { for: `inv-${p.user_id}`, class: 'check' }, box, ` ${p.display_name}（${p.department}·${p.region}）`);
          })
        : h('p', { class: 'note' }, t('no_staff')),
    );
  }
  select.addEventListener('change', async () => {
    unit.hidden = !['transfer', 'request_assistance'].includes(select.value);
    staffBox.hidden = select.value !== 'assign_investigators';
    if (!staffBox.hidden) await loadStaff();
  });
  const form = h(
    'form',
    { class: 'act', 'aria-labelledby': 'act-title' },
    h('h2', { id: 'act-title' }, t('act_title')),
    h('div', { class: 'filters' }, h('label', { for: 'act-action' }, t('action')), select, h('label', { for: 'act-reason' }, t('reason')), reason),
    unit,
    staffBox,
    err,
    h('button', { type: 'submit' }, t('act_submit')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hidden = true;
    let action = select.value;
    if (action === 'transfer') action = { action, to_department: dept.value, to_region: region.value };
    if (action === 'request_assistance') action = { action, to_department: dept.value, to_region: region.value, request: request.value };
    if (action === 'assign_investigators') {
      const investigators = [...staffBox.querySelectorAll('input[name=investigator]:checked')].map((b) => b.value);
      action = { action, investigators };
    }
    try {
      await post(`/api/v1/cases/${encodeURIComponent(id)}/actions`, { action, reason: reason.value });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      err.textContent = e.message;
      err.hidden = false;
    }
  });
  return form;
}

export async function renderCase(main, id) {
  const [c, units, staff] = await Promise.all([
    get(`/api/v1/cases/${encodeURIComponent(id)}`),
    get('/api/v1/units').catch(() => ({ items: [] })),
    get('/api/v1/staff').catch(() => ({ items: [] })),
  ]);
  // Colleagues by account id, for the investigators' names (an id outside the caller's reach
  // is shown as it is).
  const names = new Map(staff.items.map((p) => [p.user_id, p.display_name]));
  const unitLabel = (dept, region) => {
    const u = units.items.find((x) => x.department === dept);
    return u ? `${lang() === 'en' ? u.name_en : u.name_zh}（${dept}，${region}）` : `${dept}（${region}）`;
  };
  const row = c.row;
  const status = h('p', { role: 'status', class: 'note' });
  const exportBtn = h('button', { type: 'button', id: 'export-case' }, t('export_bundle'));
  exportBtn.addEventListener('click', async () => {
    exportBtn.disabled = true;
    try {
      const { blob, name } = await download(`/api/v1/cases/${encodeURIComponent(id)}/bundle`);
      saveBlob(blob, name);
      status.textContent = `${t('exported')}: ${name} (${blob.size} B)`;
    } catch (e) {
      status.textContent = `${t('error')}: ${e.message}`;
    }
    exportBtn.disabled = false;
  });
  const facts = [
    [t('id'), row.case_id],
    [t('state'), `${label('state', row.state)} (${row.state})`],
    [t('department'), row.department],
    [t('region'), row.region],
    [t('deadline'), row.deadline_kind || ''],
    [t('due_date'), row.due_unknown ? t('due_unknown') : row.due_date || ''],
    [t('alerts'), row.alert_id],
  ];
  const inv = c.case.investigators || [];
  if (inv.length) facts.push([t('investigators_named'), inv.map((i) => names.get(i) || i).join('、')]);
  if (c.case.transferred_to) facts.push([t('transferred_to'), unitLabel(...c.case.transferred_to)]);
  mount(
    main,
    h('p', {}, h('a', { href: '#/cases' }, `← ${t('nav_cases')}`)),
    h('h1', {}, `${t('case')} ${row.case_id}`),
    h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('div', { class: 'actions' }, exportBtn, status),
    actionForm(id, units.items),
    h(
      'section',
      { 'aria-labelledby': 'tl' },
      h('h2', { id: 'tl' }, t('timeline')),
      h(
        'ol',
        { class: 'timeline' },
        c.events.map((e) =>
          h(
            'li',
            {},
            h('time', {}, fmtMs(e.at_ms)),
            h('strong', {}, ` ${label('act', e.action)} `),
            `${e.from_state ? label('state', e.from_state) : '—'} → ${label('state', e.to_state)} · ${e.actor_name || e.actor} (${label('role', e.role)}) · ${e.reason}`,
          ),
        ),
      ),
    ),
    h('details', {}, h('summary', {}, 'JSON'), h('pre', { tabindex: '0' }, JSON.stringify(c.case, null, 2))),
  );
}
