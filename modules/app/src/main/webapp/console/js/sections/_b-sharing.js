// Sharing pages that work per tenant or per subject: notice subscriptions, the disclosure ledger, propagation tasks.

import {api, qs} from '../api.js';
import {h, badge, confirmDialog, formView, humanize, panel, table, timeEl, toast, actionButton} from '../ui.js';
import {can, resettable, chips, confirmWithText, pagedTable, secretBox, showField, showOnce, tenantName, tenantOptions, tenants,
  UUID} from './_b.js';

const STATE_KIND = {PENDING: 'info', FAILING: 'warn', SENT: 'info', CONFIRMED: 'ok', WAIVED: 'neutral'};

// ---- subscriptions (PRIVACY_OFFICER: the address is personal data)
export async function subscriptionsPage(root, tenantParam) {
  const ts = await tenants();
  const tenantSel = h('select', {id: 'subs-tenant', 'data-testid': 'subs-tenant'},
    tenantOptions(ts, {any: 'Choose a tenant'}).map(o => h('option', {value: o.value}, o.label)));
  if (tenantParam && UUID.test(tenantParam)) tenantSel.value = tenantParam;
  const body = h('div', {class: 'b-stack'});
  const show = () => {
    const t = tenantSel.value;
    if (location.hash !== `#/sharing/subscriptions${t ? `/${t}` : ''}`) history.replaceState(null, '', `#/sharing/subscriptions${t ? `/${t}` : ''}`);
    body.replaceChildren();
    if (!t) { body.append(h('p', {class: 'muted'}, 'Choose a tenant to see its subscriptions.')); return; }
    const list = panel(`Subscriptions of ${tenantName(ts, t)}`, async () => table([
      {label: 'Channel', render: s => humanize(s.channel)},
      {label: 'Address', render: s => h('span', {class: 'mono'}, s.address)},
      {label: 'Status', render: s => s.active ? badge('Active', 'ok') : h('span', null, badge('Cancelled', 'neutral'), ' ', timeEl(s.cancelledAt))},
      {label: 'Since', render: s => timeEl(s.createdAt)},
      {label: 'Actions', render: s => s.active ? actionButton('Cancel', async () => {
        if (!await confirmDialog(`Cancel the ${s.channel.toLowerCase()} subscription to ${s.address}? Notices not yet delivered to it are dropped.`,
          {confirmLabel: 'Cancel subscription', cancelLabel: 'Keep it', danger: true, title: 'Cancel a subscription'})) return;
        await api('DELETE', `/api/v1/tenants/${t}/notice-subscriptions/${s.id}`);
        toast('Subscription cancelled.');
        list.refresh();
      }, {kind: 'danger', testid: 'sub-cancel'}) : '—'},
    ], await api('GET', `/api/v1/tenants/${t}/notice-subscriptions`), {testid: 'subscriptions-table',
      rowTestid: () => 'subscription-row', empty: 'This tenant is not subscribed to change notices.'}), {testid: 'subscriptions'});
    const form = formView([
      {name: 'channel', label: 'Channel', type: 'select', required: true, id: 'sub-channel',
        options: [{value: 'EMAIL', label: 'Email'}, {value: 'WEBHOOK', label: 'Signed webhook'}]},
      {name: 'email', label: 'Email address', type: 'email', id: 'sub-email'},
      {name: 'url', label: 'Webhook URL (https)', id: 'sub-url'},
    ], async (v) => {
      const sub = await api('POST', `/api/v1/tenants/${t}/notice-subscriptions`,
        v.channel === 'EMAIL' ? {channel: 'EMAIL', email: v.email} : {channel: 'WEBHOOK', url: v.url});
      form.reset();
      sync();
      list.refresh();
      toast(`Subscribed ${sub.address}.`);
      if (sub.secret) {
        await showOnce('Webhook signing secret', h('div', null,
          h('p', null, 'The tenant’s endpoint verifies each notice’s signature with this secret.'),
          secretBox('Signing secret', sub.secret, {testid: 'subscription-secret'})), {buttonLabel: 'I have stored it'});
      }
    }, {submitLabel: 'Subscribe', id: 'subscription-form', testid: 'subscription-form'});
    const sync = () => {
      showField(form, 'email', form.controls.channel.value === 'EMAIL');
      showField(form, 'url', form.controls.channel.value === 'WEBHOOK');
    };
    form.controls.channel.addEventListener('change', sync);
    resettable(form);
    sync();
    body.append(list, h('section', {class: 'panel', 'data-testid': 'subscribe'}, h('h2', null, 'Subscribe to change notices'),
      h('p', {class: 'muted'}, 'The tenant is told of every addition, widening, change and retirement in the register, and may object within the window.'), form));
  };
  tenantSel.addEventListener('change', show);
  root.append(h('div', {class: 'b-filters'}, h('form', {class: 'inline', on: {submit: e => e.preventDefault()}},
    h('div', {class: 'field'}, h('label', {for: 'subs-tenant'}, 'Tenant'), tenantSel))), body);
  show();
}

// ---- disclosure ledger
export async function disclosuresPage(root) {
  const [ts, sps] = await Promise.all([tenants(), api('GET', '/api/v1/sharing/subprocessors')]);
  const spName = id => (sps.find(s => s.id === id) || {}).name;
  const tenantSel = h('select', {id: 'disc-tenant', name: 'tenantId', 'data-testid': 'disc-tenant'},
    tenantOptions(ts, {any: 'Any tenant'}).map(o => h('option', {value: o.value}, o.label)));
  const subject = h('input', {id: 'disc-subject', name: 'subjectId', type: 'text', autocomplete: 'off', 'data-testid': 'disc-subject',
    placeholder: 'UUID'});
  const recipient = h('select', {id: 'disc-recipient', name: 'recipient', 'data-testid': 'disc-recipient'},
    h('option', {value: ''}, 'Any recipient'), sps.map(s => h('option', {value: s.id}, s.name)));
  let filters = {};
  const list = pagedTable([
    {label: 'Occurred', render: d => h('span', null, timeEl(d.occurredAt), d.replayed ? h('span', {class: 'small muted'}, ' (replayed)') : null)},
    {label: 'Tenant', render: d => tenantName(ts, d.tenantId)},
    {label: 'Subject', render: d => d.subjectId
      ? h('a', {href: `#/subjects/${d.tenantId}/${d.subjectId}`}, h('code', null, d.subjectId.slice(0, 8)))
      : h('span', {class: 'muted'}, 'the tenant’s data (bulk)')},
    {label: 'Recipient', render: d => d.recipientName || spName(d.recipientId)},
    {label: 'Categories', render: d => chips(d.categories)},
    {label: 'Purpose', render: d => h('code', null, d.purpose)},
    {label: 'Basis', render: d => h('span', null, humanize(d.legalBasis), h('br'), h('span', {class: 'small muted'}, d.jurisdiction))},
    {label: 'Client id', render: d => h('code', {class: 'small'}, d.clientId)},
  ], c => api('GET', '/api/v1/disclosures' + qs({...filters, limit: 50, cursor: c})),
  {testid: 'disclosures-table', rowTestid: () => 'disclosure-row', empty: 'No disclosure matches.', caption: 'Newest first'});
  const form = h('form', {class: 'inline', id: 'disclosure-filters', 'data-testid': 'disclosure-filters', role: 'search',
    on: {submit: e => {
      e.preventDefault();
      filters = {tenantId: tenantSel.value, subjectId: subject.value.trim(), recipient: recipient.value};
      list.reload();
    }}},
  h('div', {class: 'field'}, h('label', {for: 'disc-tenant'}, 'Tenant'), tenantSel),
  h('div', {class: 'field'}, h('label', {for: 'disc-subject'}, 'Subject id'), subject),
  h('div', {class: 'field'}, h('label', {for: 'disc-recipient'}, 'Recipient'), recipient),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', 'data-testid': 'disc-apply'}, 'Apply filters')));
  root.append(h('section', {class: 'panel', 'data-testid': 'disclosures'}, h('h2', null, 'Disclosure ledger'),
    h('p', {class: 'muted'}, 'Whose personal data went to which recipient, when and why. Reading the ledger is written to the audit log.'),
    h('div', {class: 'b-filters'}, form), list));
}

// ---- propagation tasks
export async function propagationsPage(root) {
  const [ts, sps] = await Promise.all([tenants(), api('GET', '/api/v1/sharing/subprocessors')]);
  const sel = (id, label, options) => {
    const el = h('select', {id, 'data-testid': id}, options.map(o => h('option', {value: o.value}, o.label)));
    return [el, h('div', {class: 'field'}, h('label', {for: id}, label), el)];
  };
  const [state, stateF] = sel('prop-state', 'State', [{value: '', label: 'Any'},
    ...['PENDING', 'FAILING', 'SENT', 'CONFIRMED', 'WAIVED'].map(s => ({value: s, label: humanize(s)}))]);
  const [connector, connF] = sel('prop-connector', 'Connector', [{value: '', label: 'Any'},
    ...['MANUAL', 'WEBHOOK', 'OPENDSR'].map(s => ({value: s, label: humanize(s)}))]);
  const [recipient, recF] = sel('prop-recipient', 'Recipient', [{value: '', label: 'Any'}, ...sps.map(s => ({value: s.id, label: s.name}))]);
  const overdue = h('input', {type: 'checkbox', id: 'prop-overdue', 'data-testid': 'prop-overdue'});
  let filters = {};

  const close = async (p, how) => {
    if (how === 'confirm') {
      const note = await confirmWithText(`Confirm that ${p.recipientName} carried out the ${humanize(p.kind).toLowerCase()}? This closes the task.`,
        {label: 'How it was confirmed (optional)', hint: 'A ticket, an email…', optional: true, danger: false,
          confirmLabel: 'Confirm task', title: 'Confirm a propagation task', testid: 'prop-confirm-note'});
      if (note === null) return;
      await api('POST', `/api/v1/sharing/propagations/${p.id}/confirmation`, note ? {note} : {});
      toast('Task confirmed.');
    } else {
      const reason = await confirmWithText(`Waive telling ${p.recipientName} of this ${humanize(p.kind).toLowerCase()}? The task closes without the recipient acting: give the reason (e.g. it no longer holds the data, or telling it is impossible or disproportionate, GDPR Art. 19).`,
        {confirmLabel: 'Waive task', title: 'Waive a propagation task', testid: 'prop-waive-reason'});
      if (reason === null) return;
      await api('POST', `/api/v1/sharing/propagations/${p.id}/waiver`, {reason});
      toast('Task waived.');
    }
    list.refresh();
  };

  const list = pagedTable([
    {label: 'Created', render: p => timeEl(p.createdAt)},
    {label: 'Kind', render: p => h('span', null, humanize(p.kind), h('br'), h('code', {class: 'small', title: 'cause'}, String(p.causeRef).slice(0, 8)))},
    {label: 'Recipient', render: p => h('span', null, p.recipientName, h('br'), h('span', {class: 'small muted'}, humanize(p.connector)))},
    {label: 'Tenant / subject', render: p => h('span', null, tenantName(ts, p.tenantId), h('br'),
      p.subjectId ? h('a', {href: `#/subjects/${p.tenantId}/${p.subjectId}`}, h('code', null, p.subjectId.slice(0, 8))) : h('span', {class: 'small muted'}, 'subject erased'))},
    {label: 'Categories', render: p => chips(p.categories)},
    {label: 'State', render: p => h('span', null, badge(humanize(p.state), STATE_KIND[p.state]), p.overdue ? [' ', badge('Overdue', 'danger')] : null,
      p.lastError ? h('span', {class: 'small', title: p.lastError}, h('br'), `Error: ${p.lastError}`) : null)},
    {label: 'Due', render: p => timeEl(p.dueAt)},
    {label: 'Attempts', class: 'num', render: p => String(p.attempts)},
    {label: 'Closed', render: p => p.closedAt ? h('span', null, timeEl(p.closedAt), p.closedBy ? h('span', {class: 'small muted', title: p.closedBy}, h('br'), `by ${p.closedBy.length > 13 ? `${p.closedBy.slice(0, 8)}…` : p.closedBy}`) : null,
      p.closeNote ? h('span', {class: 'small'}, h('br'), p.closeNote) : null) : '—'},
    can('PRIVACY_OFFICER') ? {label: 'Actions', render: p => ['CONFIRMED', 'WAIVED'].includes(p.state) ? '—' : h('div', {class: 'b-row-actions'},
      actionButton('Confirm', () => close(p, 'confirm'), {testid: 'prop-confirm'}),
      actionButton('Waive', () => close(p, 'waive'), {kind: 'danger', testid: 'prop-waive'}))} : null,
  ].filter(Boolean), c => api('GET', '/api/v1/sharing/propagations' + qs({...filters, limit: 50, cursor: c})),
  {testid: 'propagations-table', rowTestid: () => 'propagation-row', rowClass: p => p.overdue ? 'row-overdue' : null,
    empty: 'No propagation task matches.', caption: 'Oldest first'});
  const form = h('form', {class: 'inline', id: 'propagation-filters', 'data-testid': 'propagation-filters', role: 'search',
    on: {submit: e => {
      e.preventDefault();
      filters = {state: state.value, connector: connector.value, recipient: recipient.value, overdue: overdue.checked ? 'true' : ''};
      list.reload();
    }}},
  stateF, connF, recF,
  h('div', {class: 'field field-check'}, overdue, h('label', {for: 'prop-overdue'}, 'Overdue only')),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', 'data-testid': 'prop-apply'}, 'Apply filters')));
  root.append(h('section', {class: 'panel', 'data-testid': 'propagations'}, h('h2', null, 'Propagation tasks'),
    h('p', {class: 'muted'}, 'Each recipient of a subject’s data is told of its erasure, rectification or restriction (GDPR Art. 19). Webhook and OpenDSR tasks close on the recipient’s signed answer; manual ones are confirmed here.'),
    h('div', {class: 'b-filters'}, form), list));
}
