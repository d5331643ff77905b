// Helpers shared by helper B's sections (consent, sharing, retention, audit, admin, policy).

import {api, ApiError, qs, session} from '../api.js';
import {h, confirmDialog, formView, problemView, table, toast, onLeave} from '../ui.js';

// b.css holds the few styles these sections add; link it once if index.html does not already.
(function linkStyles() {
  const href = new URL('../../b.css', import.meta.url).href;
  if ([...document.querySelectorAll('link[rel=stylesheet]')].some(l => l.href === href)) return;
  document.head.append(h('link', {rel: 'stylesheet', href}));
})();

export const can = (...roles) => session.has(...roles);

export const enc = encodeURIComponent;

// A sub navigation of a section: [{path: 'purposes', label: 'Purposes'}]; current is the active path.
export function subnav(route, items, current, label) {
  return h('nav', {'aria-label': label || 'Pages of this section', class: 'b-subnav'},
    h('ul', {class: 'subnav'}, items.map(it => h('li', null,
      h('a', {href: `#/${route}/${it.path}`, 'data-testid': `subnav-${it.path}`,
        'aria-current': it.path === current ? 'page' : null}, it.label)))));
}

// Every page of a cursor-paged list ({items, nextCursor}); stops at max items so a huge list cannot hang the page.
export async function fetchAll(path, params = {}, {max = 5000, limit = 200} = {}) {
  const out = [];
  let cursor;
  do {
    const page = await api('GET', path + qs({...params, limit, cursor}));
    out.push(...(page.items || []));
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}

// Tenants change rarely: one fetch per page view is enough.
let tenantCache = null;
window.addEventListener('hashchange', () => { tenantCache = null; });
export function tenants() {
  if (!tenantCache) tenantCache = fetchAll('/api/v1/tenants').catch(e => { tenantCache = null; throw e; });
  return tenantCache;
}

export function invalidateTenants() { tenantCache = null; }

export function tenantName(list, id) {
  const t = list.find(x => x.id === id);
  return t ? t.name : id;
}

export function tenantOptions(list, {any} = {}) {
  const opts = list.map(t => ({value: t.id, label: `${t.name} (${t.id.slice(0, 8)})`}));
  return any ? [{value: '', label: any}, ...opts] : opts;
}

// A set of checkboxes in a fieldset, added to a formView form before its problem box; returns () => values.
// The fieldset stands in for the field in form.controls so the server's field errors show under it.
export function addChecks(form, {name, legend, options, values = [], hint, testid}) {
  const errId = `${form.id || 'form'}-${name}-err-${Math.random().toString(36).slice(2, 7)}`;
  const boxes = options.map(o => {
    const opt = typeof o === 'object' ? o : {value: o, label: o};
    const id = `${errId}-${opt.value}`;
    return h('div', {class: 'b-check'},
      h('input', {type: 'checkbox', id, name, value: opt.value, checked: values.includes(opt.value)}),
      h('label', {for: id}, opt.label));
  });
  const fs = h('fieldset', {class: 'b-fieldset field', 'aria-describedby': errId, 'data-testid': testid},
    h('legend', null, legend),
    hint ? h('p', {class: 'hint'}, hint) : null,
    h('div', {class: 'b-checks'}, boxes),
    h('p', {class: 'field-error', id: errId}));
  form.insertBefore(fs, form.querySelector('.form-problem'));
  form.controls[name] = fs;
  return () => [...fs.querySelectorAll('input:checked')].map(i => i.value);
}

// Makes form.reset() return to the values the form was built with (formView sets properties, not defaults).
export function resettable(form) {
  form.querySelectorAll('option').forEach(o => { o.defaultSelected = o.selected; });
  form.querySelectorAll('input, textarea').forEach(i => {
    if (i.type === 'checkbox' || i.type === 'radio') i.defaultChecked = i.checked; else if (i.type !== 'file') i.defaultValue = i.value;
  });
  return form;
}

// Places extra nodes into a formView form before its problem box.
export function addToForm(form, ...nodes) {
  const at = form.querySelector('.form-problem');
  nodes.flat().filter(Boolean).forEach(n => form.insertBefore(n, at));
}

// Shows or hides a formView field (its whole .field row).
export function showField(form, name, visible) {
  const row = form.controls[name] && form.controls[name].closest('.field');
  if (row) row.hidden = !visible;
}

// A form in a modal <dialog>; resolves with onSubmit's result, or null when cancelled (Esc or Cancel).
export function dialogForm(title, fields, onSubmit, {submitLabel = 'Save', testid, danger, intro, extend} = {}) {
  return new Promise(resolve => {
    const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
    let result = null;
    const form = formView(fields, async (values, f) => {
      result = await onSubmit(values, f);
      dlg.close();
    }, {submitLabel, testid, danger});
    const cancel = h('button', {type: 'button', 'data-testid': testid ? `${testid}-cancel` : null,
      on: {click: () => dlg.close()}}, 'Cancel');
    form.querySelector('.actions').prepend(cancel);
    if (extend) extend(form);
    const dlg = h('dialog', {class: 'confirm b-dialog', 'aria-labelledby': titleId},
      h('h2', {id: titleId}, title), intro ? (typeof intro === 'string' ? h('p', null, intro) : intro) : null, form);
    const opener = document.activeElement;
    dlg.addEventListener('close', () => {
      dlg.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(result);
    });
    document.body.append(dlg);
    onLeave(() => { if (dlg.open) dlg.close(); });
    dlg.showModal();
    const first = form.querySelector('input:not([type=hidden]):not([disabled]), select, textarea');
    if (first) first.focus();
  });
}

// confirmDialog with a text field that must be filled (a reason) or must equal `match` (a strong confirmation)
// before the confirm button enables. Resolves with the text, or null when cancelled.
export async function confirmWithText(message, {label = 'Reason', match, multiline = true, confirmLabel = 'Confirm',
  danger = true, title, hint, testid = 'confirm-text', optional = false} = {}) {
  const id = `ct-${Math.random().toString(36).slice(2)}`;
  const input = multiline
    ? h('textarea', {id, rows: 3, 'data-testid': testid, 'aria-describedby': hint ? `${id}-hint` : null})
    : h('input', {id, type: 'text', autocomplete: 'off', 'data-testid': testid,
      'aria-describedby': hint ? `${id}-hint` : null});
  const body = h('div', null,
    [message].flat().map(m => typeof m === 'string' ? h('p', null, m) : m),
    h('div', {class: 'field'}, h('label', {for: id}, label),
      hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null, input));
  const answer = confirmDialog(body, {confirmLabel, danger, title});
  const ok = body.closest('dialog').querySelector('[data-testid=confirm-ok]');
  const check = () => {
    const v = input.value.trim();
    ok.disabled = match !== undefined ? v !== match : (!optional && v === '');
  };
  input.addEventListener('input', check);
  check();
  input.focus();
  return (await answer) ? input.value.trim() : null;
}

// A modal that shows something the user must see (a secret answered once); closes with its one button.
export function showOnce(title, content, {buttonLabel = 'Done', testid = 'once-dialog'} = {}) {
  return new Promise(resolve => {
    const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
    const done = h('button', {type: 'button', class: 'primary', 'data-testid': `${testid}-close`, on: {click: () => dlg.close()}}, buttonLabel);
    const dlg = h('dialog', {class: 'confirm b-dialog', 'aria-labelledby': titleId, 'data-testid': testid},
      h('h2', {id: titleId}, title), content, h('div', {class: 'actions'}, done));
    const opener = document.activeElement;
    dlg.addEventListener('close', () => { dlg.remove(); if (opener && opener.isConnected) opener.focus(); resolve(); });
    document.body.append(dlg);
    onLeave(() => { if (dlg.open) dlg.close(); });
    dlg.showModal();
    (dlg.querySelector('input') || done).focus();
  });
}

// A secret the server answers once (an API key, a webhook secret): shown with a copy button and a warning.
export function secretBox(label, value, {testid = 'secret'} = {}) {
  const id = `sec-${Math.random().toString(36).slice(2)}`;
  const input = h('input', {type: 'text', id, readOnly: true, value, class: 'mono', 'data-testid': `${testid}-value`,
    'aria-describedby': `${id}-hint`});
  const copy = h('button', {type: 'button', 'data-testid': `${testid}-copy`, on: {click: async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast('Copied to the clipboard.');
    } catch {
      input.select();
      toast('Select and copy it by hand (Ctrl+C).');
    }
  }}}, 'Copy');
  return h('div', {class: 'notice warn b-secret', 'data-testid': testid},
    h('label', {for: id}, h('strong', null, label)),
    h('p', {class: 'hint', id: `${id}-hint`}, 'Shown only this once: Steward keeps no readable copy. Store it now.'),
    h('div', {class: 'b-secret-row'}, input, copy));
}

// A validity verdict that does not rely on colour: a symbol, a word and the details.
export function verdict(valid, title, details, {testid, id} = {}) {
  return h('div', {class: `b-verdict ${valid ? 'b-verdict-ok' : 'b-verdict-bad'}`, role: 'status',
    'data-testid': testid, id, 'data-valid': String(!!valid)},
    h('p', {class: 'b-verdict-title'}, h('span', {'aria-hidden': 'true'}, valid ? '✔ ' : '✖ '), title),
    details ? [details].flat().map(d => typeof d === 'string' ? h('p', null, d) : d) : null);
}

export function jsonBlock(value, {testid} = {}) {
  return h('pre', {class: 'b-json', 'data-testid': testid, tabindex: '0'}, JSON.stringify(value, null, 2));
}

// datetime-local ("2026-05-01T10:00") → ISO-8601 with offset, or null.
export function isoFromLocal(v) {
  if (!v) return null;
  const d = new Date(v);
  return isNaN(d) ? null : d.toISOString();
}

// ISO → value for a datetime-local input, in local time.
export function localFromIso(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A cursor-paged table: load(cursor) → {items, nextCursor}; keeps the cursors seen so "Previous" works.
export function pagedTable(columns, load, {empty, testid, rowTestid, rowClass, caption} = {}) {
  const box = h('div', {class: 'b-paged', 'data-testid': testid ? `${testid}-pager` : null});
  const stack = [];
  let current;
  const show = async (cursor) => {
    box.setAttribute('aria-busy', 'true');
    try {
      const page = await load(cursor);
      current = cursor;
      const prev = h('button', {type: 'button', disabled: stack.length === 0,
        'data-testid': testid ? `${testid}-prev` : null, on: {click: () => show(stack.pop())}}, 'Previous page');
      const next = h('button', {type: 'button', disabled: !page.nextCursor,
        'data-testid': testid ? `${testid}-next` : null,
        on: {click: () => { stack.push(current); show(page.nextCursor); }}}, 'Next page');
      box.replaceChildren(table(columns, page.items || [], {empty, testid, rowTestid, rowClass, caption}));
      if (stack.length || page.nextCursor) {
        box.append(h('div', {class: 'toolbar'}, prev, next, h('span', {class: 'muted small'}, `Page ${stack.length + 1}`)));
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      box.replaceChildren(problemView(e));
    } finally {
      box.removeAttribute('aria-busy');
    }
  };
  box.reload = () => { stack.length = 0; return show(undefined); };
  box.refresh = () => show(current);
  box.reload();
  return box;
}

// Polls fn every ms until it answers true; stops when the page is left. Returns a stop function.
export function poll(fn, ms = 1500) {
  let stopped = false;
  let timer;
  const stop = () => { stopped = true; clearTimeout(timer); };
  onLeave(stop);
  const tick = async () => {
    if (stopped) return;
    let done = false;
    try { done = await fn(); } catch (e) { done = true; toast(`Stopped polling: ${e.message}`, 'danger'); }
    if (!done && !stopped) timer = setTimeout(tick, ms);
  };
  tick();
  return stop;
}

// Two-column key/value rendering of a small list of strings as <code> chips.
export function chips(list) {
  if (!list || !list.length) return '—';
  return h('span', {class: 'b-chips'}, list.map(x => h('code', null, x)));
}

export function errorText(e) {
  return e instanceof ApiError ? (e.problem.detail || e.problem.title) : String(e.message || e);
}
