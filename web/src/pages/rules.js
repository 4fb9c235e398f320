// 规则: the detector catalogue — each rule version with its legal basis, period in force and
// parameters (default, unit, bounds, source), as the detectors declare them.

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { lang, t } from '../i18n.js';
import { table } from '../table.js';

export async function render(main) {
  const rules = await get('/api/v1/rules');
  const params = rules.items.flatMap((r) =>
    (r.rule.params || []).map((p) => ({ rule: r.rule.rule, ...p })),
  );
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
    ], params),
  );
}
