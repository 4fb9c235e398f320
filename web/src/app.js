// The shell of the interface: header with navigation and the language switch, and a hash
// router (`#/cockpit`, `#/finding/ID`, …) that renders one page into <main>. Each page module
// exports `render(main, ...params)`; the time each render takes is kept in
// `window.__tianpingRender` for the browser test.

import { del, get } from './api.js';
import { disposeCharts } from './charts.js';
import { h } from './dom.js';
import { lang, t, toggleLang } from './i18n.js';
import * as admin from './pages/admin.js';
import * as cases from './pages/cases.js';
import * as cockpit from './pages/cockpit.js';
import * as evidence from './pages/evidence.js';
import * as exchange from './pages/exchange.js';
import * as finding from './pages/finding.js';
import * as merchant from './pages/merchant.js';
import * as signin from './pages/signin.js';

const ROUTES = {
  signin: signin.render,
  cockpit: cockpit.render,
  alerts: cockpit.renderAlerts,
  finding: finding.render,
  merchant: merchant.render,
  cases: cases.renderList,
  case: cases.renderCase,
  exchange: exchange.render,
  evidence: evidence.render,
  admin: admin.render,
};

const NAV = [
  ['cockpit', 'nav_cockpit'],
  ['alerts', 'nav_alerts'],
  ['cases', 'nav_cases'],
  ['exchange', 'nav_exchange'],
  ['evidence', 'nav_evidence'],
  ['admin', 'nav_admin'],
];

let me = null;

function header(current) {
  const top = document.getElementById('top');
  const langButton = h('button', { type: 'button', class: 'link', lang: lang() === 'zh' ? 'en' : 'zh-CN' }, t('lang_switch'));
  langButton.addEventListener('click', () => {
    toggleLang();
    route();
  });
  const items = me
    ? NAV.map(([name, key]) =>
        h('li', {}, h('a', { href: `#/${name}`, 'aria-current': current === name ? 'page' : null }, t(key))),
      )
    : [];
  let user = null;
  if (me) {
    const out = h('button', { type: 'button', class: 'link' }, t('sign_out'));
    out.addEventListener('click', async () => {
      await del('/api/v1/session');
      me = null;
      location.hash = '#/signin';
    });
    user = h('span', { class: 'user' }, `${me.display_name || me.login} · ${me.roles.join(', ')} `, out);
  }
  top.replaceChildren(
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '⚖'), t('app_name')),
    h('nav', { 'aria-label': t('nav_main') }, h('ul', {}, items)),
    h('div', { class: 'right' }, user, langButton),
  );
}

async function route() {
  const [name, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = ROUTES[name] ? name : 'cockpit';
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  if (page === 'signin') me = null;
  if (page !== 'signin' && !me) {
    try {
      me = await get('/api/v1/me');
    } catch {
      me = null;
      location.hash = '#/signin';
      return;
    }
  }
  header(page);
  disposeCharts();
  const main = document.getElementById('main');
  main.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
  const started = performance.now();
  try {
    await ROUTES[page](main, ...params);
  } catch (e) {
    main.replaceChildren(h('div', { class: 'error', role: 'alert' }, `${t('error')}: ${e.message}`));
  }
  const ms = performance.now() - started;
  window.__tianpingRender = { page, ms, at: Date.now() };
  main.dataset.rendered = page;
}

window.addEventListener('hashchange', route);
route();
