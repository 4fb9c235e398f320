// 主体画像 (a merchant's profile): registry facts, its shops on every platform, findings,
// alerts (with filing), cases, penalties on its USCC (with their public display as of the
// server's date) and our decided cases, and relations — other registered entities sharing its
// legal representative or address, and merchants brushed from the same ring devices (derived
// from 刷单炒信 findings, counts only) — as a graph.

import { get } from '../api.js';
import { starGraph } from '../charts.js';
import { h, mount } from '../dom.js';
import { label, lang, sev, t } from '../i18n.js';
import { table } from '../table.js';
import { fileClue } from './cockpit.js';

function facts(obj, keys) {
  if (!obj) return h('p', { class: 'note' }, t('none'));
  return h(
    'dl',
    { class: 'facts' },
    keys.filter(([k]) => obj[k] !== undefined && obj[k] !== null).flatMap(([k, label]) => [h('dt', {}, label), h('dd', {}, String(obj[k]))]),
  );
}

/** The penalty's public display, in words (the server judged it; see tianping-cases publicity). */
function publicityText(p) {
  if (!p.display) return `${t('penalty_problem')}${p.problem || ''}`;
  const d = p.display;
  if (!d.published) return t('not_published');
  const base = d.on_display ? `${t('on_display_until')}${d.ends_on}` : `${t('display_ended')}${d.ends_on}`;
  return d.ban_may_extend ? `${base}${t('ban_may_extend')}` : base;
}

function penaltiesSection(m) {
  return h(
    'section',
    { 'aria-labelledby': 'pe', class: 'penalties' },
    h('h2', { id: 'pe' }, t('penalties')),
    h('p', { class: 'note' }, `${t('penalties_note')}${m.penalties_as_of || ''}`),
    table('merchant-penalties', [
      { key: 'decided_on', label: t('decided_on') },
      { key: 'authority', label: t('authority') },
      { key: 'kind', label: t('penalty_kind'), value: (r) => (lang() === 'en' ? r.kind_en : r.kind_zh) || r.kind },
      { key: 'fine_yuan', label: t('fine_yuan'), num: true },
      { key: 'confiscated_yuan', label: t('confiscated_yuan'), num: true },
      { key: 'legal_basis', label: t('legal_basis') },
      {
        key: 'publicity',
        label: t('publicity'),
        value: publicityText,
        render: (r) => h('span', { class: r.display && r.display.on_display ? 'on-display' : 'display-ended' }, publicityText(r)),
      },
    ], m.penalties || []),
    h('h3', {}, t('decided_cases')),
    table('merchant-decided-cases', [
      { key: 'case_id', label: t('id'), render: (r) => h('a', { href: `#/case/${encodeURIComponent(r.case_id)}` }, r.case_id) },
      { key: 'state', label: t('state'), value: (r) => label('state', r.state) },
      { key: 'department', label: t('department') },
      { key: 'region', label: t('region') },
    ], m.decided_cases || []),
  );
}

// The latest credit risk class of its USCC (国市监信发〔2022〕6号: internal, for allocating
// supervision; the API gives it to regulator staff only).
function creditLine(c) {
  const text = c
    ? `${t(`credit_${c.class}`)}（${t('credit_detail').replace('{as_of}', c.as_of).replace('{points}', c.points).replace('{version}', c.model_version)}）`
    : t('credit_none');
  return h('p', { class: 'credit' }, h('strong', {}, `${t('credit_class')}：`), text);
}

/** Merchants brushed from the same ring devices (derived from 刷单炒信 findings; counts only). */
function ringSection(m) {
  const rows = (m.related || []).filter((r) => r.via === 'ring_device');
  if (rows.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'ring-rel', class: 'ring-relations' },
    h('h2', { id: 'ring-rel' }, t('ring_relations')),
    h('p', { class: 'note' }, t('ring_relations_note')),
    table('merchant-ring-relations', [
      {
        key: 'merchant_key',
        label: t('other_merchant'),
        value: (r) => `${r.platform_id}/${r.merchant_id}${r.name ? ` ${r.name}` : ''}`,
        render: (r) => h('a', { href: `#/merchant/${encodeURIComponent(r.merchant_key)}` }, `${r.platform_id}/${r.merchant_id}${r.name ? ` ${r.name}` : ''}`),
      },
      { key: 'shared_devices', label: t('shared_devices'), num: true },
      {
        key: 'finding_ids',
        label: t('finding_ids'),
        value: (r) => (r.finding_ids || []).join(' '),
        render: (r) => h('span', {}, (r.finding_ids || []).flatMap((id, i) => [i ? ' ' : null, h('a', { href: `#/finding/${encodeURIComponent(id)}` }, id.slice(0, 16))])),
      },
    ], rows),
  );
}

export async function render(main, key) {
  const m = await get(`/api/v1/merchants/${encodeURIComponent(key)}`);
  const shopName = (m.shop && (m.shop.shop_name || m.shop.name)) || m.merchant_id;
  const graphBox = h('div', { class: 'chart tall', role: 'img', 'aria-label': t('relations') });
  mount(
    main,
    h('h1', {}, `${t('merchant_profile')}：${shopName}`),
    h('p', { class: 'note' }, `${m.platform_id} / ${m.merchant_id}`),
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'reg' },
        h('h2', { id: 'reg' }, t('registry_facts')),
        facts(m.registry, [
          ['name', t('name')],
          ['uscc', t('uscc')],
          ['entity_type', t('entity_type')],
          ['status', t('status')],
          ['address', t('address')],
          ['adcode', t('region')],
          ['established_on', t('established_on')],
          ['business_scope', t('business_scope')],
          ['annual_report_filed', t('annual_report_filed')],
        ]),
        creditLine(m.credit),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'rel' },
        h('h2', { id: 'rel' }, t('relations')),
        h('p', { class: 'note' }, t('relations_note')),
        graphBox,
      ),
    ),
    ringSection(m),
    h(
      'section',
      { 'aria-labelledby': 'shops' },
      h('h2', { id: 'shops' }, t('shops')),
      table('shops', [
        { key: 'platform_id', label: t('platform') },
        { key: 'merchant_id', label: t('id') },
        { key: 'shop_name', label: t('name') },
        { key: 'address', label: t('address') },
        { key: 'license_displayed', label: t('license_displayed') },
        { key: 'opened_on', label: t('opened_on') },
        { key: 'closed_on', label: t('closed_on') },
      ], m.shops || []),
    ),
    h(
      'section',
      { 'aria-labelledby': 'al' },
      h('h2', { id: 'al' }, t('alerts')),
      table('merchant-alerts', [
        { key: 'practice', label: t('practice'), value: (r) => (lang() === 'en' ? r.practice_en : r.practice_zh) || r.practice },
        { key: 'severity', label: t('severity'), value: (r) => sev(r.severity) },
        { key: 'summary', label: t('summary') },
        { key: 'tier', label: t('tier'), value: (r) => t(`tier_${r.tier}`) },
        {
          key: 'status',
          label: t('status'),
          render: (r) => {
            if (r.case_id) return h('a', { href: `#/case/${encodeURIComponent(r.case_id)}` }, r.case_id);
            const btn = h('button', { type: 'button', class: 'secondary file-clue' }, t('file_clue'));
            btn.addEventListener('click', async () => {
              btn.disabled = true;
              try {
                const clue = await fileClue(r.alert_id);
                location.hash = `#/case/${encodeURIComponent(clue.case_id)}`;
              } catch (e) {
                btn.after(h('span', { class: 'error', role: 'alert' }, e.message));
                btn.disabled = false;
              }
            });
            return btn;
          },
        },
      ], m.alerts || []),
    ),
    h(
      'section',
      { 'aria-labelledby': 'fi' },
      h('h2', { id: 'fi' }, t('findings')),
      table('merchant-findings', [
        { key: 'finding_id', label: t('id'), render: (r) => h('a', { href: `#/finding/${encodeURIComponent(r.finding_id)}` }, r.finding_id.slice(0, 16)) },
        { key: 'rule', label: t('rule') },
        { key: 'severity', label: t('severity'), value: (r) => sev(r.severity) },
        { key: 'score', label: t('score'), num: true },
        { key: 'summary', label: t('summary') },
      ], m.findings || []),
    ),
    h(
      'section',
      { 'aria-labelledby': 'ca' },
      h('h2', { id: 'ca' }, t('cases')),
      table('merchant-cases', [
        { key: 'case_id', label: t('id'), render: (r) => h('a', { href: `#/case/${encodeURIComponent(r.case_id)}` }, r.case_id) },
        { key: 'state', label: t('state'), value: (r) => label('state', r.state) },
        { key: 'due_date', label: t('due_date') },
      ], m.cases || []),
    ),
    penaltiesSection(m),
  );
  const centre = { id: 'self', name: (m.registry && m.registry.name) || shopName, symbolSize: 46, itemStyle: { color: '#c0392b' } };
  const spokes = [];
  const links = [];
  for (const s of m.shops || []) {
    spokes.push({ id: `shop:${s.platform_id}/${s.merchant_id}`, name: `${s.platform_id}：${s.shop_name}`, symbolSize: 26, itemStyle: { color: '#2b6cb0' } });
    links.push({});
  }
  for (const r of m.related || []) {
    if (r.via === 'ring_device') {
      spokes.push({ id: `ring:${r.merchant_key}`, name: `${r.platform_id}：${r.name || r.merchant_id}`, symbolSize: 30, itemStyle: { color: '#7b3fa0' } });
      links.push({ lineStyle: { type: 'dashed' }, label: { show: true, formatter: t('via_ring_device').replace('{n}', r.shared_devices) } });
      continue;
    }
    // One node per registered entity, its link naming every way it is related (legal representative, address).
    const id = `reg:${r.uscc}`;
    const via = r.via === 'legal_rep' ? t('via_legal_rep') : t('via_address');
    const at = spokes.findIndex((s) => s.id === id);
    if (at >= 0) {
      const sep = lang() === 'en' ? '; ' : '、';
      if (!links[at].label.formatter.split(sep).includes(via)) links[at].label.formatter += `${sep}${via}`;
      continue;
    }
    spokes.push({ id, name: r.name, symbolSize: 30, itemStyle: { color: '#f08a4b' } });
    links.push({ label: { show: true, formatter: via } });
  }
  starGraph(graphBox, centre, spokes, { links, edgeLabel: { fontSize: 10 } });
}
