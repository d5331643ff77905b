// Consent pages that read or write subjects' consents: rates over time, receipt verification, the bulk import.

import {api, ApiError} from '../api.js';
import {h, badge, problemView, progress, table, toast} from '../ui.js';
import {can, enc, tenantOptions, tenants, UUID, verdict} from './_b.js';

export {ratesPage} from './_b-rates.js';

const READ_SUBJECTS = ['PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR'];

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
