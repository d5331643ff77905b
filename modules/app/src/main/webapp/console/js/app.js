// Router, navigation, login and role gating of the console.

import {api, ApiError, login, logout, onSessionExpired, session} from './api.js';
import {h, clear, formView, pageTitle, problemView, runLeaveHooks, toast} from './ui.js';
import {section as home} from './sections/home.js';
import {section as requests} from './sections/requests.js';
import {section as subjects} from './sections/subjects.js';
import {section as consent} from './sections/consent.js';
import {section as sharing} from './sections/sharing.js';
import {section as retention} from './sections/retention.js';
import {section as audit} from './sections/audit.js';
import {section as admin} from './sections/admin.js';
import {section as policy} from './sections/policy.js';

const SECTIONS = [home, requests, subjects, consent, sharing, retention, audit, admin, policy];
const byRoute = new Map(SECTIONS.map(s => [s.route, s]));

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const navList = document.getElementById('nav-list');
const whoami = document.getElementById('whoami');

const ROLE_NAMES = {
  ADMIN: 'Administrator', PRIVACY_OFFICER: 'Privacy officer', SUPPORT_AGENT: 'Support agent', AUDITOR: 'Auditor',
  SERVICE: 'Service',
};

export function allowed(section) {
  return !section.roles || section.roles.length === 0 || session.has(...section.roles);
}

// "#/requests/123" → {route: 'requests', params: ['123']}; "" and "#/" → home.
function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return {route: parts[0] || home.route, params: parts.slice(1)};
}

function buildChrome() {
  const signedIn = session.active;
  nav.hidden = !signedIn;
  whoami.hidden = !signedIn;
  if (!signedIn) { navList.replaceChildren(); return; }
  document.getElementById('whoami-text').textContent =
    `${session.username} · ${session.roles.map(r => ROLE_NAMES[r] || r).join(', ')}`;
  navList.replaceChildren(...SECTIONS.filter(allowed).map(s =>
    h('li', null, h('a', {href: `#/${s.route === home.route ? '' : s.route}`, 'data-route': s.route}, s.title))));
  markCurrent();
}

function markCurrent() {
  const {route} = parseHash();
  navList.querySelectorAll('a[data-route]').forEach(a => {
    if (a.dataset.route === route) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

function showLogin(reason) {
  runLeaveHooks();
  buildChrome();
  document.title = 'Sign in · Steward console';
  const form = formView([
    {name: 'username', id: 'username', label: 'Username', required: true, autocomplete: 'username'},
    {name: 'password', id: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'current-password'},
  ], async ({username, password}) => {
    try {
      await login(username, password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        throw new ApiError(401, {title: 'Wrong username or password', detail: 'Check both and try again.'});
      }
      if (e instanceof ApiError && e.status === 429) {
        throw new ApiError(429, {title: 'Too many attempts', detail: e.problem.detail || 'Wait a few minutes, then try again.'});
      }
      throw e;
    }
    toast(`Signed in as ${session.username}`);
    route();
  }, {submitLabel: 'Sign in', id: 'login-form', testid: 'login-form'});
  form.querySelector('button[type=submit]').id = 'login';
  clear(main,
    h('div', {class: 'login-box'},
      pageTitle('Sign in'),
      reason ? h('p', {class: 'notice', role: 'status', 'data-testid': 'login-reason'}, reason) : null,
      form));
  form.controls.username.focus();
}

let renderSeq = 0;

async function route() {
  if (!session.active) { showLogin(); return; }
  runLeaveHooks();
  buildChrome();
  const {route: r, params} = parseHash();
  const section = byRoute.get(r);
  const seq = ++renderSeq;
  main.replaceChildren();
  main.removeAttribute('aria-busy');
  if (!section) {
    main.append(pageTitle('Not found'), h('p', null, 'There is no such page. ', h('a', {href: '#/'}, 'Go to the overview.')));
    return;
  }
  if (!allowed(section)) {
    main.append(pageTitle(section.title), h('p', {class: 'notice', 'data-testid': 'forbidden'},
      'Your role may not open this section.'));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    await section.render(main, params);
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e instanceof ApiError && e.status === 401) return; // the expiry listener shows the login
    main.append(problemView(e));
  } finally {
    if (seq === renderSeq) main.removeAttribute('aria-busy');
  }
  if (seq !== renderSeq) return;
  // Move focus to the new page's heading so keyboard and screen-reader users start there.
  const title = main.querySelector('h1');
  if (title && !main.contains(document.activeElement)) title.focus({preventScroll: true});
}

onSessionExpired(() => {
  showLogin('Your session has ended. Please sign in again.');
});

document.getElementById('logout').addEventListener('click', async () => {
  try { await logout(); } catch (e) { toast('Sign out failed on the server; the session was dropped here.'); }
  showLogin('You are signed out.');
});

window.addEventListener('hashchange', () => route());

// The stored session may belong to a server that restarted: check it once before the first page.
(async () => {
  if (session.active) {
    try { await api('GET', '/api/v1/me'); } catch (e) { if (!(e instanceof ApiError && e.status === 401)) { /* page shows it */ } }
  }
  if (session.active) route(); else if (!main.querySelector('#login-form')) showLogin();
})();
