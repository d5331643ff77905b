// A subject's profile: identity, records, consents, disclosures, requests, erasures, restriction and actions.

import {api, fetchAll, session} from '../api.js';
import {badge, dl, h, humanize, pageTitle, panel, table, timeEl} from '../ui.js';
import {getTenant} from '../tenants.js';
import {TYPE_LABELS, requestLink, stateBadge} from '../requests/common.js';
import {consentsPanel} from './consents.js';
import {subjectActions} from './actions.js';

const PO = 'PRIVACY_OFFICER';
const ALL_READERS = ['PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR'];
const FULL_READERS = ['PRIVACY_OFFICER', 'AUDITOR'];
const RECORD_LISTS = [
  {path: 'contacts', title: 'Contacts', roles: ALL_READERS, columns: [
    {label: 'Name', key: 'name'}, {label: 'Email', key: 'email'}, {label: 'Username', key: 'username'},
    {label: 'Message', render: r => r.message ? h('span', {class: 'prewrap small'}, r.message) : null},
    {label: 'Obtained', render: r => timeEl(r.obtainedAt)}]},
  {path: 'feedback', title: 'Feedback', roles: ALL_READERS, columns: [
    {label: 'Name', key: 'name'}, {label: 'Email', key: 'email'},
    {label: 'Text', render: r => r.text ? h('span', {class: 'prewrap small'}, r.text) : null},
    {label: 'Obtained', render: r => timeEl(r.obtainedAt)}]},
  {path: 'connections', title: 'Connections', roles: FULL_READERS, columns: [
    {label: 'Site', key: 'siteUrl'}, {label: 'User email', key: 'userEmail'},
    {label: 'Token stored', render: r => r.hasToken ? 'yes (write-only)' : 'no'},
    {label: 'Obtained', render: r => timeEl(r.obtainedAt)}]},
  {path: 'sync-profiles', title: 'Sync profiles', roles: FULL_READERS, columns: [
    {label: 'Name', key: 'name'},
    {label: 'Issue types', render: r => (r.issueTypes || []).join(', ')},
    {label: 'Status mappings', render: r => mapList(r.statusMappings)},
    {label: 'Field values', render: r => mapList(r.fieldValues)},
    {label: 'User email mappings', render: r => mapList(r.userEmailMappings)},
    {label: 'Obtained', render: r => timeEl(r.obtainedAt)}]},
  {path: 'drip-activity', title: 'Drip activity', roles: ALL_READERS, columns: [
    {label: 'Sequence', key: 'sequence'}, {label: 'Step', class: 'num', render: r => r.step ?? null},
    {label: 'Event', render: r => humanize(r.event)}, {label: 'When', render: r => timeEl(r.obtainedAt)}]},
];

function mapList(m) {
  const entries = Object.entries(m || {});
  return entries.length ? h('ul', {class: 'plain small'}, entries.map(([k, v]) => h('li', null, `${k} → ${v}`))) : null;
}

export async function renderProfile(main, tenantId, subjectId) {
  const base = `/api/v1/tenants/${encodeURIComponent(tenantId)}/subjects/${encodeURIComponent(subjectId)}`;
  const [subject, tenant] = await Promise.all([api('GET', base), getTenant(tenantId).catch(() => null)]);
  const restrictionP = api('GET', `${base}/restriction`);
  restrictionP.catch(() => {}); // shown by its panel

  const heading = subject.displayName || subject.email || subject.username || subject.accountId || 'Subject';
  const flags = h('span', {class: 'toolbar'},
    subject.minor ? badge('Minor', 'warn') : null,
    subject.profileStaleSince ? badge('Profile stale', 'warn') : null);
  main.append(pageTitle(heading, flags),
    h('p', null, h('a', {href: '#/subjects'}, '← Find another subject')));

  const ctx = {tenantId, subjectId, base, subject, reload: () => { window.dispatchEvent(new HashChangeEvent('hashchange')); }};
  const grid = h('div', {class: 'panels'});
  main.append(grid);
  grid.append(
    h('section', {class: 'panel', 'data-testid': 'subject-details'}, h('h2', null, 'Identity'),
      !subject.email && !subject.username && !subject.accountId && !subject.displayName
        ? h('p', {class: 'muted small', 'data-testid': 'values-withheld'}, 'The server withholds the personal data values from your role: ids, dates and states only.') : null,
      dl([
      ['Subject id', h('code', {'data-testid': 'subject-id'}, subject.id)],
      ['Tenant', tenant ? tenant.name : h('code', null, subject.tenantId)],
      ['Display name', subject.displayName],
      ['Email', subject.email],
      ['Username', subject.username],
      ['Atlassian accountId', subject.accountId],
      ['Minor', subject.minor ? badge('Yes: flagged as a minor', 'warn') : 'no'],
      ['Registered', timeEl(subject.createdAt)],
      ['Updated', timeEl(subject.updatedAt)],
      ['Profile retrieved', timeEl(subject.profileRetrievedAt)],
      subject.profileStaleSince ? ['Stale since', timeEl(subject.profileStaleSince)] : null,
    ])),
    panel('Processing restriction', async () => restrictionView(await restrictionP), {testid: 'subject-restriction'}),
  );
  if (session.has(PO)) grid.append(subjectActions(ctx, restrictionP));

  for (const list of RECORD_LISTS) {
    if (!session.has(...list.roles)) continue;
    grid.append(panel(list.title, async () => {
      const {items, truncated} = await fetchAll(`${base}/${list.path}`, {}, {maxPages: 5});
      return [table(list.columns, items, {testid: `records-${list.path}`, empty: `No ${list.title.toLowerCase()}.`}),
        truncated ? h('p', {class: 'muted small'}, 'Only the first 1000 are shown.') : null];
    }, {testid: `panel-${list.path}`}));
  }

  grid.append(wide(consentsPanel(ctx)));
  if (session.has(...FULL_READERS)) grid.append(wide(panel('Disclosures', () => disclosures(tenantId, subjectId), {testid: 'subject-disclosures'})));
  grid.append(wide(panel('Requests naming this subject', () => requestsOf(subjectId), {testid: 'subject-requests'})));
  if (session.has(...FULL_READERS)) {
    const erasures = wide(panel('Erasures', () => erasuresOf(subjectId), {testid: 'subject-erasures'}));
    ctx.onErasure = () => erasures.refresh();
    grid.append(erasures);
  }
}

function wide(el) { el.classList.add('wide'); return el; }

function restrictionView(r) {
  return r.restricted
    ? dl([
      ['Status', badge('Restricted: every decision denies', 'danger')],
      ['Since', timeEl(r.restrictedAt)],
      ['Reference', r.requestRef],
      ['Restriction id', h('code', null, r.restrictionId)],
    ], {testid: 'restriction-state'})
    : dl([['Status', badge('Not restricted', 'ok')]], {testid: 'restriction-state'});
}

async function disclosures(tenantId, subjectId) {
  const {items, truncated} = await fetchAll('/api/v1/disclosures', {tenantId, subjectId}, {maxPages: 5});
  return [table([
    {label: 'When', render: d => timeEl(d.occurredAt)},
    {label: 'Recipient', key: 'recipientName'},
    {label: 'Categories', render: d => (d.categories || []).join(', ')},
    {label: 'Purpose', key: 'purpose'},
    {label: 'Basis', render: d => humanize(d.legalBasis)},
    {label: 'Law', key: 'jurisdiction'},
  ], items, {testid: 'disclosures-table', empty: 'No disclosure of this subject’s data is recorded.'}),
  truncated ? h('p', {class: 'muted small'}, 'Only the most recent 1000 are shown.') : null];
}

// The request list cannot be filtered by subject: read the newest pages and keep those naming this subject.
async function requestsOf(subjectId) {
  const {items, truncated} = await fetchAll('/api/v1/requests', {}, {maxPages: 10});
  const mine = items.filter(r => (r.subjects || []).some(s => s.subjectId === subjectId));
  return [table([
    {label: 'Request', render: r => requestLink(r.id, TYPE_LABELS[r.type] || r.type)},
    {label: 'Law', key: 'jurisdiction'},
    {label: 'State', render: r => stateBadge(r.state)},
    {label: 'Received', render: r => timeEl(r.receivedAt)},
    {label: 'Due', render: r => timeEl(r.dueOn, false)},
  ], mine, {testid: 'subject-requests-table', empty: 'No request names this subject.'}),
  truncated ? h('p', {class: 'muted small'}, `Only the newest ${items.length} requests were searched.`) : null];
}

// The erasure list cannot be filtered by subject either.
async function erasuresOf(subjectId) {
  const {items, truncated} = await fetchAll('/api/v1/erasures', {}, {maxPages: 10});
  const mine = items.filter(e => e.subjectId === subjectId);
  return [table([
    {label: 'Created', render: e => timeEl(e.createdAt)},
    {label: 'Trigger', render: e => humanize(e.trigger)},
    {label: 'Status', render: e => badge(humanize(e.status), e.status === 'DONE' ? 'ok' : 'warn')},
    {label: 'Due', render: e => timeEl(e.dueAt)},
    {label: 'Held by', render: e => e.heldBy ? h('code', null, e.heldBy) : null},
    {label: 'Reference', key: 'reference'},
    {label: 'Completed', render: e => e.completedAt ? timeEl(e.completedAt) : null},
  ], mine, {testid: 'subject-erasures-table', empty: 'No erasure of this subject is queued or recorded.'}),
  truncated ? h('p', {class: 'muted small'}, 'Only the first erasures were searched.') : null];
}

