// A subject's consents: the current state per purpose, the history, and a signed receipt that can be verified.

import {api} from '../api.js';
import {actionButton, badge, clear, dl, h, humanize, panel, table, timeEl, toast} from '../ui.js';

const STATUS_KIND = {GRANTED: 'ok', OPTED_IN: 'ok', WITHDRAWN: 'neutral', OPTED_OUT: 'warn', OBJECTED: 'warn', NONE: 'neutral'};

export function consentsPanel(ctx) {
  const {base} = ctx;
  const receiptBox = h('div', {'data-testid': 'receipt-box', 'aria-live': 'polite'});
  return panel('Consents', async () => {
    const [states, history] = await Promise.all([api('GET', `${base}/consents`), api('GET', `${base}/consents/history`)]);
    const events = (history.events || []).slice().reverse();
    return [
      table([
        {label: 'Purpose', rowHeader: true, key: 'purpose'},
        {label: 'Basis', render: s => humanize(s.legalBasis)},
        {label: 'Status', render: s => [badge(humanize(s.status), STATUS_KIND[s.status]), s.expired ? ' ' : '', s.expired ? badge('Expired', 'danger') : '']},
        {label: 'Last action', render: s => s.lastAction ? humanize(s.lastAction) : null},
        {label: 'Notice', render: s => s.noticeVersion ? `v${s.noticeVersion}${s.noticeLanguage ? ` (${s.noticeLanguage})` : ''}` : null},
        {label: 'Source', render: s => s.source ? humanize(s.source) : null},
        {label: 'Changed', render: s => s.changedAt ? timeEl(s.changedAt) : null},
        {label: 'Expires', render: s => s.expiresAt ? timeEl(s.expiresAt) : null},
      ], states.items || [], {testid: 'consent-states', caption: 'Current state per purpose'}),
      h('details', {class: 'history', 'data-testid': 'consent-history'},
        h('summary', null, `History (${events.length} event${events.length === 1 ? '' : 's'}, newest first)`),
        table([
          {label: 'When', render: e => timeEl(e.occurredAt)},
          {label: 'Purpose', key: 'purpose'},
          {label: 'Action', render: e => humanize(e.action)},
          {label: 'Status', render: e => badge(humanize(e.status), STATUS_KIND[e.status])},
          {label: 'Notice', render: e => e.noticeVersion ? `v${e.noticeVersion}` : null},
          {label: 'Source', render: e => [humanize(e.source), e.imported ? ' (imported)' : '']},
          {label: 'Receipt', render: e => e.receiptId ? actionButton('Show receipt', async () => {
            await showReceipt(base, e.receiptId, receiptBox);
          }, {testid: `receipt-${e.receiptId}`}) : null},
        ], events, {testid: 'consent-history-table', empty: 'No consent event.'})),
      receiptBox,
    ];
  }, {testid: 'subject-consents'});
}

async function showReceipt(base, receiptId, box) {
  const receipt = await api('GET', `${base}/consents/receipts/${encodeURIComponent(receiptId)}`);
  const result = h('div', {'aria-live': 'polite', 'data-testid': 'receipt-verification'});
  clear(box,
    h('h3', {tabindex: '-1', id: 'receipt-title'}, 'Consent receipt'),
    dl([
      ['Receipt id', h('code', null, receipt.receiptId)],
      ['Schema', receipt.schemaVersion],
      ['Controller', `${receipt.controller?.name || ''}${receipt.controller?.contact ? ` — ${receipt.controller.contact}` : ''}`],
      ['Holder', h('code', null, receipt.holderRef)],
      ['Issued', timeEl(receipt.issuedAt)],
      receipt.expiresAt ? ['Expires', timeEl(receipt.expiresAt)] : null,
      ['Source', receipt.source],
      ['Purposes', h('ul', {class: 'plain'}, (receipt.purposes || []).map(p =>
        h('li', null, `${p.purpose}: ${humanize(p.action)} → ${humanize(p.state)} (${humanize(p.legalBasis)}${p.noticeVersion ? `, notice v${p.noticeVersion}` : ''})`)))],
      ['Signature', `${receipt.signature?.alg} with key ${receipt.signature?.keyId}`],
    ], {testid: 'receipt-details'}),
    h('div', {class: 'actions'},
      actionButton('Verify the signature', async () => {
        const v = await api('POST', '/api/v1/public/consent/receipts/verification', receipt);
        clear(result, v.valid
          ? h('p', {class: 'notice'}, h('strong', null, 'Valid. '), `Signed by this server with key ${v.keyId}; the receipt is unchanged.`)
          : h('p', {class: 'problem'}, h('strong', null, 'Not valid. '), v.reason || 'The signature does not match.'));
        toast(v.valid ? 'The receipt’s signature is valid.' : 'The receipt’s signature is NOT valid.', v.valid ? 'info' : 'danger');
      }, {kind: 'primary', testid: 'receipt-verify', id: 'receipt-verify'}),
      h('a', {href: '#/consent', class: 'button'}, 'Verify another receipt in Consent')),
    result);
  box.querySelector('#receipt-title').focus();
}
