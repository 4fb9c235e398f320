// 驾驶舱 (the cockpit) and 线索与告警 (the alert queue). The cockpit draws what
// `GET /api/v1/cockpit` aggregates in the caller's scope: totals, findings by practice and
// severity, trends by day and week, the districts map (dots at division centroids), high-risk
// merchants (each with its latest credit class, internal, beside the ranking — not ranked by it)
// and platforms, cases and ingest health.

import { get, post } from '../api.js';
import { SEVERITY_COLOURS, chart } from '../charts.js';
import { h, mount } from '../dom.js';
import { label, lang, sev, t } from '../i18n.js';
import { table } from '../table.js';

const SEVS = ['low', 'medium', 'high', 'critical'];

let districtsCache = null;
async function districts() {
  if (!districtsCache) districtsCache = await (await fetch('/ui/districts.json')).json();
  return districtsCache;
}

/** The name of a practice (detector id) in the current language. */
export function practiceName(practices, id) {
  const p = practices && practices[id];
  if (!p) return id;
  return lang() === 'en' ? p.en : p.zh;
}

/** A link to a merchant profile. */
export function merchantLink(key, text) {
  const [kind, platform, id] = key.split('|');
  if (kind !== 'merchant') return `${t(`kind_${kind}`)} ${platform ? `${platform} / ` : ''}${id}`;
  return h('a', { href: `#/merchant/${encodeURIComponent(key)}` }, text || `${platform} / ${id}`);
}

function kpi(label, value, cls) {
  return h('div', { class: `kpi ${cls || ''}` }, h('div', { class: 'kpi-value' }, String(value)), h('div', { class: 'kpi-label' }, label));
}

function panel(title, ...body) {
  const id = `p-${Math.random().toString(36).slice(2, 8)}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...body);
}

function chartBox(label, cls) {
  return h('div', { class: `chart ${cls || ''}`, role: 'img', 'aria-label': label });
}

export async function render(main) {
  const [c, geo] = await Promise.all([get('/api/v1/cockpit'), districts()]);
  const name = (id) => practiceName(c.practices, id);

  const kpis = h(
    'div',
    { class: 'kpis' },
    kpi(t('findings'), c.findings.total),
    kpi(t('alerts'), c.alerts.total),
    kpi(t('open_cases'), c.cases.open),
    kpi(t('overdue_cases'), c.cases.overdue, c.cases.overdue > 0 ? 'warn' : ''),
    kpi(t('due_unknown'), c.cases.due_unknown),
  );

  const practiceBox = chartBox(t('by_practice_severity'), 'tall');
  const dayBox = chartBox(t('trend_day'));
  const weekBox = chartBox(t('trend_week'));
  const mapBox = chartBox(t('district_map'), 'tall');
  const tierBox = chartBox(t('alerts_by_tier'));

  const known = new Map(geo.districts.map((d) => [d.adcode, d]));
  const counts = new Map(c.findings.by_district.map((d) => [d.adcode, d.count]));
  const noCentroid = c.findings.by_district.filter((d) => !known.get(d.adcode) || known.get(d.adcode).lon === undefined);

  // The working-day calendar ends (next year's holiday notice not entered): deadlines starting
  // from `unknown_from` cannot be computed and will show as unknown.
  const cal = c.calendar || {};
  const calendarNote = cal.warning
    ? h(
        'p',
        { class: 'banner warn', role: 'status' },
        t('calendar_warning')
          .replace('{last_day}', cal.last_day)
          .replace('{unknown_from}', cal.unknown_from)
          .replace('{next}', String((cal.last_year || 0) + 1)),
      )
    : null;

  mount(
    main,
    h('h1', {}, t('nav_cockpit')),
    calendarNote,
    kpis,
    h(
      'div',
      { class: 'grid' },
      panel(t('by_practice_severity'), practiceBox),
      panel(
        t('district_map'),
        mapBox,
        h('p', { class: 'note' }, t('district_map_note')),
        noCentroid.length
          ? h(
              'p',
              { class: 'note' },
              noCentroid
                .map((d) => `${(known.get(d.adcode) || {}).name || (d.adcode === 'unknown' ? t('unknown_district') : d.adcode)}: ${d.count}`)
                .join('；'),
            )
          : null,
      ),
      panel(t('trend_day'), dayBox),
      panel(t('trend_week'), weekBox),
      panel(
        t('top_merchants'),
        table(
          'top-merchants',
          [
            { key: 'merchant_key', label: t('merchant'), render: (r) => merchantLink(r.merchant_key) },
            { key: 'findings', label: t('findings'), num: true },
            { key: 'max_severity', label: t('severity'), value: (r) => sev(r.max_severity) },
            { key: 'credit', label: t('credit_column'), value: (r) => (r.credit ? `${r.credit.class}（${r.credit.as_of}）` : t('credit_none')) },
            { key: 'summary', label: t('summary') },
          ],
          c.top_merchants,
        ),
        h('p', { class: 'note', id: 'top-merchants-note' }, t('top_merchants_credit_note')),
      ),
      panel(
        t('top_platforms'),
        table('top-platforms', [
          { key: 'platform', label: t('platform') },
          { key: 'findings', label: t('findings'), num: true },
        ], c.top_platforms),
        tierBox,
      ),
      panel(
        t('ingest_health'),
        table(
          'ingest-health',
          [
            { key: 'supplier', label: t('supplier') },
            { key: 'batches', label: t('batches'), num: true },
            { key: 'rejected', label: t('rejected'), num: true },
            { key: 'accepted', label: t('accepted'), num: true },
            { key: 'quarantined', label: t('quarantined'), num: true },
            { key: 'warnings', label: t('warnings'), num: true },
            { key: 'last_received_at', label: t('last_received') },
          ],
          c.ingest,
        ),
      ),
      panel(
        t('overdue_cases'),
        table(
          'overdue-cases',
          [
            { key: 'case_id', label: t('id'), render: (r) => h('a', { href: `#/case/${encodeURIComponent(r.case_id)}` }, r.case_id) },
            { key: 'state', label: t('state'), value: (r) => label('state', r.state) },
            { key: 'due_date', label: t('due_date') },
          ],
          c.cases.overdue_list,
        ),
      ),
    ),
  );

  const practices = c.findings.by_practice.slice().sort((a, b) => a.total - b.total);
  chart(practiceBox, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: practices.map((p) => name(p.practice)) },
    series: SEVS.map((s) => ({
      name: sev(s),
      type: 'bar',
      stack: 'sev',
      itemStyle: { color: SEVERITY_COLOURS[s] },
      data: practices.map((p) => p[s]),
    })),
  });
  chart(dayBox, {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: c.findings.by_day.map((d) => d.date) },
    yAxis: { type: 'value' },
    series: [{ type: 'line', name: t('findings'), data: c.findings.by_day.map((d) => d.count), areaStyle: {} }],
  });
  chart(weekBox, {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: c.findings.by_week.map((d) => d.week) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: t('findings'), data: c.findings.by_week.map((d) => d.count), itemStyle: { color: '#2b6cb0' } }],
  });
  const points = geo.districts
    .filter((d) => d.lon !== undefined)
    .map((d) => ({ name: d.name, value: [d.lon, d.lat, counts.get(d.adcode) || 0] }));
  const max = Math.max(1, ...points.map((p) => p.value[2]));
  chart(mapBox, {
    tooltip: { formatter: (p) => `${p.name}: ${p.value[2]}` },
    grid: { left: 8, right: 60, top: 16, bottom: 8, containLabel: true },
    // A margin around the outermost points, so their dots are not cut at the plot's edge.
    xAxis: { type: 'value', scale: true, name: '°E', min: (v) => v.min - 0.15, max: (v) => v.max + 0.15, axisLabel: { formatter: (v) => v.toFixed(1) } },
    yAxis: { type: 'value', scale: true, name: '°N', min: (v) => v.min - 0.08, max: (v) => v.max + 0.08, axisLabel: { formatter: (v) => v.toFixed(1) } },
    visualMap: { min: 0, max, dimension: 2, right: 0, top: 'middle', calculable: false, inRange: { color: ['#dbe9f6', '#f08a4b', '#c0392b'] }, text: ['', ''] },
    series: [
      {
        type: 'scatter',
        data: points,
        symbolSize: (v) => 14 + 40 * Math.sqrt(v[2] / max),
        label: { show: true, formatter: (p) => `${p.name}\n${p.value[2]}`, position: 'right', fontSize: 11 },
      },
    ],
  });
  const tiers = {};
  for (const r of c.alerts.by_practice_tier) tiers[r.tier] = (tiers[r.tier] || 0) + r.count;
  chart(tierBox, {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: Object.entries(tiers).map(([k, v]) => ({ name: t(`tier_${k}`), value: v })) }],
  });
}

/** Files a clue from an alert (交办 to `department` when given, else the caller's own unit); answers the clue. */
export async function fileClue(alertId, department) {
  const body = { reason: t(department ? 'file_reason_dispatch' : 'file_reason_default') };
  if (department) body.department = department;
  return post(`/api/v1/alerts/${encodeURIComponent(alertId)}/clue`, body);
}

export async function renderAlerts(main) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const severity = params.get('severity') || '';
  const status = params.get('status') || '';
  const q = new URLSearchParams({ limit: '200' });
  if (severity) q.set('severity', severity);
  if (status) q.set('status', status);
  const [alerts, units] = await Promise.all([get(`/api/v1/alerts?${q}`), get('/api/v1/units').catch(() => ({ items: [] }))]);
  const sevSelect = h(
    'select',
    { id: 'f-sev', name: 'severity' },
    h('option', { value: '' }, t('filter_all')),
    SEVS.map((s) => h('option', { value: s, selected: s === severity }, sev(s))),
  );
  const statusSelect = h(
    'select',
    { id: 'f-status', name: 'status' },
    h('option', { value: '' }, t('filter_all')),
    ['open', 'clue'].map((s) => h('option', { value: s, selected: s === status }, t(`alert_${s}`))),
  );
  const form = h(
    'form',
    { class: 'filters' },
    h('label', { for: 'f-sev' }, t('severity')),
    sevSelect,
    h('label', { for: 'f-status' }, t('status')),
    statusSelect,
    h('button', { type: 'submit' }, t('filter_apply')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    if (sevSelect.value) p.set('severity', sevSelect.value);
    if (statusSelect.value) p.set('status', statusSelect.value);
    location.hash = `#/alerts?${p}`;
  });
  // Bulk assignment (交办): the checked open alerts become clues of the chosen unit — the
  // caller's own by default, or a department the caller may dispatch to (GET /api/v1/units).
  const chosen = new Set();
  const bulkStatus = h('span', { role: 'status', class: 'note' });
  const unitName = (u) => `${lang() === 'en' ? u.name_en : u.name_zh}（${u.region}）`;
  const unitSelect = h(
    'select',
    { id: 'bulk-unit', name: 'department' },
    h('option', { value: '' }, t('unit_own')),
    units.items.filter((u) => u.open_clue).map((u) => h('option', { value: u.department }, unitName(u))),
  );
  const bulk = h('button', { type: 'button', id: 'bulk-file' }, t('bulk_file'));
  bulk.addEventListener('click', async () => {
    bulk.disabled = true;
    let done = 0;
    const errors = [];
    for (const id of chosen) {
      try {
        await fileClue(id, unitSelect.value);
        done += 1;
      } catch (e) {
        errors.push(e.message);
      }
    }
    bulkStatus.textContent = `${t('filed')}: ${done}${errors.length ? `；${t('error')}: ${errors.join('；')}` : ''}`;
    if (errors.length === 0) window.dispatchEvent(new HashChangeEvent('hashchange'));
    bulk.disabled = false;
  });
  mount(
    main,
    h('h1', {}, t('nav_alerts')),
    form,
    h('div', { class: 'actions' }, h('label', { for: 'bulk-unit' }, t('assign_to')), unitSelect, bulk, bulkStatus),
    table(
      'alerts',
      [
        {
          key: 'select',
          label: t('select'),
          value: () => '',
          exported: false,
          render: (r) => {
            if (r.status !== 'open') return '';
            const box = h('input', { type: 'checkbox', 'aria-label': `${t('select')} ${r.alert_id}` });
            box.addEventListener('change', () => (box.checked ? chosen.add(r.alert_id) : chosen.delete(r.alert_id)));
            return box;
          },
        },
        { key: 'practice', label: t('practice'), value: (r) => (lang() === 'en' ? r.practice_en : r.practice_zh) || r.practice },
        { key: 'severity', label: t('severity'), value: (r) => sev(r.severity) },
        { key: 'score', label: t('score'), num: true },
        { key: 'merchant_key', label: t('merchant'), render: (r) => merchantLink(r.merchant_key) },
        { key: 'summary', label: t('summary') },
        {
          key: 'finding_ids',
          label: t('findings'),
          value: (r) => (r.finding_ids || []).length,
          render: (r) =>
            (r.finding_ids || []).length
              ? h('a', { href: `#/finding/${encodeURIComponent(r.finding_ids[0])}` }, `${t('open_finding')}（${r.finding_ids.length}）`)
              : '',
        },
        { key: 'tier', label: t('tier'), value: (r) => t(`tier_${r.tier}`) },
        {
          key: 'status',
          label: t('status'),
          value: (r) => t(`alert_${r.status}`),
          render: (r) =>
            r.case_id ? h('a', { href: `#/case/${encodeURIComponent(r.case_id)}` }, r.case_id) : t(`alert_${r.status}`),
        },
      ],
      alerts.items,
    ),
  );
}
