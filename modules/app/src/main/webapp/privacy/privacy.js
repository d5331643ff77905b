// Shared by the privacy center's pages: a DOM builder (no innerHTML: every text goes in with textContent), the API
// client, RFC 9457 problem display tied to the form's fields, and the header's controller name.

export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

/** JSON in, JSON out; a problem (or a network failure) throws an ApiError. */
export async function api(method, path, body, headers) {
  let res;
  try {
    res = await fetch(path, {
      method, credentials: 'same-origin', cache: 'no-store',
      headers: {Accept: 'application/json', ...(body === undefined ? {} : {'Content-Type': 'application/json'}), ...headers},
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new ApiError(0, {title: 'No connection', detail: 'We could not reach the server. Check your connection and try again.'});
  }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!res.ok) throw new ApiError(res.status, data || {title: res.statusText || 'Error ' + res.status});
  return data;
}

const UNSET = /^\s*(not configured|n\/a)?\s*$/i;

/** A value the operator has not configured shows as a dash, never as made-up data. */
export const isSet = v => v !== null && v !== undefined && !(typeof v === 'string' && UNSET.test(v))
  && !(Array.isArray(v) && v.length === 0);
export const dash = v => (isSet(v) ? v : '—');

/** A contact value as a link when it is a URL or an address, else text. */
export function contact(v) {
  if (!isSet(v)) return '—';
  if (/^https:\/\/\S+$/i.test(v)) return h('a', {href: v}, v);
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return h('a', {href: 'mailto:' + v}, v);
  return v;
}

export function fmtDate(v) {
  if (!v) return '—';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? v + 'T12:00:00Z' : v);
  if (isNaN(d)) return String(v);
  return d.toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
}

export function fmtDateTime(v) {
  if (!v) return '—';
  const d = new Date(v);
  if (isNaN(d)) return String(v);
  return d.toLocaleString('en-GB', {day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit'});
}

/** Announced politely to screen readers. */
export function announce(msg) {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  setTimeout(() => { live.textContent = msg; }, 50);
}

export function focusHeading(el) {
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.focus();
  el.scrollIntoView({block: 'start'});
}

/** Removes the marks of an earlier problem from a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => {
    e.removeAttribute('aria-invalid');
    const ids = (e.getAttribute('aria-describedby') || '').split(' ').filter(i => i && !i.startsWith('err-'));
    if (ids.length) e.setAttribute('aria-describedby', ids.join(' ')); else e.removeAttribute('aria-describedby');
  });
}

/**
 * Shows a problem: a summary (title, detail, each field error as a link to its field) in `box`, and each message
 * next to its field, tied to it with aria-describedby. `fieldFor(name)` maps an API field (e.g. "subject.email") to
 * the element it belongs to, or null. Focus moves to the summary's heading.
 */
export function showProblem(box, err, fieldFor = () => null) {
  const p = err.problem || {};
  const list = h('ul');
  const seen = new Set();
  for (const fe of p.errors || []) {
    const target = fieldFor(fe.field);
    const text = fe.message;
    if (target && !seen.has(target)) {
      seen.add(target);
      const id = 'err-' + (target.id || Math.random().toString(36).slice(2));
      const msg = h('span', {class: 'field-error', id}, text);
      const anchor = target.matches('fieldset') ? target.querySelector('legend') : target;
      if (target.matches('fieldset')) anchor.after(msg); else target.before(msg);
      const controls = target.matches('fieldset') ? [...target.querySelectorAll('input,textarea,select')] : [target];
      for (const c of controls) {
        c.setAttribute('aria-invalid', 'true');
        c.setAttribute('aria-describedby', [id, c.getAttribute('aria-describedby')].filter(Boolean).join(' '));
      }
      const control = controls[0];
      list.append(h('li', {}, h('a', {href: '#' + (control ? control.id : target.id)}, labelOf(target) + ': ' + text)));
    } else {
      list.append(h('li', {}, (fe.field ? fe.field + ': ' : '') + text));
    }
  }
  list.querySelectorAll('a').forEach(a => a.addEventListener('click', e => {
    const t = document.getElementById(a.getAttribute('href').slice(1));
    if (t) { e.preventDefault(); t.focus(); }
  }));
  const heading = h('h2', {}, 'There is a problem');
  box.replaceChildren(h('div', {class: 'error-summary'}, heading,
    summaryText(p) ? h('p', {}, summaryText(p)) : null,
    list.children.length ? list : null,
    p.correlationId ? h('p', {class: 'muted'}, 'If you contact us about this, quote ', h('code', {}, p.correlationId), '.') : null));
  box.hidden = false;
  focusHeading(heading);
}

/** A detail that only repeats a field error ("details.complaint: …") says nothing the list does not. */
function summaryText(p) {
  const d = p.detail;
  if (d && (p.errors || []).some(fe => fe.field && d.startsWith(fe.field + ':'))) return p.title;
  return d || p.title;
}

function textOf(el) {
  const c = el.cloneNode(true);
  c.querySelectorAll('.nojs-only, .visually-hidden').forEach(x => x.remove());
  return c.textContent.replace(/\s+/g, ' ').trim();
}

function labelOf(el) {
  if (el.matches('fieldset')) return textOf(el.querySelector('legend'));
  const l = el.id && document.querySelector('label[for="' + el.id + '"]');
  return l ? textOf(l) : el.name || el.id;
}

/** The privacy notice, fetched once per page (the header shows its controller). */
let noticePromise;
export function notice() {
  noticePromise = noticePromise || api('GET', '/api/v1/public/privacy-notice');
  return noticePromise;
}

export function fillHeader() {
  notice().then(n => {
    const name = n && n.controller && isSet(n.controller.name) ? n.controller.name : null;
    if (!name) return;
    document.querySelectorAll('[data-controller-name]').forEach(el => { el.textContent = name; });
    document.title = document.title.replace('Privacy center', name + ' privacy center');
  }).catch(() => {});
}

/** The website visitor's device id: the same first-party cookie as the consent banner (consent.js). */
export function deviceId() {
  const m = document.cookie.match(/(?:^|;\s*)steward_device=([A-Za-z0-9_-]{32})(?:;|$)/);
  if (m) return m[1];
  const b = crypto.getRandomValues(new Uint8Array(24));
  const id = btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_');
  document.cookie = 'steward_device=' + id + '; Path=/; Max-Age=34128000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
  return id;
}

export const TYPE_TEXT = {
  ACCESS: 'See my data', RECTIFICATION: 'Correct my data', ERASURE: 'Delete my data',
  RESTRICTION: 'Pause the use of my data', OBJECTION: 'Object to a use of my data', PORTABILITY: 'Take my data elsewhere',
  WITHDRAW_CONSENT: 'Withdraw my consent', COMPLAINT: 'Complaint'
};
export const STATE_TEXT = {
  RECEIVED: 'Received', VERIFYING: 'Waiting for you to confirm it with the emailed code',
  VERIFIED: 'Confirmed, waiting to be handled', IN_PROGRESS: 'Being handled', COMPLETED: 'Completed',
  DENIED: 'Refused', CANCELLED: 'Cancelled'
};
export const OUTCOME_TEXT = {
  COMPLIED: 'Done as you asked', PARTIALLY_COMPLIED: 'Partly done: our email explains what and why',
  NO_DATA_FOUND: 'We hold no personal data about you', DENIED: 'Refused', CANCELLED: 'Cancelled'
};

/** Where a requester's request id and status token are kept: this tab only, never the URL. */
export const saved = {
  get() { try { return JSON.parse(sessionStorage.getItem('steward.request')) || null; } catch (e) { return null; } },
  set(id, token) { try { sessionStorage.setItem('steward.request', JSON.stringify({id, token})); } catch (e) { /* private mode */ } },
  clear() { try { sessionStorage.removeItem('steward.request'); } catch (e) { /* private mode */ } }
};

export const LEGAL_BASIS = {
  CONSENT: 'Your consent (GDPR Art. 6(1)(a)); you can withdraw it at any time',
  CONTRACT: 'Needed to perform our contract with you (GDPR Art. 6(1)(b))',
  LEGITIMATE_INTEREST: 'Our legitimate interest (GDPR Art. 6(1)(f)); you can object'
};
export const LEGAL_BASIS_SHORT = {CONSENT: 'Consent', CONTRACT: 'Contract', LEGITIMATE_INTEREST: 'Legitimate interest'};

document.documentElement.classList.add('js');
fillHeader();
