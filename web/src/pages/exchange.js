// 数据交换: delivered batches with their receipts' counts, and one batch's quarantine — the
// refused rows with file, record, field, value (masked) and the rule broken.

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { lang, t } from '../i18n.js';
import { table } from '../table.js';

export async function render(main, supplier, batch) {
  const batches = await get('/api/v1/batches?limit=200');
  const parts = [
    h('h1', {}, t('nav_exchange')),
    table('batches', [
      { key: 'supplier', label: t('supplier') },
      { key: 'batch_id', label: t('batch') },
      { key: 'status', label: t('status') },
      { key: 'received_at', label: t('received_at') },
      { key: 'accepted', label: t('accepted'), num: true },
      { key: 'quarantined', label: t('quarantined'), num: true },
      { key: 'warnings', label: t('warnings'), num: true },
      {
        key: 'q',
        label: t('quarantine'),
        value: () => '',
        exported: false,
        render: (r) =>
          r.quarantined > 0
            ? h('a', { href: `#/exchange/${encodeURIComponent(r.supplier)}/${encodeURIComponent(r.batch_id)}` }, t('show_quarantine'))
            : '',
      },
    ], batches.items),
  ];
  if (supplier && batch) {
    const q = await get(`/api/v1/batches/${encodeURIComponent(supplier)}/${encodeURIComponent(batch)}/quarantine?limit=200`);
    parts.push(
      h('h2', { id: 'quarantine' }, `${t('quarantine')}: ${supplier} / ${batch}`),
      table(`quarantine-${batch}`, [
        { key: 'file', label: t('file') },
        { key: 'record', label: t('record'), num: true },
        { key: 'field', label: t('field') },
        { key: 'value', label: t('value') },
        { key: 'rule', label: t('rule') },
        { key: 'message', label: t('message'), value: (r) => (lang() === 'en' ? r.message_en : r.message) },
      ], q.items),
    );
  }
  mount(main, ...parts);
}
