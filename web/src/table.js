// Tables with sorting, and their export to CSV (UTF-8 with BOM, so Excel reads Chinese) and to
// Excel (.xlsx, written by the `write-excel-file` npm package, loaded by index.html from
// /ui/lib as the global `writeXlsxFile`). Columns: `{key, label, value?, render?, num?, exported?}`;
// a column with `exported: false` (a link or buttons acting on the row) is left out of exports.
/* global writeXlsxFile */

import { h, saveBlob } from './dom.js';
import { t } from './i18n.js';

function cellText(col, row) {
  const v = typeof col.value === 'function' ? col.value(row) : row[col.key];
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function csvField(s) {
  // A leading = + - @ would be read as a formula by spreadsheet programs: quote it with '.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of `rows` under `cols`. */
export function toCsv(allCols, rows) {
  const cols = allCols.filter((c) => c.exported !== false);
  const lines = [cols.map((c) => csvField(c.label)).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvField(cellText(c, r))).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Characters XML 1.0 cannot hold (a cell of them would make the file unreadable) are dropped. */
function xmlSafe(s) {
  return s.replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
}

/** The .xlsx Blob of `rows` under `cols`: a header row, then text cells (numbers in numeric
 * columns). A text cell is always text, never a formula, whatever it starts with. */
export function toXlsx(name, allCols, rows) {
  const cols = allCols.filter((c) => c.exported !== false);
  const data = [
    cols.map((c) => ({ value: xmlSafe(c.label), type: String, fontWeight: 'bold' })),
    ...rows.map((r) =>
      cols.map((c) => {
        const text = xmlSafe(cellText(c, r));
        const n = Number(text);
        if (c.num && text !== '' && Number.isFinite(n)) return { value: n, type: Number };
        return text === '' ? null : { value: text, type: String };
      }),
    ),
  ];
  // Sheet names: at most 31 characters, none of []:*?/\ .
  const sheet = xmlSafe(name).replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
  return writeXlsxFile(data, { sheet, stickyRowsCount: 1 }).toBlob();
}

/**
 * A sortable table with CSV and Excel export buttons. `name` names the exported files.
 * Clicking a header (or Enter on it) sorts by that column.
 */
export function table(name, cols, rows, caption) {
  let sorted = rows.slice();
  let sortKey = null;
  let asc = true;
  const tbody = h('tbody');
  const fill = () => {
    tbody.replaceChildren(
      ...(sorted.length === 0
        ? [h('tr', {}, h('td', { colspan: cols.length, class: 'empty' }, t('none')))]
        : sorted.map((r) =>
            h('tr', {}, cols.map((c) => h('td', { class: c.num ? 'num' : '' }, c.render ? c.render(r) : cellText(c, r)))),
          )),
    );
  };
  const headers = cols.map((c) => {
    const th = h('th', { scope: 'col', 'aria-sort': 'none' });
    const btn = h('button', { type: 'button', class: 'sort' }, c.label);
    btn.addEventListener('click', () => {
      asc = sortKey === c ? !asc : true;
      sortKey = c;
      sorted.sort((a, b) => {
        const x = cellText(c, a);
        const y = cellText(c, b);
        const nx = Number(x);
        const ny = Number(y);
        const cmp = c.num && !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y, 'zh-CN');
        return asc ? cmp : -cmp;
      });
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      fill();
    });
    th.append(btn);
    return th;
  });
  fill();
  const exportCsv = h('button', { type: 'button', class: 'secondary' }, t('export_csv'));
  exportCsv.addEventListener('click', () => saveBlob(new Blob([toCsv(cols, sorted)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`));
  const exportXlsx = h('button', { type: 'button', class: 'secondary' }, t('export_xlsx'));
  exportXlsx.addEventListener('click', async () => {
    exportXlsx.disabled = true;
    try {
      saveBlob(await toXlsx(name, cols, sorted), `${name}.xlsx`);
    } finally {
      exportXlsx.disabled = false;
    }
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h('div', { class: 'table-tools' }, exportCsv, exportXlsx),
    h('table', {}, caption ? h('caption', {}, caption) : null, h('thead', {}, h('tr', {}, headers)), tbody),
  );
}
