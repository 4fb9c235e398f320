// 规则: the detector catalogue — each rule version with its legal basis, period in force and
// parameters (default, unit, bounds, source), as the detectors declare them; for the versions in
// force today, each parameter's value and where it comes from (the default, or a stored setting
// with its number, first day and reason), and the history of every setting.

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { lang, t } from '../i18n.js';
import { table } from '../table.js';

export async function render(main) {
  const rules = await get('/api/v1/rules');
  const sourceText = (v) =>
    v.source === 'setting'
      ? `${t('source_setting')} #${v.setting_id}，${t('from_day')} ${v.effective_from}：${v.reason || ''}（${v.set_by || ''}）`
      : t('source_default');
  const params = rules.items.flatMap((r) =>
    (r.rule.params || []).map((p) => {
      const v = (r.values || []).find((x) => x.def && x.def.name === p.name);
      return {
        rule: r.rule.rule,
        ...p,
        value: v ? v.value : '',
        value_source: v ? sourceText(v) : t('not_in_force'),
      };
    }),
  );
  // The history of every rule that has a setting (the value in force names its setting).
  const withSettings = [...new Set(
    rules.items.flatMap((r) => (r.values || []).filter((v) => v.source === 'setting').map(() => r.rule.rule)),
  )];
  const history = (await Promise.all(
    withSettings.map((rule) => get(`/api/v1/rules/${encodeURIComponent(rule)}/settings`)),
  )).flatMap((page) => page.items);
  mount(
    main,
    h('h1', {}, t('nav_rules')),
    table('rules', [
      { key: 'detector', label: t('practice'), value: (r) => `${(lang() === 'en' ? r.practice_en : r.practice_zh) || r.detector} (v${r.detector_version})` },
      { key: 'rule', label: t('rule'), value: (r) => r.rule.rule },
      { key: 'legal_basis', label: t('legal_basis'), value: (r) => (r.rule.legal_basis || []).join('；') },
      { key: 'effective_from', label: t('effective_from'), value: (r) => r.rule.effective_from },
      { key: 'effective_to', label: t('effective_to'), value: (r) => r.rule.effective_to || '' },
    ], rules.items),
    h('h2', {}, t('parameters')),
    table('rule-parameters', [
      { key: 'rule', label: t('rule') },
      { key: 'name', label: t('name') },
      { key: 'default', label: t('default'), num: true },
      { key: 'unit', label: t('unit') },
      { key: 'min', label: 'min', num: true },
      { key: 'max', label: 'max', num: true },
      { key: 'meaning_zh', label: t('meaning') },
      { key: 'source', label: t('source') },
      { key: 'value', label: t('value_today'), num: true },
      { key: 'value_source', label: t('value_source') },
    ], params),
    h('h2', {}, t('setting_history')),
    table('rule-settings', [
      { key: 'setting_id', label: '#', num: true },
      { key: 'rule', label: t('rule') },
      { key: 'param', label: t('name') },
      { key: 'value', label: t('value_today'), num: true },
      { key: 'effective_from', label: t('from_day') },
      { key: 'reason', label: t('reason_basis') },
      { key: 'set_by', label: t('set_by') },
      { key: 'recorded_at', label: t('recorded_at') },
    ], history),
  );
}
