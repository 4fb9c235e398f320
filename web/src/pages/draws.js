// 双随机、一公开: the draws `tianping inspect draw` made and logged (none is made here). Staff see
// the list (`GET /api/v1/draws`, their department's; a leader's region), one draw's record —
// drawn entities with their credit class (internal), inspectors, recusals, seed and digests —
// and a 验证 button that re-runs it on the server (`/verify`) and shows both digests. The public
// face (`#/published`, no sign-in, `GET /api/v1/public/draws`) shows what is published after the
// check ends: task, items, seed, digests, drawn entities and their inspectors — never a class.

import { get } from '../api.js';
import { fmtMs, h, mount } from '../dom.js';
import { label, lang, t } from '../i18n.js';
import { table } from '../table.js';

const pct = (bp) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;

function deptName(d) {
  const name = lang() === 'en' ? d.department_en : d.department_zh;
  return name ? `${name}（${d.department}）` : d.department;
}

function facts(rows) {
  return h(
    'dl',
    { class: 'facts' },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

const code = (s) => h('code', {}, String(s));

/** `#/draws`: the draws in the caller's reach, newest check first. */
export async function renderList(main) {
  const page = await get('/api/v1/draws');
  mount(
    main,
    h('h1', {}, t('draws_title')),
    h('p', { class: 'note' }, t('draws_intro')),
    h(
      'section',
      { 'aria-labelledby': 'draws-h' },
      h('h2', { id: 'draws-h' }, t('draws_list')),
      table(
        'draws',
        [
          { key: 'task_id', label: t('draw_task'), render: (r) => h('a', { href: `#/draw/${encodeURIComponent(r.task_id)}` }, r.task_id) },
          { key: 'task_name', label: t('draw_task_name') },
          { key: 'department', label: t('department'), value: deptName },
          { key: 'period', label: t('draw_period'), value: (r) => `${r.check_start} – ${r.check_end}` },
          { key: 'rates', label: t('draw_rates'), value: (r) => r.rates.map((c) => pct(c.rate_bp)).join(' / ') },
          { key: 'register_size', label: t('draw_register'), num: true },
          { key: 'objects', label: t('draw_objects'), num: true },
          { key: 'inspectors', label: t('draw_inspectors'), num: true },
          { key: 'public_seed', label: t('draw_seed') },
          { key: 'record_sha256', label: t('draw_record_sha'), render: (r) => code(r.record_sha256.slice(0, 16) + '…'), value: (r) => r.record_sha256 },
          { key: 'published', label: t('draw_published'), value: (r) => (r.published ? t('yes') : `${t('draw_not_yet')}（${r.public_from}）`) },
        ],
        page.items,
        t('draws_list'),
      ),
    ),
    h('p', {}, h('a', { href: '#/published' }, t('draw_public_link'))),
  );
}

function showVerification(out, v) {
  const rows = (name, d) => [
    [`${name} input_sha256`, code(d.input_sha256)],
    [`${name} rng_key`, code(d.rng_key)],
    [`${name} result_sha256`, code(d.result_sha256)],
  ];
  mount(
    out,
    h('p', { class: v.matches ? 'ok' : 'error', role: 'status' }, v.matches ? t('draw_verify_ok') : t('draw_verify_failed')),
    v.problem ? h('p', { class: 'error' }, lang() === 'en' ? v.problem.en : v.problem.zh) : null,
    facts([
      ...rows(t('draw_recorded'), v.recorded),
      ...(v.recomputed ? rows(t('draw_recomputed'), v.recomputed) : []),
      [t('draw_record_sha'), code(v.record_sha256)],
      [t('draw_logged'), v.logged_sha256 ? code(v.logged_sha256) : '—'],
      [t('draw_leaf'), String(v.leaf_index)],
    ]),
  );
}

function tallies(d) {
  return table(
    `draw-${d.task_id}-classes`,
    [
      { key: 'class', label: t('credit_class_short'), value: (r) => label('credit', r.class) },
      { key: 'rate_bp', label: t('draw_rate'), value: (r) => pct(r.rate_bp) },
      { key: 'in_register', label: t('draw_in_register'), num: true },
      { key: 'at_cap', label: t('draw_at_cap'), num: true },
      { key: 'eligible', label: t('draw_eligible'), num: true },
      { key: 'drawn', label: t('draw_drawn'), num: true },
    ],
    d.rates,
    t('draw_tallies'),
  );
}

/** `#/draw/TASK`: one draw's record, with verification. */
export async function renderDraw(main, taskId) {
  const d = await get(`/api/v1/draws/${encodeURIComponent(taskId)}`);
  const out = h('div', { id: 'draw-verify', 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', id: 'verify-draw' }, t('draw_verify'));
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    mount(out, h('p', { role: 'status' }, t('loading')));
    try {
      showVerification(out, await get(`/api/v1/draws/${encodeURIComponent(taskId)}/verify`));
    } catch (e) {
      mount(out, h('p', { class: 'error', role: 'alert' }, e.message));
    } finally {
      verify.disabled = false;
    }
  });
  const section = (id, title, ...body) => h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...body);
  mount(
    main,
    h('p', {}, h('a', { href: '#/draws' }, `← ${t('draws_list')}`)),
    h('h1', {}, `${d.task_name}（${d.task_id}）`),
    facts([
      [t('department'), deptName(d)],
      [t('draw_period'), `${d.check_start} – ${d.check_end}`],
      [t('draw_item_type'), label('item_type', d.item_type)],
      [t('draw_items'), d.items.join('、')],
      [t('draw_as_of'), d.as_of],
      [t('draw_cap'), String(d.annual_cap)],
      [t('draw_per_object'), String(d.inspectors_per_object)],
      [t('draw_seed'), d.public_seed],
      [t('draw_input_sha'), code(d.input_sha256)],
      [t('draw_rng_key'), code(d.rng_key)],
      [t('draw_result_sha'), code(d.result_sha256)],
      [t('draw_record_sha'), code(d.record_sha256)],
      [t('draw_leaf'), `${d.leaf_index}（${fmtMs(d.saved_at_ms)}）`],
      [t('draw_publish_by'), d.publish_by || d.publish_by_unknown],
      [t('draw_public_from'), d.published ? h('a', { href: `#/published/${encodeURIComponent(d.task_id)}` }, `${d.public_from} · ${t('draw_public_view')}`) : `${d.public_from}（${t('draw_not_yet')}）`],
    ]),
    section('verify-h', t('draw_verify'), h('p', { class: 'note' }, t('draw_verify_help')), verify, out),
    section('classes-h', t('draw_tallies'), tallies(d)),
    section(
      'targets-h',
      t('draw_targets'),
      table(
        `draw-${d.task_id}-targets`,
        [
          { key: 'order', label: t('draw_order'), num: true, value: (r) => r.order + 1 },
          { key: 'uscc', label: t('uscc') },
          { key: 'class', label: t('credit_class_short'), value: (r) => label('credit', r.class) },
          { key: 'inspectors', label: t('draw_team'), value: (r) => r.inspectors.join('、') },
        ],
        d.drawn,
        t('draw_targets'),
      ),
    ),
    section(
      'inspectors-h',
      t('draw_inspector_register'),
      table(
        `draw-${d.task_id}-inspectors`,
        [
          { key: 'id', label: t('inspector_id') },
          { key: 'department', label: t('department') },
          { key: 'active', label: t('inspector_active'), value: (r) => (r.active ? t('yes') : t('no')) },
          { key: 'in_pool', label: t('inspector_in_pool'), value: (r) => (r.in_pool ? t('yes') : t('no')) },
          { key: 'assigned', label: t('inspector_assigned'), num: true },
          { key: 'declared_conflicts', label: t('inspector_conflicts'), num: true },
        ],
        d.inspector_register,
        t('draw_inspector_register'),
      ),
    ),
    section(
      'recusals-h',
      t('draw_recusals'),
      table(
        `draw-${d.task_id}-recusals`,
        [
          { key: 'uscc', label: t('uscc') },
          { key: 'inspector', label: t('draw_recused') },
        ],
        d.recusals,
        t('draw_recusals'),
      ),
    ),
  );
}

function publicDraw(d) {
  const id = `pub-${d.task_id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return h(
    'section',
    { class: 'public-draw', 'aria-labelledby': id },
    h('h2', { id }, `${d.task_name}（${d.task_id}）`),
    facts([
      [t('department'), deptName(d)],
      [t('draw_period'), `${d.check_start} – ${d.check_end}`],
      [t('draw_items'), d.items.join('、')],
      [t('draw_seed'), d.public_seed],
      [t('draw_input_sha'), code(d.input_sha256)],
      [t('draw_result_sha'), code(d.result_sha256)],
      [t('draw_publish_by'), d.publish_by],
      [t('draw_results'), t('draw_results_pending')],
    ]),
    table(
      `public-${d.task_id}`,
      [
        { key: 'uscc', label: t('uscc') },
        { key: 'inspectors', label: t('draw_team'), value: (r) => r.inspectors.join('、') },
      ],
      d.objects,
      `${t('draw_objects')}：${d.objects.length}`,
    ),
  );
}

/** `#/published[/TASK]`: the public face, for anyone (no sign-in). */
export async function renderPublic(main, taskId) {
  const draws = taskId ? [await get(`/api/v1/public/draws/${encodeURIComponent(taskId)}`)] : (await get('/api/v1/public/draws')).items;
  mount(
    main,
    h('h1', {}, t('draw_public_title')),
    h('p', { class: 'note' }, t('draw_public_intro')),
    draws.length ? draws.map(publicDraw) : h('p', {}, t('draw_public_none')),
    taskId ? h('p', {}, h('a', { href: '#/published' }, t('draw_public_link'))) : null,
  );
}
