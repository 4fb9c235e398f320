// 案件: the queue of clues and cases (open, overdue, all) and one case's workspace — its state,
// deadline on the working-day calendar, timeline of events, and the export of the case file
// as a signed evidence bundle.

import { download, get, post } from '../api.js';
import { fmtMs, h, saveBlob, mount } from '../dom.js';
import { label, t } from '../i18n.js';
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

const ACTIONS = ['start_verification', 'file', 'not_file', 'transfer', 'request_assistance', 'publish', 'close'];

/** The form to take an action on the case (移送 and 协查 ask for the receiving unit). */
function actionForm(id) {
  const err = h('p', { class: 'error', role: 'alert', hidden: true });
  const select = h('select', { id: 'act-action', name: 'action' }, ACTIONS.map((a) => h('option', { value: a }, t(`act_${a}`))));
  const dept = h('input', { id: 'act-dept', name: 'to_department', pattern: '[a-z0-9_\\-]{1,64}' });
  const region = h('input', { id: 'act-region', name: 'to_region', pattern: '[0-9]{6}' });
  const request = h('input', { id: 'act-request', name: 'request' });
  const reason = h('input', { id: 'act-reason', name: 'reason', required: true, minlength: 2, maxlength: 500 });
  const unit = h(
    'div',
    { class: 'filters', hidden: true },
    h('label', { for: 'act-dept' }, t('to_department')), dept,
    h('label', { for: 'act-region' }, t('to_region')), region,
    h('label', { for: 'act-request' }, t('assist_request')), request,
  );
  select.addEventListener('change', () => {
    unit.hidden = !['transfer', 'request_assistance'].includes(select.value);
  });
  const form = h(
    'form',
    { class: 'act', 'aria-labelledby': 'act-title' },
    h('h2', { id: 'act-title' }, t('act_title')),
    h('div', { class: 'filters' }, h('label', { for: 'act-action' }, t('action')), select, h('label', { for: 'act-reason' }, t('reason')), reason),
    unit,
    err,
    h('button', { type: 'submit' }, t('act_submit')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hidden = true;
    let action = select.value;
    if (action === 'transfer') action = { action, to_department: dept.value, to_region: region.value };
    if (action === 'request_assistance') action = { action, to_department: dept.value, to_region: region.value, request: request.value };
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
  const c = await get(`/api/v1/cases/${encodeURIComponent(id)}`);
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
  mount(
    main,
    h('p', {}, h('a', { href: '#/cases' }, `← ${t('nav_cases')}`)),
    h('h1', {}, `${t('case')} ${row.case_id}`),
    h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('div', { class: 'actions' }, exportBtn, status),
    actionForm(id),
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
            `${e.from_state ? label('state', e.from_state) : '—'} → ${label('state', e.to_state)} · ${e.actor} (${e.role}) · ${e.reason}`,
          ),
        ),
      ),
    ),
    h('details', {}, h('summary', {}, 'JSON'), h('pre', { tabindex: '0' }, JSON.stringify(c.case, null, 2))),
  );
}
