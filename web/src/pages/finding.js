// 发现详情 (a finding; 线索 are the clues case officers open from alerts): the summary, legal basis, subject and related parties, the evidence
// figures as the detector recorded them with their digest, and — for price findings — the
// price history with the comparison window shaded, a brushing ring's parties as a graph, a
// pyramid scheme's referral tree, and the evidence proof status (the finding's leaf in the
// evidence log and its inclusion proof against the current signed tree head, recomputed by the
// server). Filing a clue is offered when the finding's alert is open.

/* global echarts */
import { get } from '../api.js';
import { chart, starGraph } from '../charts.js';
import { fmtMs, h, mount } from '../dom.js';
import { label, lang, sev, t } from '../i18n.js';
import { fileClue, merchantLink } from './cockpit.js';

function dl(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** Scalar figures at the top of the evidence, for a readable table. */
function scalarFigures(evidence) {
  return Object.entries(evidence || {}).filter(([, v]) => v === null || typeof v !== 'object');
}

const fen = (v) => (typeof v === 'number' ? v / 100 : null);
const day = 24 * 3600 * 1000;

/** The price series of a `price_fraud` finding's evidence, if it holds any. */
export function priceSeries(evidence) {
  const violations = Array.isArray(evidence && evidence.violations) ? evidence.violations : [];
  if (violations.length === 0) return null;
  const transactions = [];
  const reference = [];
  const displayed = [];
  for (const v of violations) {
    const at = Date.parse(v.observed_at);
    if (Number.isNaN(at)) continue;
    if (fen(v.reference_price_fen) !== null) reference.push([at, fen(v.reference_price_fen)]);
    if (fen(v.displayed_price_fen) !== null) displayed.push([at, fen(v.displayed_price_fen)]);
    for (const s of v.base_transactions || []) {
      const ts = Date.parse(s.ordered_at);
      if (!Number.isNaN(ts) && fen(s.unit_price_fen) !== null) transactions.push([ts, fen(s.unit_price_fen)]);
    }
  }
  if (reference.length === 0) return null;
  const first = Math.min(...reference.map((p) => p[0]));
  const windowDays = Number(evidence.window_days) || 7;
  return { transactions, reference, displayed, window: [first - windowDays * day, first], windowLabel: t('window_7d') };
}

/** The series of a raise-then-discount finding: usual price, the raise, the discount. */
export function raiseSeries(evidence) {
  const f = evidence && evidence.finding;
  if (!f || typeof f !== 'object') return null;
  const raised = Date.parse(f.raised_at);
  const discounted = Date.parse(f.discount_observed_at);
  if (Number.isNaN(raised) || Number.isNaN(discounted) || fen(f.usual_price_fen) === null) return null;
  const before = raised - Math.max(day, discounted - raised);
  return {
    transactions: [],
    displayed: [
      [before, fen(f.usual_price_fen)],
      [raised, fen(f.raised_price_fen)],
      [discounted, fen(f.discounted_price_fen)],
    ],
    reference: fen(f.reference_price_fen) === null ? [] : [[discounted, fen(f.reference_price_fen)]],
    window: [raised, discounted],
    windowLabel: t('window_raise'),
  };
}

function priceChart(el, series) {
  chart(el, {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: t('yuan'), scale: true },
    series: [
      {
        type: 'scatter',
        name: t('price_transactions'),
        data: series.transactions,
        markArea: {
          itemStyle: { color: 'rgba(43,108,176,0.14)' },
          label: { show: true, position: 'insideTop', color: '#1f4e8c' },
          data: [[{ name: series.windowLabel, xAxis: series.window[0] }, { xAxis: series.window[1] }]],
        },
      },
      { type: 'line', name: t('price_reference'), data: series.reference, step: 'end', itemStyle: { color: '#c0392b' } },
      { type: 'line', name: t('price_displayed'), data: series.displayed, step: 'end', itemStyle: { color: '#2b6cb0' } },
    ],
  });
}

function refText(r) {
  return `${label('kind', r.kind)} ${r.platform_id ? r.platform_id + '/' : ''}${r.id}`;
}

const KIND_COLOURS = { merchant: '#c0392b', person: '#2b6cb0', listing: '#f08a4b', platform: '#1e6b35' };

/** The parties of a finding as a graph: the subject in the middle, each related party linked
 * to it (a brushing ring's accounts, a scheme's members, the rival platform, the listings). */
function relatedGraph(el, subject, related) {
  const spokes = related.slice(0, 200).map((r, i) => ({ id: `r${i}`, name: refText(r), symbolSize: 16, itemStyle: { color: KIND_COLOURS[r.kind] || '#666' } }));
  starGraph(el, { id: 'subject', name: refText(subject), symbolSize: 40, itemStyle: { color: '#7b2d26' } }, spokes, {
    label: { show: related.length <= 30, position: 'bottom', fontSize: 10 },
  });
}

/** The referral tree of a `pyramid_scheme` finding from its evidence: the scheme (members,
 * levels, entry fees) at the root, the members with most direct recruits below it, the rest
 * grouped. `null` when the evidence is not a scheme's. */
export function referralTree(evidence) {
  if (!evidence || typeof evidence.members !== 'number' || typeof evidence.levels !== 'number') return null;
  const tops = Array.isArray(evidence.largest_downlines) ? evidence.largest_downlines : [];
  const fees = typeof evidence.entry_fees_fen === 'number' ? (evidence.entry_fees_fen / 100).toFixed(2) : '—';
  // Pids are long digests: the label shows their head, the tooltip the whole.
  const children = tops.map((m) => ({
    name: `${String(m.member_pid).slice(0, 10)}…\n${t('direct_recruits')} ${m.direct_recruits}`,
    pid: String(m.member_pid),
    value: m.direct_recruits,
  }));
  const rest = evidence.members - tops.length;
  if (rest > 0) children.push({ name: `${t('other_members')} ${rest}`, value: rest, itemStyle: { color: '#8a94a6' } });
  return {
    name: `${t('members')} ${evidence.members} · ${t('levels')} ${evidence.levels}\n${t('entry_fees')} ${fees} ${t('yuan')}`,
    children,
  };
}

/** The scheme's real tree from its `referrals` rows (who recruited whom), under the scheme's
 * node from the evidence; `null` when there are no rows. */
export function referralForest(rows, root) {
  if (!Array.isArray(rows) || rows.length === 0 || !root) return null;
  const yuan = (f) => (typeof f === 'number' ? (f / 100).toFixed(2) : '—');
  const nodes = new Map(
    rows.map((r) => [
      String(r.member_pid),
      {
        name: `${String(r.member_pid).slice(0, 8)}…`,
        pid: String(r.member_pid),
        detail: [
          `${t('entry_fees')} ${yuan(r.entry_fee_fen)} ${t('yuan')}`,
          `${t('recruitment_rewards')} ${yuan(r.recruitment_rewards_fen)} ${t('yuan')}`,
          `${t('sales_rewards')} ${yuan(r.sales_rewards_fen)} ${t('yuan')}`,
        ],
        children: [],
      },
    ]),
  );
  const top = [];
  for (const r of rows) {
    const node = nodes.get(String(r.member_pid));
    const up = r.referrer_pid === null || r.referrer_pid === undefined ? null : nodes.get(String(r.referrer_pid));
    // A referrer outside the rows (or a cycle's entry) hangs the member under the scheme.
    if (up && up !== node) up.children.push(node);
    else top.push(node);
  }
  return { name: root.name, children: top };
}

function countNodes(n) {
  return 1 + (n.children || []).reduce((a, c) => a + countNodes(c), 0);
}

function treeChart(el, root) {
  chart(el, {
    // ECharts renders a formatter's string as HTML: every text in it is escaped first.
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const esc = echarts.format.encodeHTML;
        if (p.data.detail) return [p.data.pid, ...p.data.detail].map(esc).join('<br>');
        return p.data.pid ? `${esc(p.data.pid)}<br>${esc(t('direct_recruits'))} ${esc(String(p.data.value))}` : esc(p.name).replace('\n', '<br>');
      },
    },
    series: [{
      type: 'tree',
      data: [root],
      orient: 'TB',
      top: 60,
      bottom: 110,
      left: 40,
      right: 40,
      symbolSize: 10,
      // Large schemes open three levels deep; a click opens the rest.
      initialTreeDepth: countNodes(root) > 200 ? 3 : -1,
      expandAndCollapse: true,
      label: { position: 'top', fontSize: 12, color: '#1a202c' },
      leaves: { label: { position: 'bottom', rotate: -90, verticalAlign: 'middle', align: 'left', fontSize: 11 } },
      lineStyle: { color: '#8a94a6' },
    }],
  });
}

/** The proof status section: 已验证/未验证 with the leaf, head, path and each check. */
export function proofSection(p) {
  const ok = p.verified;
  const short = (x) => (x ? h('code', {}, x) : '—');
  const head = p.head || {};
  const checks = h('ul', { class: 'checks' }, (p.checks || []).map((c) =>
    h('li', { class: c.ok ? 'ok-item' : 'bad-item' }, `${c.ok ? '✔' : '✘'} ${lang() === 'en' ? c.en : c.zh}`)));
  return h(
    'section',
    { 'aria-labelledby': 'pf', id: 'proof' },
    h('h2', { id: 'pf' }, t('proof_status')),
    h('p', { class: ok ? 'ok proof-verdict' : 'error proof-verdict' }, ok ? `✔ ${t('proof_verified')}` : `✘ ${t('proof_unverified')}`),
    h('dl', { class: 'facts' },
      h('dt', {}, t('leaf_index')), h('dd', {}, p.leaf_index === null || p.leaf_index === undefined ? '—' : String(p.leaf_index)),
      h('dt', {}, t('leaf_hash')), h('dd', {}, short(p.leaf_hash)),
      h('dt', {}, t('finding_digest')), h('dd', {}, short(p.finding_sha256)),
      h('dt', {}, t('tree_size')), h('dd', {}, head.tree_size === undefined ? '—' : String(head.tree_size)),
      h('dt', {}, t('root_hash')), h('dd', {}, short(head.root)),
      h('dt', {}, t('computed_root')), h('dd', {}, short(p.computed_root)),
      h('dt', {}, t('head_time')), h('dd', {}, head.timestamp_ms === undefined ? '—' : fmtMs(head.timestamp_ms)),
      h('dt', {}, t('key_id')), h('dd', {}, short(head.key_id)),
      h('dt', {}, t('signature')), h('dd', {}, head.signature_ok ? t('signature_ok') : t('signature_bad')),
      p.first_head ? [h('dt', {}, t('first_head')), h('dd', {}, `${p.first_head.tree_size} · ${fmtMs(p.first_head.timestamp_ms)}`)] : null,
    ),
    h('h3', {}, t('checks')),
    checks,
    h('details', {}, h('summary', {}, `${t('audit_path')}（${(p.path || []).length}）`), h('ol', { class: 'path' }, (p.path || []).map((x) => h('li', {}, h('code', {}, x))))),
    h('p', { class: 'note' }, t('proof_note')),
  );
}

export async function render(main, id) {
  const [f, proof, referrals] = await Promise.all([
    get(`/api/v1/findings/${encodeURIComponent(id)}`),
    get(`/api/v1/findings/${encodeURIComponent(id)}/proof`).catch((e) => ({ failed: e.message })),
    get(`/api/v1/findings/${encodeURIComponent(id)}/referrals`).catch(() => ({ members: [] })),
  ]);
  const subject = f.subject || {};
  // The merchant: the subject itself, or the merchant among the related parties (a listing's).
  const merchantRef = subject.kind === 'merchant' ? subject : (f.related || []).find((r) => r.kind === 'merchant');
  const merchantKey = merchantRef ? `merchant|${merchantRef.platform_id || ''}|${merchantRef.id}` : null;
  let alert = null;
  if (merchantKey) {
    try {
      const alerts = await get(`/api/v1/alerts?limit=200&merchant=${encodeURIComponent(merchantKey)}`);
      alert = (alerts.items || []).find((a) => (a.finding_ids || []).includes(f.finding_id)) || null;
    } catch {
      alert = null;
    }
  }
  const actions = h('div', { class: 'actions' });
  if (alert && alert.status === 'open') {
    const btn = h('button', { type: 'button', id: 'file-clue' }, t('file_clue'));
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      try {
        const clue = await fileClue(alert.alert_id);
        location.hash = `#/case/${encodeURIComponent(clue.case_id)}`;
      } catch (e) {
        actions.append(h('p', { class: 'error', role: 'alert' }, e.message));
        btn.disabled = false;
      }
    });
    actions.append(btn);
  } else if (alert && alert.case_id) {
    actions.append(h('a', { href: `#/case/${encodeURIComponent(alert.case_id)}` }, `${t('filed')}: ${alert.case_id}`));
  }
  const series = priceSeries(f.evidence) || raiseSeries(f.evidence);
  const graphBox = (f.related || []).length >= 2 ? h('div', { class: 'chart tall', role: 'img', 'aria-label': t('related_graph') }) : null;
  const summaryTree = referralTree(f.evidence);
  const fullTree = referralForest(referrals.members, summaryTree);
  const tree = fullTree || summaryTree;
  const treeBox = tree ? h('div', { class: 'chart tall', role: 'img', 'aria-label': t('referral_tree') }) : null;
  const priceBox = series ? h('div', { class: 'chart tall', role: 'img', 'aria-label': t('price_history') }) : null;
  mount(
    main,
    h('p', {}, h('a', { href: '#/alerts' }, `← ${t('nav_alerts')}`)),
    h('h1', {}, t('finding')),
    h('p', { class: 'summary' }, f.summary),
    dl([
      [t('id'), f.finding_id],
      [t('rule'), `${f.rule} (v${f.detector_version})`],
      [t('severity'), sev(f.severity)],
      [t('score'), String(f.score)],
      [t('subject'), refText(subject)],
      [t('merchant'), merchantKey ? merchantLink(merchantKey) : ''],
      [t('window'), f.window ? `${f.window.from || ''} — ${f.window.to || ''}` : ''],
      [t('evidence_sha'), h('code', {}, f.evidence_sha256)],
    ]),
    actions,
    h('section', { 'aria-labelledby': 'lb' }, h('h2', { id: 'lb' }, t('legal_basis')), h('ul', {}, (f.legal_basis || []).map((b) => h('li', {}, b)))),
    series ? h('section', { 'aria-labelledby': 'ph' }, h('h2', { id: 'ph' }, t('price_history')), priceBox) : null,
    tree ? h('section', { 'aria-labelledby': 'rt', id: 'referral' }, h('h2', { id: 'rt' }, t('referral_tree')), h('p', { class: 'note' }, fullTree ? `${t('referral_tree_full')}${referrals.truncated ? t('referral_truncated') : ''}` : t('referral_tree_note')), treeBox) : null,
    h(
      'section',
      { 'aria-labelledby': 'ev' },
      h('h2', { id: 'ev' }, t('evidence_figures')),
      dl(scalarFigures(f.evidence).map(([k, v]) => [k, String(v)])),
      h('details', {}, h('summary', {}, 'JSON'), h('pre', { tabindex: '0' }, JSON.stringify(f.evidence, null, 2))),
    ),
    (f.related || []).length
      ? h(
          'section',
          { 'aria-labelledby': 'rel' },
          h('h2', { id: 'rel' }, t('related')),
          graphBox,
          h('details', {}, h('summary', {}, `${t('related')}（${f.related.length}）`), h('ul', {}, f.related.map((r) => h('li', {}, refText(r))))),
        )
      : null,
    proof.failed
      ? h('section', { 'aria-labelledby': 'pf', id: 'proof' }, h('h2', { id: 'pf' }, t('proof_status')), h('p', { class: 'error' }, `${t('proof_unverified')}: ${proof.failed}`))
      : proofSection(proof),
  );
  if (series) priceChart(priceBox, series);
  if (graphBox) relatedGraph(graphBox, subject, f.related);
  if (treeBox) treeChart(treeBox, tree);
}
