// Building DOM nodes without innerHTML: every text is a text node, so data from the server is
// never interpreted as markup.

/** `h('div', {class: 'x', onclick: f}, child, 'text', …)`. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Saves a Blob as a file. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A date-time from ms since the epoch, in Beijing time. */
export function fmtMs(ms) {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms + 8 * 3600 * 1000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** Replaces the children of `el` with `nodes`, skipping absent ones (null, undefined, false). */
export function mount(el, ...nodes) {
  el.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
}
