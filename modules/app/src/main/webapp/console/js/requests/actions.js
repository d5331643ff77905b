// The actions on one request, offered only to the roles the server lets do them and only in states that allow them.

import {api, download, session} from '../api.js';
import {actionButton, confirmDialog, formView, h, toast} from '../ui.js';
import {DENIAL_BASES, TYPE_LABELS, basesFor, isOpen} from './common.js';

const PO = 'PRIVACY_OFFICER';
const STAFF = ['PRIVACY_OFFICER', 'SUPPORT_AGENT'];
const DENIABLE = ['RECEIVED', 'VERIFYING', 'VERIFIED', 'IN_PROGRESS'];
const CANCELLABLE = ['RECEIVED', 'VERIFYING', 'VERIFIED'];

export function actionsPanel(r, {reload}) {
  const area = h('div', {class: 'action-area'});
  const buttons = [];
  const post = async (path, body, done) => {
    await api('POST', `/api/v1/requests/${r.id}/${path}`, body);
    toast(done);
    await reload();
  };
  // Each form opens under the buttons, one at a time.
  const reveal = (label, testid, build) => {
    const btn = h('button', {type: 'button', 'aria-expanded': 'false', 'data-testid': testid, id: testid}, label);
    btn.addEventListener('click', () => {
      const open = btn.getAttribute('aria-expanded') === 'true';
      buttons.forEach(b => b.setAttribute?.('aria-expanded', 'false'));
      area.replaceChildren();
      if (open) return;
      btn.setAttribute('aria-expanded', 'true');
      const form = build();
      area.append(h('h3', null, label), form);
      form.querySelector('input, select, textarea')?.focus();
    });
    buttons.push(btn);
    return btn;
  };

  if (session.has(...STAFF) && isOpen(r) && !r.acknowledgedAt) {
    buttons.push(actionButton('Record acknowledgement', () => post('acknowledgement', undefined, 'Acknowledgement recorded.'),
      {testid: 'action-acknowledge', id: 'action-acknowledge', title: 'The receipt was acknowledged outside Steward (a call, a letter)'}));
  }
  if (session.has(PO) && r.state === 'VERIFIED') {
    buttons.push(actionButton('Approve', async () => {
      const what = r.type === 'ERASURE'
        ? 'Approving starts the erasure: every module deletes the subject’s data and the recipients are told. This cannot be undone.'
        : `Approving starts one task per module to fulfil this ${(TYPE_LABELS[r.type] || r.type).toLowerCase()} request.`;
      if (!await confirmDialog(what, {confirmLabel: 'Approve', danger: r.type === 'ERASURE', title: 'Approve the request?'})) return;
      await post('approval', undefined, 'Approved: the tasks are starting.');
    }, {kind: 'primary', testid: 'action-approve', id: 'action-approve'}));
  }
  const openTasks = (r.tasks || []).some(t => t.state !== 'DONE' && t.state !== 'SKIPPED');
  // Other requests complete by themselves when their tasks are done; closing by hand is for complaints, or
  // for a request whose tasks are done (partial compliance).
  if (session.has(PO) && r.state === 'IN_PROGRESS' && (r.type === 'COMPLAINT' || !openTasks)) {
    buttons.push(reveal(r.type === 'COMPLAINT' ? 'Answer and close' : 'Complete', 'action-complete', () => completeForm(r, post)));
  }
  if (session.has(PO) && isOpen(r) && (!r.maxDueOn || !r.dueOn || r.dueOn < r.maxDueOn)) buttons.push(reveal('Extend the deadline', 'action-extend', () => extendForm(r, post)));
  if (session.has(PO) && DENIABLE.includes(r.state)) buttons.push(reveal('Deny', 'action-deny', () => denyForm(r, post)));
  if (session.has(...STAFF) && CANCELLABLE.includes(r.state)) {
    buttons.push(actionButton('Cancel the request', async () => {
      if (!await confirmDialog('The request is closed as cancelled and the subject is told. It cannot be reopened.',
        {confirmLabel: 'Cancel the request', cancelLabel: 'Keep it', danger: true, title: 'Cancel this request?'})) return;
      await post('cancellation', undefined, 'The request is cancelled.');
    }, {kind: 'danger', testid: 'action-cancel', id: 'action-cancel'}));
  }
  if (session.has(PO) && (r.type === 'ACCESS' || r.type === 'PORTABILITY') && r.state === 'COMPLETED') {
    buttons.push(reveal('Download the export', 'action-export', () => exportForm(r)));
  }

  return h('section', {class: 'panel', 'data-testid': 'request-actions'},
    h('h2', null, 'Actions'),
    buttons.length ? h('div', {class: 'actions', role: 'group', 'aria-label': 'Actions on this request'}, buttons)
      : h('p', {class: 'muted', 'data-testid': 'no-actions'}, session.has(PO, 'SUPPORT_AGENT')
        ? 'Nothing can be done on this request in its present state.' : 'Your role may read this request but not act on it.'),
    area);
}

function denyForm(r, post) {
  const bases = basesFor(r.jurisdiction);
  return formView([
    {name: 'basis', id: 'deny-basis', label: `Legal ground (${r.jurisdiction})`, type: 'select', required: true,
      options: [{value: '', label: 'Choose…'}, ...bases]},
    {name: 'text', id: 'deny-text', label: 'Words for the subject', type: 'textarea', required: true, rows: 4,
      hint: 'Sent to the subject with the ground. Explain why, and how they can complain to the supervisory authority.'},
  ], async v => {
    const b = DENIAL_BASES[v.basis];
    if (!await confirmDialog(`The request is closed as denied on “${b ? b.label : v.basis}” and the subject is told. This cannot be undone.`,
      {confirmLabel: 'Deny the request', danger: true, title: 'Deny this request?'})) return;
    await post('denial', {basis: v.basis, text: v.text}, 'The request is denied.');
  }, {submitLabel: 'Deny', danger: true, id: 'deny-form', testid: 'deny-form'});
}

function addDay(day) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function extendForm(r, post) {
  return formView([
    {name: 'newDueOn', id: 'extend-due', label: 'New due date', type: 'date', required: true, value: r.maxDueOn || '',
      min: r.dueOn ? addDay(r.dueOn) : undefined, max: r.maxDueOn,
      hint: r.maxDueOn ? `After the current due date and at the latest ${r.maxDueOn}, the limit of the law.` : null},
    {name: 'reason', id: 'extend-reason', label: 'Reason (sent to the subject)', type: 'textarea', required: true, rows: 3},
  ], async v => post('extension', {newDueOn: v.newDueOn, reason: v.reason}, `The due date is now ${v.newDueOn}.`),
  {submitLabel: 'Extend', id: 'extend-form', testid: 'extend-form'});
}

function completeForm(r, post) {
  const complaint = r.type === 'COMPLAINT';
  const openTasks = (r.tasks || []).filter(t => t.state !== 'DONE' && t.state !== 'SKIPPED').length;
  const form = formView([
    {name: 'response', id: 'complete-response', label: complaint ? 'The answer to the complaint' : 'Words for the subject (optional)',
      type: 'textarea', required: complaint, rows: 5},
    complaint ? null : {name: 'partial', id: 'complete-partial', label: 'Complied with only in part', type: 'checkbox'},
  ].filter(Boolean), async v => {
    const body = {response: v.response || undefined};
    if (!complaint) body.partial = !!v.partial;
    await post('completion', body, 'The request is completed.');
  }, {submitLabel: complaint ? 'Send the answer and close' : 'Complete', id: 'complete-form', testid: 'complete-form'});
  if (openTasks) form.prepend(h('p', {class: 'notice warn'}, `${openTasks} task${openTasks === 1 ? ' is' : 's are'} not done yet: the server will refuse until they are.`));
  return form;
}

// A privacy officer's copy (audited): the subject's single-use link stays unused.
function exportForm(r) {
  return formView([], async () => {
    await download(`/api/v1/requests/${r.id}/export/archive`,
      `steward-${r.type === 'ACCESS' ? 'access' : 'portability'}-${r.id}.${r.type === 'ACCESS' ? 'zip' : 'json'}`);
    toast('The export is downloading. The download is recorded in the audit log.');
  }, {submitLabel: 'Download a copy', id: 'export-form', testid: 'export-form'});
}
