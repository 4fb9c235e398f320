// The shell of the interface: header with navigation and the language switch, and a hash
// router (`#/cockpit`, `#/finding/ID`, …) that renders one page into <main>. Each page module
// exports `render(main, ...params)`; the time each render takes is kept in
// `window.__tianpingRender` for the browser test.

import { del, get } from './api.js';
import { disposeCharts } from './charts.js';
import { h, mount } from './dom.js';
import { label, lang, t, toggleLang } from './i18n.js';
import * as admin from './pages/admin.js';
import * as cases from './pages/cases.js';
import * as cockpit from './pages/cockpit.js';
import * as draws from './pages/draws.js';
import * as evidence from './pages/evidence.js';
import * as exchange from './pages/exchange.js';
import * as finding from './pages/finding.js';
import * as merchant from './pages/merchant.js';
import * as rules from './pages/rules.js';
import * as signin from './pages/signin.js';
import * as session from './session.js';

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
  verify: evidence.renderVerify,
  rules: rules.render,
  admin: admin.render,
  draws: draws.renderList,
  draw: draws.renderDraw,
  published: draws.renderPublic,
};

const NAV = [
  ['cockpit', 'nav_cockpit', session.isBusiness],
  ['alerts', 'nav_alerts', session.isBusiness],
  ['cases', 'nav_cases', session.isBusiness],
  ['exchange', 'nav_exchange', session.isBusiness],
  ['evidence', 'nav_evidence', session.isBusiness],
  ['rules', 'nav_rules', session.isBusiness],
  ['draws', 'nav_draws', session.readsDraws],
  ['admin', 'nav_admin', session.isAdmin],
];

function header(current) {
  const top = document.getElementById('top');
  const me = session.current();
  const langButton = h('button', { type: 'button', class: 'link', id: 'lang-switch', lang: lang() === 'zh' ? 'en' : 'zh-CN' }, t('lang_switch'));
  langButton.addEventListener('click', () => {
    toggleLang();
    route({ focus: '#lang-switch' });
  });
  const items = me
    ? NAV.filter(([, , allowed]) => allowed()).map(([name, key]) =>
        h('li', {}, h('a', { href: `#/${name}`, 'aria-current': current === name ? 'page' : null }, t(key))),
      )
    : [];
  let user = null;
  if (me) {
    const out = h('button', { type: 'button', class: 'link', id: 'sign-out' }, t('sign_out'));
    out.addEventListener('click', async () => {
      await del('/api/v1/session');
      session.set(null);
      location.hash = '#/signin';
    });
    user = h('span', { class: 'user' }, `${me.display_name || me.login} · ${me.roles.map((r) => label('role', r)).join('、')} `, out);
  }
  mount(
    top,
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '⚖'), t('app_name')),
    h('nav', { 'aria-label': t('nav_main') }, h('ul', {}, items)),
    h('div', { class: 'right' }, user, langButton),
  );
}

// The newest route() call. Pages load asynchronously: an older call (a language switch, a click
// before the last page finished) that completes after a newer one must not replace the newer
// page, so each call renders into a box of its own and only the newest marks the page rendered.
let generation = 0;

async function route(opts = {}) {
  const mine = ++generation;
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
  const [name, ...params] = path.split('/').map(decodeURIComponent);
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  const isPublic = name === 'signin' || name === 'verify' || name === 'published';
  if (name === 'signin') session.set(null);
  if (!isPublic && !session.current()) {
    try {
      session.set(await get('/api/v1/me'));
    } catch {
      session.set(null);
      location.hash = '#/signin';
      return;
    }
  }
  if (mine !== generation) return;
  const home = session.isBusiness() ? 'cockpit' : 'admin';
  const page = ROUTES[name] ? name : home;
  header(page);
  skipLink.textContent = t('skip_to_main');
  // The header was drawn anew: a control of it that had the focus (the language switch) gets it
  // back, so a keyboard user is not sent to the top of the page.
  if (opts.focus) document.querySelector(opts.focus)?.focus();
  disposeCharts();
  const main = document.getElementById('main');
  delete main.dataset.rendered;
  const box = h('div', { class: 'page' });
  mount(main, box);
  mount(box, h('p', { class: 'loading', role: 'status' }, t('loading')));
  const started = performance.now();
  try {
    await ROUTES[page](box, ...params);
  } catch (e) {
    mount(box, h('div', { class: 'error', role: 'alert' }, `${t('error')}: ${e.message}`));
  }
  // A newer call has replaced this box (it is no longer in the page): leave the newer page be.
  if (mine !== generation) return;
  const ms = performance.now() - started;
  window.__tianpingRender = { page, ms, at: Date.now() };
  main.dataset.rendered = page;
  // After a navigation (not the first load, not a language switch), the focus moves to the new
  // page — its first field when it asks for one (sign-in), else <main> — instead of staying on a
  // header link that was replaced (which would leave it on <body>, back at the top).
  if (opts.navigated) {
    const field = box.querySelector('[autofocus]');
    (field || main).focus();
  }
}

// The skip link: to <main> without touching the hash (the router would read "#main" as a page).
const skipLink = document.querySelector('a.skip');
skipLink.addEventListener('click', (ev) => {
  ev.preventDefault();
  document.getElementById('main').focus();
});

window.addEventListener('hashchange', () => route({ navigated: true }));
route();
