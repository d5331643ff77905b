// Small DOM helpers: everything is built with nodes and textContent (the CSP forbids inline code and styles).

import {ApiError} from './api.js';

// h('button', {class: 'primary', on: {click: fn}}, 'Save') — strings become text nodes, null/false are skipped.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'class') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'text') el.textContent = v;
    else if (k in el && typeof v !== 'string' && k !== 'list') el[k] = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// columns: [{label, key?, render?(row) → node|string, class?, sortable?}]
export function table(columns, rows, {empty = 'Nothing to show.', testid, caption, rowTestid, rowClass} = {}) {
  if (!rows || rows.length === 0) return h('p', {class: 'empty', 'data-testid': testid ? `${testid}-empty` : null}, empty);
  const head = h('tr', null, columns.map(c => h('th', {scope: 'col', class: c.class}, c.label)));
  const body = rows.map(r => h('tr', {'data-testid': rowTestid ? rowTestid(r) : null, class: rowClass ? rowClass(r) : null},
    columns.map((c, i) => {
      const v = c.render ? c.render(r) : r[c.key];
      const content = v === undefined || v === null || v === '' ? '—' : v;
      return i === 0 && c.rowHeader ? h('th', {scope: 'row', class: c.class}, content) : h('td', {class: c.class}, content);
    })));
  return h('div', {class: 'table-wrap'},
    h('table', {'data-testid': testid}, caption ? h('caption', null, caption) : null, h('thead', null, head), h('tbody', null, body)));
}

// An RFC 9457 problem as a readable block: title, detail, each field error, the correlation id.
export function problemView(err) {
  const p = err instanceof ApiError ? err.problem : {title: 'Something went wrong', detail: String(err && err.message || err)};
  const status = err instanceof ApiError ? err.status : null;
  let title = p.title || 'Something went wrong';
  if (status === 403) title = 'Your role may not do this';
  return h('div', {class: 'problem', role: 'alert', 'data-testid': 'problem'},
    h('p', {class: 'problem-title'}, h('strong', null, title), status ? ` (${status})` : ''),
    p.detail && p.detail !== p.title ? h('p', null, p.detail) : null,
    Array.isArray(p.errors) && p.errors.length
      ? h('ul', null, p.errors.map(e => h('li', null, e.field ? h('code', null, e.field) : null, e.field ? ': ' : '', e.message)))
      : null,
    p.correlationId ? h('p', {class: 'muted small'}, 'Correlation id: ', h('code', null, p.correlationId)) : null);
}

const main = () => document.getElementById('main') || document.body;

let liveRegion;
export function toast(message, kind = 'info') {
  liveRegion = liveRegion || document.getElementById('live');
  if (!liveRegion) return;
  const item = h('div', {class: `toast toast-${kind}`}, message);
  liveRegion.append(item);
  // Three at most on screen: older ones were announced already.
  while (liveRegion.children.length > 3) liveRegion.firstElementChild.remove();
  setTimeout(() => item.remove(), 5000);
}

// A modal <dialog>: showModal() keeps focus inside it and Esc cancels; resolves true only on confirm.
export function confirmDialog(message, {confirmLabel = 'Confirm', cancelLabel = 'Cancel', danger = false, title = 'Please confirm'} = {}) {
  return new Promise(resolve => {
    const ok = h('button', {type: 'button', class: danger ? 'danger' : 'primary', 'data-testid': 'confirm-ok'}, confirmLabel);
    const cancel = h('button', {type: 'button', 'data-testid': 'confirm-cancel'}, cancelLabel);
    const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
    const dlg = h('dialog', {class: 'confirm', 'aria-labelledby': titleId, 'data-testid': 'confirm-dialog'},
      h('h2', {id: titleId}, title),
      typeof message === 'string' ? h('p', null, message) : message,
      h('div', {class: 'actions'}, cancel, ok));
    let answer = false;
    const opener = document.activeElement;
    ok.addEventListener('click', () => { answer = true; dlg.close(); });
    cancel.addEventListener('click', () => dlg.close());
    dlg.addEventListener('close', () => {
      dlg.remove();
      resolve(answer);
      // After the caller's handler has run (an actionButton re-enables its button only then).
      setTimeout(() => { if (opener && opener.isConnected && !main().contains(document.activeElement)) opener.focus(); }, 0);
    });
    document.body.append(dlg);
    dlg.showModal();
    cancel.focus();
  });
}

const dtf = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const df = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium'});

export function fmtDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : dtf.format(d);
}

export function fmtDate(iso) {
  if (!iso) return '—';
  // A bare date ("2026-05-01") is a calendar day: keep it from shifting with the time zone.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return isNaN(d) ? String(iso) : df.format(d);
}

// A <time> element with the machine value kept for screen readers and tests.
export function timeEl(iso, withTime = true) {
  if (!iso) return '—';
  return h('time', {datetime: iso}, withTime ? fmtDateTime(iso) : fmtDate(iso));
}

// "P30D" → "30 days", "PT2H30M" → "2 h 30 min", 45 → "45 days".
export function fmtDuration(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return `${v} day${Math.abs(v) === 1 ? '' : 's'}`;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(v);
  if (!m) return String(v);
  const [, y, mo, w, d, hr, mi, s] = m;
  const parts = [];
  if (y) parts.push(`${y} year${y === '1' ? '' : 's'}`);
  if (mo) parts.push(`${mo} month${mo === '1' ? '' : 's'}`);
  if (w) parts.push(`${w} week${w === '1' ? '' : 's'}`);
  if (d) parts.push(`${d} day${d === '1' ? '' : 's'}`);
  if (hr) parts.push(`${hr} h`);
  if (mi) parts.push(`${mi} min`);
  if (s) parts.push(`${s} s`);
  return parts.join(' ') || '0';
}

// kind: ok | warn | danger | info | neutral — the text always says the meaning, colour only repeats it.
export function badge(text, kind = 'neutral') {
  return h('span', {class: `badge badge-${kind}`}, text);
}

let fieldSeq = 0;

// fields: [{name, label, type: text|email|number|date|datetime-local|password|textarea|select|checkbox,
//           options: [value | {value,label}], required, value, hint, placeholder, min, max, id}]
// onSubmit(values, form) may throw an ApiError: its detail and field errors show next to the form.
export function formView(fields, onSubmit, {submitLabel = 'Save', id, testid, danger = false, resetOnSuccess = false} = {}) {
  const problemBox = h('div', {class: 'form-problem', 'aria-live': 'polite'});
  const controls = {};
  const rows = fields.map(f => {
    const fid = f.id || `f${++fieldSeq}-${f.name}`;
    const hintId = f.hint ? `${fid}-hint` : null;
    const errId = `${fid}-err`;
    let input;
    const common = {id: fid, name: f.name, required: f.required || null, 'aria-describedby': [hintId, errId].filter(Boolean).join(' ')};
    if (f.type === 'select') {
      input = h('select', common, (f.options || []).map(o => {
        const opt = typeof o === 'object' ? o : {value: o, label: o};
        return h('option', {value: opt.value, selected: String(opt.value) === String(f.value ?? '') || null}, opt.label);
      }));
    } else if (f.type === 'textarea') {
      input = h('textarea', {...common, rows: f.rows || 3, placeholder: f.placeholder, maxlength: f.maxlength});
      input.value = f.value ?? '';
    } else if (f.type === 'checkbox') {
      input = h('input', {...common, type: 'checkbox'});
      input.checked = !!f.value;
    } else {
      input = h('input', {...common, type: f.type || 'text', placeholder: f.placeholder, min: f.min, max: f.max,
        step: f.step, autocomplete: f.autocomplete || 'off', maxlength: f.maxlength});
      if (f.value !== undefined && f.value !== null) input.value = f.value;
    }
    controls[f.name] = input;
    const label = h('label', {for: fid}, f.label, f.required ? h('span', {class: 'req', 'aria-hidden': 'true'}, ' *') : null);
    const err = h('p', {class: 'field-error', id: errId});
    const hint = f.hint ? h('p', {class: 'hint', id: hintId}, f.hint) : null;
    return f.type === 'checkbox'
      ? h('div', {class: 'field field-check'}, input, label, hint, err)
      : h('div', {class: 'field'}, label, hint, input, err);
  });
  const submit = h('button', {type: 'submit', class: danger ? 'danger' : 'primary', 'data-testid': testid ? `${testid}-submit` : null}, submitLabel);
  const form = h('form', {id, 'data-testid': testid, novalidate: true}, rows, problemBox, h('div', {class: 'actions'}, submit));
  form.controls = controls;
  form.values = () => {
    const out = {};
    for (const f of fields) {
      const el = controls[f.name];
      if (f.type === 'checkbox') out[f.name] = el.checked;
      else if (f.type === 'number') out[f.name] = el.value === '' ? null : Number(el.value);
      else out[f.name] = el.value.trim() === '' ? null : (f.type === 'password' ? el.value : el.value.trim());
    }
    return out;
  };
  form.clearErrors = () => {
    problemBox.replaceChildren();
    form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  };
  form.showError = (e) => {
    problemBox.replaceChildren(problemView(e));
    const errs = e instanceof ApiError && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    for (const fe of errs) {
      const key = String(fe.field || '').split('.').pop();
      const el = controls[key];
      if (!el) continue;
      el.setAttribute('aria-invalid', 'true');
      const box = document.getElementById(el.getAttribute('aria-describedby').split(' ').pop());
      if (box) box.textContent = fe.message;
    }
  };
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    form.clearErrors();
    // Client-side check of required fields only; the server remains the judge of everything else.
    const missing = fields.filter(f => f.required && f.type !== 'checkbox' && !controls[f.name].value.trim());
    if (missing.length) {
      for (const f of missing) {
        controls[f.name].setAttribute('aria-invalid', 'true');
        const box = document.getElementById(controls[f.name].getAttribute('aria-describedby').split(' ').pop());
        if (box) box.textContent = 'Required.';
      }
      controls[missing[0].name].focus();
      return;
    }
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(form.values(), form);
      if (resetOnSuccess) form.reset();
    } catch (e) {
      form.showError(e);
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

// progress('Building the export') → element with .update(done, total, text) and .done(text).
export function progress(label) {
  const bar = h('progress', {max: 1, value: 0});
  const text = h('span', {class: 'progress-text'});
  const el = h('div', {class: 'progress', role: 'status', 'aria-live': 'polite', 'data-testid': 'progress'},
    h('span', {class: 'progress-label'}, label), bar, text);
  el.update = (done, total, msg) => {
    bar.max = Math.max(1, total || 1);
    bar.value = Math.min(done || 0, bar.max);
    text.textContent = msg ?? `${done} of ${total}`;
  };
  el.done = (msg = 'Done') => { bar.value = bar.max; text.textContent = msg; el.classList.add('progress-done'); };
  return el;
}

// A titled box on a page; body may be a node or a promise of one (its failure shows as a problem).
export function panel(title, body, {testid, headingLevel = 2, actions} = {}) {
  const content = h('div', {class: 'panel-body'});
  const el = h('section', {class: 'panel', 'data-testid': testid, 'aria-busy': 'true'},
    h('div', {class: 'panel-head'}, h(`h${headingLevel}`, null, title), actions || null), content);
  const fill = async () => {
    content.replaceChildren(h('p', {class: 'muted'}, 'Loading…'));
    el.setAttribute('aria-busy', 'true');
    try {
      const node = typeof body === 'function' ? await body() : await body;
      content.replaceChildren(...[node].flat().filter(Boolean));
    } catch (e) {
      content.replaceChildren(problemView(e));
    } finally {
      el.removeAttribute('aria-busy');
    }
  };
  el.refresh = fill;
  fill();
  return el;
}

// A button that runs an async action, disabled while it runs; errors become toasts plus a problem next to it.
export function actionButton(label, fn, {kind, testid, id, title} = {}) {
  const btn = h('button', {type: 'button', class: kind, 'data-testid': testid, id, title}, label);
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try { await fn(btn); } catch (e) { showProblemNear(btn, e); } finally { btn.disabled = false; }
  });
  return btn;
}

export function showProblemNear(el, e) {
  const host = el.closest('.panel-body, form, section, main') || document.getElementById('main');
  host.querySelectorAll(':scope > .problem.transient').forEach(n => n.remove());
  const p = problemView(e);
  p.classList.add('transient');
  host.prepend(p);
  toast(e instanceof ApiError ? `Failed: ${e.problem.detail || e.problem.title}` : 'Failed', 'danger');
}

// A definition list from [[term, value], ...] — value may be a node.
export function dl(pairs, {testid} = {}) {
  return h('dl', {class: 'details', 'data-testid': testid},
    pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v === undefined || v === null || v === '' ? '—' : v)]));
}

export function pageTitle(text, ...extra) {
  document.title = `${text} · Steward console`;
  return h('div', {class: 'page-head'}, h('h1', {id: 'page-title', tabindex: '-1'}, text), ...extra);
}

export function link(href, text, attrs = {}) {
  return h('a', {href, ...attrs}, text);
}

// Human words for enum values: "IN_PROGRESS" → "In progress".
export function humanize(v) {
  if (v === null || v === undefined) return '—';
  const s = String(v).replace(/[_-]+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : '—';
}

// Cleanups (timers, pollers) of the page on screen; app.js runs them when the route changes.
const leaveHooks = new Set();
export function onLeave(fn) { leaveHooks.add(fn); return fn; }
export function runLeaveHooks() {
  for (const fn of leaveHooks) { try { fn(); } catch { /* a cleanup's failure must not block navigation */ } }
  leaveHooks.clear();
}

// setInterval that stops when the page is left.
export function every(ms, fn) {
  const t = setInterval(fn, ms);
  onLeave(() => clearInterval(t));
  return () => clearInterval(t);
}
