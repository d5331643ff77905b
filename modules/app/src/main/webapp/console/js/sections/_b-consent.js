// Consent pages that read or write subjects' consents: rates over time, receipt verification, the bulk import.

import {api, ApiError} from '../api.js';
import {h, badge, onLeave, problemView, progress, table, toast} from '../ui.js';
import {can, enc, fetchAll, tenantOptions, tenants, UUID, verdict} from './_b.js';

const READ_SUBJECTS = ['PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR'];

// ---- consent rates
// No endpoint aggregates rates (see the report): they are computed here from each subject's consent history, so
// only for a sample of subjects, and every history read is an audited read of personal data.
const METRICS = {
  granted: {label: 'In force: granted or opted in', statuses: ['GRANTED', 'OPTED_IN'], short: 'granted'},
  refused: {label: 'Refused: withdrawn, opted out or objected', statuses: ['WITHDRAWN', 'OPTED_OUT', 'OBJECTED'], short: 'refused'},
};

// events: [{purpose, status, occurredAt, expiresAt}] of one subject → the status in force at time t (ms), or NONE.
function statusAt(events, t) {
  let cur = null;
  for (const e of events) {
    if (e.at > t) break;
    cur = e;
  }
  if (!cur) return 'NONE';
  if (cur.status === 'GRANTED' && cur.expires && cur.expires <= t) return 'EXPIRED';
  return cur.status;
}

export function computeRates(subjects, purposes, statuses, from = 0) {
  // Every moment a rate can change: an event, a grant lapsing, a subject appearing; plus now.
  const times = new Set([Date.now()]);
  const perSubject = subjects.map(s => {
    const byPurpose = {};
    for (const e of s.events) {
      const at = Date.parse(e.occurredAt);
      (byPurpose[e.purpose] = byPurpose[e.purpose] || []).push({at, status: e.status, expires: e.expiresAt ? Date.parse(e.expiresAt) : null});
      if (purposes.includes(e.purpose)) { times.add(at); if (e.expiresAt) times.add(Date.parse(e.expiresAt)); }
    }
    Object.values(byPurpose).forEach(list => list.sort((a, b) => a.at - b.at));
    const first = Math.min(Date.parse(s.createdAt), ...s.events.map(e => Date.parse(e.occurredAt)));
    times.add(first);
    return {since: first, byPurpose};
  });
  if (from) times.add(from);
  const xs = [...times].filter(t => t <= Date.now() && t >= from).sort((a, b) => a - b);
  const series = purposes.map(p => xs.map(t => {
    const present = perSubject.filter(s => s.since <= t);
    if (!present.length) return null;
    const n = present.filter(s => statuses.includes(statusAt(s.byPurpose[p] || [], t))).length;
    return Math.round(1000 * n / present.length) / 10;
  }));
  const counts = purposes.map(p => {
    const c = {};
    perSubject.forEach(s => { const st = statusAt(s.byPurpose[p] || [], Date.now()); c[st] = (c[st] || 0) + 1; });
    return c;
  });
  return {xs, series, counts, subjects: perSubject.length};
}

const DASH = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 5]];
const COLOURS = ['#0b5cad', '#a40e26', '#116329', '#7a4b00', '#6f42c1', '#1b1f24', '#bc4c00'];

function drawChart(box, xs, series, labels) {
  box.replaceChildren();
  if (!window.uPlot) {
    box.append(h('p', {class: 'notice warn'}, 'The chart library (uPlot) did not load; the table below has the numbers.'));
    return;
  }
  const width = Math.max(300, box.clientWidth || 800);
  const opts = {
    width, height: 320, scales: {x: {time: true}, y: {range: [0, 100]}},
    axes: [{}, {label: '% of subjects', values: (u, v) => v.map(x => `${x}%`)}],
    series: [{label: 'Time'}, ...labels.map((label, i) => ({
      label, stroke: COLOURS[i % COLOURS.length], width: 2, dash: DASH[i % DASH.length],
      paths: window.uPlot.paths && window.uPlot.paths.stepped ? window.uPlot.paths.stepped({align: 1}) : undefined,
      value: (u, v) => v === null || v === undefined ? '—' : `${v}%`,
    }))],
  };
  const plot = new window.uPlot(opts, [xs.map(t => t / 1000), ...series], box);
  const onResize = () => plot.setSize({width: Math.max(300, box.clientWidth), height: 320});
  window.addEventListener('resize', onResize);
  onLeave(() => { window.removeEventListener('resize', onResize); plot.destroy(); });
}

export async function ratesPage(root) {
  root.append(h('div', {class: 'notice', 'data-testid': 'rates-source'},
    h('p', null, h('strong', null, 'Computed in your browser. '),
      'Steward has no endpoint that aggregates consent rates, so this page reads the consent history of each subject of a tenant (up to the sample size) and counts, at every change, the share of subjects in each state. Each history read is written to the audit log.')));
  if (!can(...READ_SUBJECTS)) {
    root.append(h('p', {class: 'notice warn', 'data-testid': 'rates-forbidden'}, 'Your role may not read subjects’ consents, which the rates are computed from.'));
    return;
  }
  const [ts, purposes] = await Promise.all([tenants(), api('GET', '/api/v1/consent/purposes').then(r => r.items)]);
  const usable = purposes.filter(p => p.legalBasis === 'CONSENT' || p.optOutAllowed);
  const tenantSel = h('select', {id: 'rates-tenant', 'data-testid': 'rates-tenant', required: true},
    tenantOptions(ts, {any: 'Choose a tenant'}).map(o => h('option', {value: o.value}, o.label)));
  if (ts.length === 1) tenantSel.value = ts[0].id;
  const metric = h('select', {id: 'rates-metric', 'data-testid': 'rates-metric'},
    Object.entries(METRICS).map(([k, m]) => h('option', {value: k}, m.label)));
  const period = h('select', {id: 'rates-period', 'data-testid': 'rates-period'},
    [['0', 'All recorded history'], ['720', 'Last 30 days'], ['168', 'Last 7 days'], ['24', 'Last 24 hours'], ['1', 'Last hour']]
      .map(([v, l]) => h('option', {value: v}, l)));
  const sample = h('input', {id: 'rates-sample', type: 'number', min: 1, max: 2000, value: '200', 'data-testid': 'rates-sample'});
  const boxes = usable.map(p => h('div', {class: 'b-check'},
    h('input', {type: 'checkbox', id: `rates-p-${p.key}`, value: p.key, checked: p.legalBasis === 'CONSENT' && !p.retired}),
    h('label', {for: `rates-p-${p.key}`}, p.name)));
  const status = h('div', {'data-testid': 'rates-status'});
  const out = h('div', {'aria-live': 'polite', 'data-testid': 'rates-result'});
  const chartBox = h('div', {class: 'b-chart', id: 'rates-chart', 'data-testid': 'rates-chart', role: 'img'});
  let run = 0;

  const compute = async (ev) => {
    ev.preventDefault();
    const mine = ++run;
    out.replaceChildren();
    status.replaceChildren();
    chartBox.replaceChildren();
    const chosen = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
    if (!tenantSel.value || !chosen.length) {
      out.append(h('p', {class: 'problem', role: 'alert'}, 'Choose a tenant and at least one purpose.'));
      return;
    }
    const max = Math.min(2000, Math.max(1, Number(sample.value) || 200));
    const bar = progress('Reading consent histories');
    status.append(bar);
    try {
      const subjects = await fetchAll(`/api/v1/tenants/${tenantSel.value}/subjects`, {}, {max, limit: Math.min(max, 200)});
      const list = subjects.slice(0, max);
      bar.update(0, list.length, `0 of ${list.length} subjects`);
      const withEvents = [];
      let done = 0;
      // A few requests at a time: quick enough, and gentle on the server.
      const queue = [...list];
      const worker = async () => {
        while (queue.length && mine === run) {
          const s = queue.shift();
          const hist = await api('GET', `/api/v1/tenants/${s.tenantId}/subjects/${s.id}/consents/history`);
          withEvents.push({createdAt: s.createdAt, events: hist.events || []});
          bar.update(++done, list.length, `${done} of ${list.length} subjects`);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      if (mine !== run) return;
      bar.done(`${list.length} subjects read${subjects.length >= max ? ` (the first ${max} of the tenant)` : ''}.`);
      if (!list.length) { out.append(h('p', {class: 'empty'}, 'This tenant has no subject.')); return; }
      const m = METRICS[metric.value];
      const hours = Number(period.value);
      const r = computeRates(withEvents, chosen, m.statuses, hours ? Date.now() - hours * 3600e3 : 0);
      const names = chosen.map(k => (purposes.find(p => p.key === k) || {}).name || k);
      chartBox.setAttribute('aria-label', `Step chart: share of subjects ${m.short} per purpose over time; the table below has the current values.`);
      drawChart(chartBox, r.xs, r.series, names);
      const states = ['GRANTED', 'OPTED_IN', 'WITHDRAWN', 'OPTED_OUT', 'OBJECTED', 'EXPIRED', 'NONE'];
      out.append(table([
        {label: 'Purpose', rowHeader: true, render: x => x.name},
        {label: `Now ${m.short}`, class: 'num', render: x => `${x.now ?? '—'}%`},
        ...states.map(s => ({label: s === 'EXPIRED' ? 'Grant expired' : s.charAt(0) + s.slice(1).toLowerCase().replace('_', ' '), class: 'num', render: x => String(x.counts[s] || 0)})),
      ], chosen.map((k, i) => ({name: names[i], now: r.series[i][r.series[i].length - 1], counts: r.counts[i]})),
      {testid: 'rates-table', caption: `Subjects per state now (${r.subjects} subjects)`}));
    } catch (e) {
      bar.done('Stopped.');
      out.append(problemView(e));
    }
  };

  root.append(h('section', {class: 'panel', 'data-testid': 'rates'}, h('h2', null, 'Consent rates per purpose over time'),
    h('form', {id: 'rates-form', 'data-testid': 'rates-form', on: {submit: compute}},
      h('div', {class: 'field'}, h('label', {for: 'rates-tenant'}, 'Tenant'), tenantSel),
      h('fieldset', {class: 'b-fieldset field'}, h('legend', null, 'Purposes'),
        boxes.length ? h('div', {class: 'b-checks'}, boxes) : h('p', {class: 'muted'}, 'No purpose asks for consent or allows an opt-out.')),
      h('div', {class: 'field'}, h('label', {for: 'rates-metric'}, 'Measure'), metric),
      h('div', {class: 'field'}, h('label', {for: 'rates-period'}, 'Period'), period),
      h('div', {class: 'field'}, h('label', {for: 'rates-sample'}, 'Subjects to read at most'), sample),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'rates-compute', 'data-testid': 'rates-compute'}, 'Compute rates'))),
    status, chartBox, out));
}

// ---- receipts
export async function receiptsPage(root) {
  const out = h('div', {id: 'receipt-result', 'data-testid': 'receipt-result', 'aria-live': 'polite'});
  const ta = h('textarea', {id: 'receipt-json', class: 'mono', rows: 14, spellcheck: 'false', 'data-testid': 'receipt-json',
    'aria-describedby': 'receipt-json-hint'});
  const verify = async (ev) => {
    ev.preventDefault();
    let receipt;
    try { receipt = JSON.parse(ta.value); } catch (err) {
      out.replaceChildren(verdict(false, 'Not JSON', `The text cannot be read as JSON: ${err.message}`, {testid: 'receipt-verdict'}));
      return;
    }
    // A receipt as recordConsent answers it may come wrapped: {id, state, receipt}.
    if (receipt && receipt.receipt && !receipt.signature) receipt = receipt.receipt;
    out.replaceChildren(h('p', {class: 'muted'}, 'Checking the signature…'));
    try {
      const v = await api('POST', '/api/v1/public/consent/receipts/verification', receipt);
      out.replaceChildren(verdict(v.valid, v.valid ? 'Valid receipt: signed by this server and unchanged' : 'Invalid receipt',
        [v.reason ? `Reason: ${v.reason}` : null, v.keyId ? `Signing key: ${v.keyId}` : null,
          receipt.receiptId ? `Receipt ${receipt.receiptId}, issued ${receipt.issuedAt || '?'}` : null].filter(Boolean),
        {testid: 'receipt-verdict'}));
    } catch (e) {
      out.replaceChildren(problemView(e));
    }
  };
  const form = h('form', {id: 'receipt-verify-form', 'data-testid': 'receipt-verify-form', on: {submit: verify}},
    h('div', {class: 'field'}, h('label', {for: 'receipt-json'}, 'Consent receipt (JSON)'),
      h('p', {class: 'hint', id: 'receipt-json-hint'}, 'Paste a receipt as Steward answered it (ISO/IEC TS 27560), or load one below. Any change to it makes the signature fail.'), ta),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'verify-receipt', 'data-testid': 'verify-receipt'}, 'Verify receipt')));
  root.append(h('section', {class: 'panel', 'data-testid': 'receipt-verify'}, h('h2', null, 'Verify a consent receipt'), form, out));

  if (!can(...READ_SUBJECTS)) return;
  const ts = await tenants();
  const tenantSel = h('select', {id: 'receipt-tenant', 'data-testid': 'receipt-tenant'},
    tenantOptions(ts, {any: 'Choose a tenant'}).map(o => h('option', {value: o.value}, o.label)));
  const subject = h('input', {id: 'receipt-subject', type: 'text', autocomplete: 'off', placeholder: 'UUID', 'data-testid': 'receipt-subject'});
  const receiptId = h('input', {id: 'receipt-id', type: 'text', autocomplete: 'off', placeholder: 'UUID', list: 'receipt-ids', 'data-testid': 'receipt-id'});
  const ids = h('datalist', {id: 'receipt-ids'});
  const msg = h('div', {'aria-live': 'polite'});
  const check = () => {
    const bad = [[tenantSel.value, 'a tenant'], [subject.value.trim(), 'the subject id']].filter(([v]) => !UUID.test(v)).map(([, n]) => n);
    if (bad.length) { msg.replaceChildren(h('p', {class: 'problem', role: 'alert'}, `Give ${bad.join(' and ')}.`)); return false; }
    return true;
  };
  const listReceipts = async () => {
    if (!check()) return;
    try {
      const hist = await api('GET', `/api/v1/tenants/${tenantSel.value}/subjects/${enc(subject.value.trim())}/consents/history`);
      const events = (hist.events || []).slice().reverse();
      ids.replaceChildren(...events.map(e => h('option', {value: e.receiptId}, `${e.purpose} ${e.action} ${e.occurredAt}`)));
      msg.replaceChildren(events.length
        ? h('div', null, h('p', null, `${events.length} receipts, newest first. Pick one:`), table([
          {label: 'When', render: e => new Date(e.occurredAt).toLocaleString()}, {label: 'Purpose', render: e => h('code', null, e.purpose)},
          {label: 'Action', key: 'action'}, {label: 'Imported', render: e => e.imported ? 'Yes' : 'No'},
          {label: '', render: e => h('button', {type: 'button', 'data-testid': 'receipt-pick', on: {click: () => { receiptId.value = e.receiptId; load(); }}}, 'Load')},
        ], events, {testid: 'receipt-list'}))
        : h('p', {class: 'empty'}, 'This subject has no consent event.'));
    } catch (e) { msg.replaceChildren(problemView(e)); }
  };
  const load = async () => {
    if (!check()) return;
    if (!UUID.test(receiptId.value.trim())) { msg.replaceChildren(h('p', {class: 'problem', role: 'alert'}, 'Give the receipt id.')); return; }
    try {
      const r = await api('GET', `/api/v1/tenants/${tenantSel.value}/subjects/${enc(subject.value.trim())}/consents/receipts/${enc(receiptId.value.trim())}`);
      ta.value = JSON.stringify(r, null, 2);
      msg.replaceChildren(h('p', {class: 'notice', role: 'status'}, 'Loaded into the box above: verify it, or change a character first to see a tampered receipt fail.'));
      out.replaceChildren();
      toast('Receipt loaded.');
    } catch (e) { msg.replaceChildren(problemView(e)); }
  };
  root.append(h('section', {class: 'panel', 'data-testid': 'receipt-load'}, h('h2', null, 'Load a subject’s receipt'),
    h('form', {class: 'inline', id: 'receipt-load-form', 'data-testid': 'receipt-load-form', on: {submit: e => { e.preventDefault(); load(); }}},
      h('div', {class: 'field'}, h('label', {for: 'receipt-tenant'}, 'Tenant'), tenantSel),
      h('div', {class: 'field'}, h('label', {for: 'receipt-subject'}, 'Subject id'), subject),
      h('div', {class: 'field'}, h('label', {for: 'receipt-id'}, 'Receipt id'), receiptId, ids),
      h('div', {class: 'actions'},
        h('button', {type: 'button', 'data-testid': 'receipt-list-button', on: {click: listReceipts}}, 'List the subject’s receipts'),
        h('button', {type: 'submit', class: 'primary', 'data-testid': 'receipt-load-button'}, 'Load receipt'))),
    msg));
}

// ---- import
// Big files go in batches: the server takes at most 10,000 lines per request, and batches let us show progress.
// Records are split where a line break is outside quotes (CSV fields may hold line breaks).
export function splitRecords(text, csv) {
  const records = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (csv && ch === '"') quoted = !quoted;
    const lineBreak = ch === '\n' || ch === '\r';
    if (i === text.length || (lineBreak && !quoted)) {
      const body = text.slice(start, i);
      if (body.trim()) records.push({line: startLine, text: body, lines: body.split(/\r\n|\r|\n/).length});
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      start = i + 1;
      startLine = line;
    } else if (lineBreak) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
    }
  }
  return records;
}

function batches(records, csv, size) {
  const header = csv ? records[0] : null;
  const body = csv ? records.slice(1) : records;
  const out = [];
  for (let i = 0; i < body.length; i += size) {
    const part = body.slice(i, i + size);
    const map = [null]; // chunk physical line (1-based) → file line
    const texts = [];
    for (const r of (header ? [header, ...part] : part)) {
      for (let k = 0; k < r.lines; k++) map.push(r.line + k);
      texts.push(r.text);
    }
    out.push({text: texts.join('\n') + '\n', map, count: part.length});
  }
  return out;
}

export async function importPage(root) {
  if (!can('PRIVACY_OFFICER')) {
    root.append(h('p', {class: 'notice warn'}, 'Only a privacy officer may import consents.'));
    return;
  }
  const ts = await tenants();
  const tenantSel = h('select', {id: 'import-tenant', 'data-testid': 'import-tenant', required: true},
    tenantOptions(ts, {any: 'Choose a tenant'}).map(o => h('option', {value: o.value}, o.label)));
  const format = h('select', {id: 'import-format', 'data-testid': 'import-format'},
    h('option', {value: 'text/csv'}, 'CSV with a header row'), h('option', {value: 'application/x-ndjson'}, 'JSON lines (one object per line)'));
  const file = h('input', {type: 'file', id: 'import-file', 'data-testid': 'import-file', accept: '.csv,.ndjson,.jsonl,.json,.txt,text/csv'});
  const ta = h('textarea', {id: 'import-text', class: 'mono', rows: 10, spellcheck: 'false', 'data-testid': 'import-text',
    'aria-describedby': 'import-text-hint'});
  const size = h('input', {type: 'number', id: 'import-batch', min: 1, max: 10000, value: '1000', 'data-testid': 'import-batch'});
  const out = h('div', {'aria-live': 'polite', 'data-testid': 'import-result', id: 'import-result'});
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    ta.value = await f.text();
    if (/\.(ndjson|jsonl|json)$/i.test(f.name)) format.value = 'application/x-ndjson';
    if (/\.csv$/i.test(f.name)) format.value = 'text/csv';
    toast(`${f.name} read: ${ta.value.split(/\r\n|\r|\n/).length} lines.`);
  });
  const submit = h('button', {type: 'submit', class: 'primary', id: 'import-run', 'data-testid': 'import-run'}, 'Import');

  const run = async (ev) => {
    ev.preventDefault();
    out.replaceChildren();
    const csv = format.value === 'text/csv';
    if (!tenantSel.value || !ta.value.trim()) {
      out.append(h('p', {class: 'problem', role: 'alert'}, 'Choose a tenant and give the lines to import (a file or the box).'));
      return;
    }
    const records = splitRecords(ta.value.replace(/^\uFEFF/, ''), csv);
    const parts = batches(records, csv, Math.min(10000, Math.max(1, Number(size.value) || 1000)));
    const total = parts.reduce((n, p) => n + p.count, 0);
    const bar = progress('Importing');
    out.append(bar);
    const sum = {lines: 0, imported: 0, duplicates: 0, failed: 0, errors: []};
    submit.disabled = true;
    let done = 0;
    let stopped = null;
    try {
      for (const part of parts) {
        bar.update(done, total, `${done} of ${total} lines sent`);
        try {
          const r = await api('POST', `/api/v1/tenants/${tenantSel.value}/consent-imports`, part.text, {headers: {'Content-Type': format.value}});
          sum.lines += r.lines; sum.imported += r.imported; sum.duplicates += r.duplicates; sum.failed += r.failed;
          sum.errors.push(...r.errors.map(e => ({...e, line: part.map[e.line] || e.line})));
        } catch (e) {
          if (e instanceof ApiError && e.status === 401) throw e;
          stopped = e;
          break;
        }
        done += part.count;
      }
      bar.done(stopped ? `Stopped after ${done} of ${total} lines.` : `${total} lines done.`);
    } finally {
      submit.disabled = false;
    }
    const failed = sum.failed > 0 || stopped;
    out.append(h('div', {'data-testid': 'import-report'},
      stopped ? h('div', null, h('p', {class: 'notice warn'}, 'The server refused a batch: the lines before it are imported, the rest were not sent.'), problemView(stopped)) : null,
      h('ul', {class: 'stats'},
        [['Lines', sum.lines, 'import-lines'], ['Imported', sum.imported, 'import-imported'], ['Duplicates (skipped)', sum.duplicates, 'import-duplicates'],
          ['Failed', sum.failed, 'import-failed']].map(([l, n, id]) => h('li', {class: ['stat', id === 'import-failed' && n ? 'stat-danger' : '']},
          h('span', {class: 'n', 'data-testid': id}, String(n)), h('span', {class: 'l'}, l)))),
      sum.errors.length ? table([
        {label: 'Line', class: 'num', render: e => String(e.line)},
        {label: 'Field', render: e => h('code', null, e.field)},
        {label: 'Problem', key: 'message'},
      ], sum.errors.sort((a, b) => a.line - b.line), {testid: 'import-errors', rowTestid: () => 'import-error', caption: 'Lines not imported'})
        : h('p', null, badge(failed ? 'Incomplete' : 'Every line is in', failed ? 'warn' : 'ok'))));
    toast(`Import: ${sum.imported} imported, ${sum.duplicates} duplicates, ${sum.failed} failed.`, sum.failed ? 'danger' : 'info');
  };

  root.append(h('section', {class: 'panel', 'data-testid': 'import'}, h('h2', null, 'Import consents'),
    h('p', null, 'Bring in consents collected before Steward. Each line is checked like a live record; a bad line is reported and skipped, and lines imported before are skipped as duplicates, so a file can be sent again safely.'),
    h('form', {id: 'import-form', 'data-testid': 'import-form', on: {submit: run}},
      h('div', {class: 'field'}, h('label', {for: 'import-tenant'}, 'Tenant'), tenantSel),
      h('div', {class: 'field'}, h('label', {for: 'import-format'}, 'Format'), format),
      h('div', {class: 'field'}, h('label', {for: 'import-file'}, 'File'), file),
      h('div', {class: 'field'}, h('label', {for: 'import-text'}, 'Lines'),
        h('p', {class: 'hint', id: 'import-text-hint'}, 'Fields: subjectId, purpose, action (GRANT, WITHDRAW, OPT_OUT, OPT_IN, OBJECT), occurredAt (ISO-8601 with offset); optional: externalId, noticeVersion (required for GRANT), noticeLanguage, source, expiresAt.'),
        ta),
      h('details', null, h('summary', null, 'Example lines'),
        h('p', {class: 'small'}, 'CSV:'), h('pre', {class: 'b-json'}, 'externalId,subjectId,purpose,action,noticeVersion,noticeLanguage,occurredAt\ncrm-1,<subject uuid>,newsletter,GRANT,1,en,2026-05-01T10:00:00Z'),
        h('p', {class: 'small'}, 'JSON lines:'), h('pre', {class: 'b-json'}, '{"subjectId":"<subject uuid>","purpose":"newsletter","action":"WITHDRAW","occurredAt":"2026-06-01T09:30:00Z"}')),
      h('div', {class: 'field'}, h('label', {for: 'import-batch'}, 'Lines per request'), size),
      h('div', {class: 'actions'}, submit)),
    out));
}
