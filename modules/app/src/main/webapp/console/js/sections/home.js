// Overview: what needs attention now, each panel shown only to roles that may read it.

import {api, fetchAll, qs, session} from '../api.js';
import {actionButton, badge, dl, fmtDate, fmtDateTime, h, humanize, onLeave, pageTitle, panel, table, timeEl, toast} from '../ui.js';
import {BUCKETS, OPEN_STATES, READERS, TYPE_LABELS, bucketOf, daysBetween, dueCell, localToday, requestLink,
  setServerToday, stateBadge} from '../requests/common.js';
import {weeklyChart} from '../requests/chart.js';

const SWEEP_READERS = ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'];
const AUDIT_READERS = ['ADMIN', 'AUDITOR'];

export const section = {
  route: 'home',
  title: 'Overview',
  roles: ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR', 'SUPPORT_AGENT'],
  async render(main) {
    main.append(pageTitle('Overview'));
    const grid = h('div', {class: 'panels'});
    main.append(grid);
    // The watchdog also tells the server's calendar day, which the due-date buckets are counted from.
    const watchdog = session.has(...READERS) ? api('GET', '/api/v1/requests/watchdog') : null;
    const today = watchdog ? watchdog.then(w => { setServerToday(w.today); return w.today; }).catch(() => localToday()) : Promise.resolve(localToday());
    if (session.has(...READERS)) {
      grid.append(panel('Open requests', () => openRequests(today), {testid: 'panel-open-requests'}));
      grid.append(panel('Next licence expiries', () => licences(today), {testid: 'panel-licences'}));
      grid.append(wide(panel('Requests per week', () => weekly(today), {testid: 'panel-weekly'})));
      grid.append(wide(panel('Watchdog', () => watchdogView(watchdog), {testid: 'panel-watchdog'})));
    }
    if (session.has(...SWEEP_READERS)) grid.append(wide(panel('Recent retention sweeps', sweeps, {testid: 'panel-sweeps'})));
    if (session.has(...AUDIT_READERS)) grid.append(auditPanel());
  },
};

function wide(el) { el.classList.add('wide'); return el; }

async function openByState() {
  const lists = await Promise.all(OPEN_STATES.map(state => fetchAll('/api/v1/requests', {state})));
  return {items: lists.flatMap(l => l.items), truncated: lists.some(l => l.truncated)};
}

async function openRequests(todayP) {
  const [{items, truncated}, today] = await Promise.all([openByState(), todayP]);
  const byBucket = Object.fromEntries(BUCKETS.map(b => [b.key, 0]));
  items.filter(r => r.dueOn).forEach(r => { byBucket[bucketOf(r, today)]++; });
  const byState = Object.fromEntries(OPEN_STATES.map(s => [s, items.filter(r => r.state === s).length]));
  const overdue = items.filter(r => r.dueOn && daysBetween(today, r.dueOn) < 0)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return [
    h('p', null, h('strong', {'data-testid': 'open-total'}, String(items.length)), ` open request${items.length === 1 ? '' : 's'}`,
      truncated ? ' (more than could be counted here)' : '', `, counted on ${fmtDate(today)}.`),
    h('h3', null, 'By days to the due date'),
    h('ul', {class: 'stats', 'data-testid': 'open-by-due'}, BUCKETS.map(b =>
      h('li', {class: ['stat', b.kind && byBucket[b.key] > 0 ? `stat-${b.kind}` : ''], 'data-bucket': b.key},
        h('span', {class: 'n'}, String(byBucket[b.key])), h('span', {class: 'l'}, b.label)))),
    h('h3', null, 'By state'),
    h('ul', {class: 'stats', 'data-testid': 'open-by-state'}, OPEN_STATES.map(s =>
      h('li', {class: 'stat', 'data-state': s}, h('span', {class: 'n'}, String(byState[s])), h('span', {class: 'l'}, humanize(s))))),
    overdue.length ? h('h3', null, 'Overdue') : null,
    overdue.length ? table([
      {label: 'Request', render: r => requestLink(r.id, TYPE_LABELS[r.type] || r.type)},
      {label: 'Law', key: 'jurisdiction'},
      {label: 'State', render: r => stateBadge(r.state)},
      {label: 'Due', render: r => dueCell(r, today)},
    ], overdue.slice(0, 10), {testid: 'overdue-table', rowClass: () => 'row-overdue'}) : null,
    h('p', null, h('a', {href: '#/requests'}, 'Open the request queue')),
  ];
}

// Monday of the week of an ISO date-time, as a YYYY-MM-DD string (UTC).
function weekStart(iso) {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}

async function weekly(todayP) {
  const today = await todayP;
  const weeks = [];
  let w = weekStart(`${today}T12:00:00Z`);
  for (let i = 0; i < 12; i++) {
    weeks.unshift(w);
    const d = new Date(`${w}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7);
    w = d.toISOString().slice(0, 10);
  }
  // Requests completed in these weeks were received at most a deadline (plus extension) before: ~100 days more.
  const cutoff = new Date(`${weeks[0]}T00:00:00Z`);
  cutoff.setUTCDate(cutoff.getUTCDate() - 100);
  const {items, truncated} = await fetchAll('/api/v1/requests', {}, {maxPages: 50, until: r => new Date(r.receivedAt) < cutoff});
  const received = weeks.map(() => 0);
  const completed = weeks.map(() => 0);
  for (const r of items) {
    const ri = weeks.indexOf(weekStart(r.receivedAt));
    if (ri >= 0) received[ri]++;
    if (r.state === 'COMPLETED' && r.closedAt) {
      const ci = weeks.indexOf(weekStart(r.closedAt));
      if (ci >= 0) completed[ci]++;
    }
  }
  const chart = weeklyChart(weeks, [
    {label: 'Received', values: received, color: '#0b5cad'},
    {label: 'Completed', values: completed, color: '#116329', dash: [6, 4]},
  ]);
  onLeave(chart.destroy);
  return [
    chart.el,
    truncated ? h('p', {class: 'notice warn'}, 'Only the most recent requests were counted.') : null,
    h('details', null, h('summary', null, 'The numbers'),
      table([
        {label: 'Week of', rowHeader: true, render: r => fmtDate(r.week)},
        {label: 'Received', class: 'num', render: r => String(r.received)},
        {label: 'Completed', class: 'num', render: r => String(r.completed)},
      ], weeks.map((week, i) => ({week, received: received[i], completed: completed[i]})), {testid: 'weekly-table'})),
  ];
}

const WATCH_GROUPS = [
  ['overdue', 'Overdue', 'danger'],
  ['dueSoon', 'Due soon', 'warn'],
  ['acknowledgementDue', 'Acknowledgement due', 'warn'],
  ['stuck', 'Stuck', 'warn'],
  ['failing', 'Failing task', 'danger'],
  ['recipientOverdue', 'Recipient late to confirm', 'danger'],
];

async function watchdogView(watchdogP) {
  const w = await watchdogP;
  const rows = WATCH_GROUPS.flatMap(([key, label, kind]) => (w[key] || []).map(it => ({...it, group: label, kind})));
  const recipients = w.overdueRecipients || [];
  return [
    h('p', {class: 'muted'}, `As of ${fmtDate(w.today)}; "due soon" means within ${w.dueWithinDays} days.`),
    table([
      {label: 'Why', render: r => badge(r.group, r.kind)},
      {label: 'Request', render: r => requestLink(r.requestId, TYPE_LABELS[r.type] || r.type)},
      {label: 'Law', key: 'jurisdiction'},
      {label: 'State', render: r => stateBadge(r.state)},
      {label: 'Due', render: r => r.dueOn ? timeEl(r.dueOn, false) : null},
      {label: 'Acknowledge by', render: r => r.acknowledgeBy ? timeEl(r.acknowledgeBy, false) : null},
      {label: 'Task', render: r => r.taskId ? `${r.module} · ${humanize(r.action)} · ${humanize(r.taskState)}` : null},
      {label: 'Last error', render: r => r.lastError ? h('span', {class: 'small'}, r.lastError) : null},
    ], rows, {testid: 'watchdog-table', empty: 'Nothing needs attention.'}),
    recipients.length ? h('h3', null, 'Recipients past their due date') : null,
    recipients.length ? table([
      {label: 'Recipient', key: 'recipient'},
      {label: 'Kind', render: r => humanize(r.kind)},
      {label: 'Connector', key: 'connector'},
      {label: 'Cause', render: r => h('code', null, r.causeRef)},
      {label: 'Due', render: r => badge(`Overdue since ${fmtDateTime(r.dueAt)}`, 'danger')},
    ], recipients, {testid: 'watchdog-recipients'}) : null,
  ];
}

async function licences(todayP) {
  const [{items}, today] = await Promise.all([fetchAll('/api/v1/tenants'), todayP]);
  const next = items.filter(t => t.licence && t.licence.status === 'ACTIVE')
    .sort((a, b) => a.licence.expiresOn.localeCompare(b.licence.expiresOn)).slice(0, 5);
  return table([
    {label: 'Tenant', rowHeader: true, key: 'name'},
    {label: 'Licence', render: t => h('code', null, t.licence.key)},
    {label: 'Expires', render: t => {
      const d = daysBetween(today, t.licence.expiresOn);
      return h('span', null, timeEl(t.licence.expiresOn, false), ' ',
        d < 0 ? badge('Past its date', 'danger') : d <= 30 ? badge(`In ${d} day${d === 1 ? '' : 's'}`, 'warn')
          : h('span', {class: 'muted small'}, `(in ${d} days)`));
    }},
    {label: 'Hosting', render: t => humanize(t.hostingMode)},
  ], next, {testid: 'licences-table', empty: 'No active licence.'});
}

async function sweeps() {
  const res = await api('GET', `/api/v1/retention/sweeps${qs({limit: 8})}`);
  return [
    table([
      {label: 'Started', render: s => timeEl(s.startedAt)},
      {label: 'Outcome', render: s => badge(humanize(s.outcome), s.outcome === 'COMPLETED' ? 'ok' : 'danger')},
      {label: 'Due', class: 'num', render: s => String(s.due)},
      {label: 'Subjects', class: 'num', render: s => String(s.subjectsErased)},
      {label: 'Tenants', class: 'num', render: s => String(s.tenantsErased)},
      {label: 'Records', class: 'num', render: s => String(s.recordsErased)},
      {label: 'Took', class: 'num', render: s => `${Math.round(s.durationMs)} ms`},
    ], res.items || [], {testid: 'sweeps-table', empty: 'No sweep has erased anything yet (runs with nothing due are not listed).'}),
  ];
}

// The server records every run of "verify chain" (outside the chain itself), newest first.
async function lastRecordedVerification() {
  const runs = await api('GET', '/api/v1/audit/verifications?limit=1');
  return runs.length ? runs[0] : null;
}

let lastResult = null; // this tab's own latest "Verify now" answer, kept in memory only

function auditPanel() {
  const p = panel('Audit chain', async () => {
    const last = await lastRecordedVerification();
    const parts = [];
    parts.push(last
      ? dl([
        ['Last verified', timeEl(last.verifiedAt)],
        ['Result', last.valid ? badge('Intact', 'ok') : badge(`Broken at entry #${last.firstBroken?.seq}`, 'danger')],
        ['Entries checked', String(last.checked)],
        ['By', h('code', null, last.actor)],
      ], {testid: 'audit-last'})
      : h('p', {'data-testid': 'audit-last'}, 'The audit log records no verification of the chain yet.'));
    if (lastResult) parts.push(verificationView(lastResult));
    parts.push(h('div', {class: 'actions'}, actionButton('Verify now', async () => {
      const res = await api('POST', '/api/v1/audit/verify');
      lastResult = {...res, at: new Date().toISOString()};
      toast(res.valid ? `Audit chain intact: ${res.checked} entries checked.` : `Audit chain BROKEN at entry ${res.firstBroken?.seq}.`,
        res.valid ? 'info' : 'danger');
      p.refresh();
    }, {kind: 'primary', testid: 'audit-verify', id: 'audit-verify'})));
    return parts;
  }, {testid: 'panel-audit'});
  return p;
}

function verificationView(v) {
  return h('div', {class: v.valid ? 'notice' : 'problem', 'data-testid': 'audit-verify-result', role: 'status'},
    h('p', null, h('strong', null, v.valid ? 'Intact.' : 'Broken.'), ` Verified just now (${fmtDateTime(v.at)}): `,
      `${v.checked} entr${v.checked === 1 ? 'y' : 'ies'} checked`,
      v.firstBroken ? `; the first broken entry is #${v.firstBroken.seq}: ${v.firstBroken.reason}` : '', '.'));
}
