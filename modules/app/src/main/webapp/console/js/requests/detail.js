// One request: its details, subjects, tasks (per module and per recipient), timeline and the officer's actions.

import {api, fetchAll, session} from '../api.js';
import {actionButton, badge, clear, dl, h, humanize, onLeave, pageTitle, panel, problemView, progress,
  table, timeEl, toast} from '../ui.js';
import {tenantName} from '../tenants.js';
import {TYPE_LABELS, dueCell, isOpen, serverToday, stateBadge, taskBadge} from './common.js';
import {actionsPanel} from './actions.js';

const OPEN_TASK = t => t.state !== 'DONE' && t.state !== 'SKIPPED';
const SUBJECT_READERS = ['PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR'];
const PROPAGATION_READERS = ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'];

export async function renderDetail(main, id) {
  const today = await serverToday();
  let r = await api('GET', `/api/v1/requests/${encodeURIComponent(id)}`);
  const head = h('div');
  const body = h('div');
  main.append(head, body);

  const tasksBox = h('div', {'data-testid': 'tasks'});
  const prog = progress('Fulfilment');
  prog.hidden = true;
  let stopPolling = null;

  function drawHead() {
    clear(head,
      pageTitle(`${TYPE_LABELS[r.type] || r.type} request`, withState(stateBadge(r.state), r.state)),
      h('p', null, h('a', {href: '#/requests'}, '← Back to the queue')));
  }

  function drawTasks() {
    const tasks = r.tasks || [];
    const open = tasks.filter(OPEN_TASK).length;
    if (r.state === 'IN_PROGRESS' && tasks.length) {
      prog.hidden = false;
      prog.update(tasks.length - open, tasks.length, open ? `${tasks.length - open} of ${tasks.length} tasks done` : 'All tasks done');
    } else {
      prog.hidden = true;
    }
    clear(tasksBox, table([
      {label: 'Module', key: 'module'},
      {label: 'Action', render: t => humanize(t.action)},
      {label: 'Holder', render: t => h('span', {class: 'mono'}, t.holder)},
      {label: 'State', render: t => taskBadge(t.state)},
      {label: 'Attempts', class: 'num', render: t => String(t.attempts ?? 0)},
      {label: 'Last error / waiting for', render: t => t.lastError ? h('span', {class: 'small'}, t.lastError) : null},
      {label: 'Next attempt', render: t => OPEN_TASK(t) && t.nextAttemptAt ? timeEl(t.nextAttemptAt) : null},
      {label: 'Done', render: t => t.doneAt ? timeEl(t.doneAt) : null},
      {label: 'Retry', render: t => session.has('PRIVACY_OFFICER') && (t.state === 'FAILING' || t.state === 'WAITING') && isOpen(r)
        ? actionButton('Retry', async () => {
          await api('POST', `/api/v1/requests/${r.id}/tasks/${t.id}/retry`);
          toast(`The ${t.module} task runs again.`);
          await reload();
          startPolling();
        }, {testid: `retry-${t.id}`}) : null},
    ], tasks, {testid: 'tasks-table', rowTestid: t => `task-${t.id}`,
      empty: r.state === 'VERIFIED' || r.state === 'RECEIVED' || r.state === 'VERIFYING' ? 'No task yet: the tasks start when the request is approved.' : 'No task.'}));
  }

  async function reload() {
    r = await api('GET', `/api/v1/requests/${encodeURIComponent(r.id)}`);
    drawAll();
  }

  // While the modules work, the request is read every 2 s until its tasks are done; a task that only waits for
  // recipients to confirm (days, not seconds) is read every 15 s.
  let recipientsPanel = null;
  let timelinePanel = null;
  const signature = () => JSON.stringify((r.tasks || []).map(t => [t.id, t.state, t.lastError, t.attempts]));
  function startPolling() {
    if (stopPolling || !(r.state === 'IN_PROGRESS' && (r.tasks || []).some(OPEN_TASK))) return;
    let timer = null;
    let stopped = false;
    stopPolling = () => { stopped = true; clearTimeout(timer); };
    onLeave(() => stopPolling && stopPolling());
    const tick = async () => {
      if (stopped) return;
      try {
        const before = signature();
        r = await api('GET', `/api/v1/requests/${encodeURIComponent(r.id)}`);
        if (stopped) return;
        drawTasks();
        const done = !(r.tasks || []).some(OPEN_TASK) || r.state !== 'IN_PROGRESS';
        if (done) {
          stopPolling = null;
          prog.done(r.state === 'COMPLETED' ? 'Completed' : 'All tasks done');
          toast(r.state === 'COMPLETED' ? 'The request is completed.' : 'Every task is done.');
          drawAll();
          return;
        }
        if (signature() !== before) { recipientsPanel?.refresh(); timelinePanel?.refresh(); }
        const onlyWaiting = (r.tasks || []).filter(OPEN_TASK).every(t => t.state === 'WAITING');
        timer = setTimeout(tick, onlyWaiting ? 15000 : 2000);
      } catch (e) {
        stopPolling = null;
        tasksBox.prepend(problemView(e));
      }
    };
    timer = setTimeout(tick, 2000);
  }

  function drawAll() {
    drawHead();
    drawTasks();
    clear(body,
      h('div', {class: 'panels'},
        h('section', {class: 'panel', 'data-testid': 'request-details'}, h('h2', null, 'Details'), detailsList(r, today)),
        actionsPanel(r, {reload: async () => { await reload(); startPolling(); }})),
      h('section', {class: 'panel wide', 'data-testid': 'request-subjects'}, h('h2', null, 'Subjects'), subjectsTable(r)),
      h('section', {class: 'panel wide'}, h('h2', null, 'Tasks'), prog, tasksBox),
      recipientsPanel = r.type === 'ERASURE' && session.has(...PROPAGATION_READERS)
        ? panel('Recipients to tell', () => recipients(r), {testid: 'request-recipients'}) : null,
      timelinePanel = panel('Timeline', () => timeline(r), {testid: 'request-timeline'}));
    body.querySelectorAll(':scope > .panel').forEach(p => p.classList.add('wide'));
  }

  drawAll();
  startPolling();
}

function detailsList(r, today) {
  const d = r.details || {};
  return dl([
    ['Request id', h('code', {'data-testid': 'request-id'}, r.id)],
    ['Law', r.jurisdiction],
    ['State', stateBadge(r.state)],
    r.outcome ? ['Outcome', humanize(r.outcome)] : null,
    ['Received', timeEl(r.receivedAt)],
    ['Due', dueCell(r, today)],
    r.originalDueOn && r.originalDueOn !== r.dueOn ? ['Originally due', timeEl(r.originalDueOn, false)] : null,
    r.maxDueOn ? ['Latest possible due date', timeEl(r.maxDueOn, false)] : null,
    r.extendedAt ? ['Extended', [timeEl(r.extendedAt), r.extensionReason ? ` — ${r.extensionReason}` : '']] : null,
    ['Acknowledge by', r.acknowledgedAt ? ['acknowledged ', timeEl(r.acknowledgedAt)] : r.acknowledgeBy ? timeEl(r.acknowledgeBy, false) : null],
    ['Filed by', humanize(r.filedBy)],
    ['Channel', [humanize(r.channel), r.channelReference ? ` (${r.channelReference})` : '']],
    ['Identifier', r.identifier ? `${r.identifier}${r.identifierKind ? ` (${humanize(r.identifierKind)})` : ''}` : null],
    r.contactEmail && r.contactEmail !== r.identifier ? ['Contact email', r.contactEmail] : null,
    ['Identity', [humanize(r.verification), r.identityCheck ? ` — ${r.identityCheck}` : '', r.verifiedAt ? ', ' : '', r.verifiedAt ? timeEl(r.verifiedAt) : '']],
    r.agent ? ['Authorized agent', `${r.agent.name || ''} ${r.agent.email ? `<${r.agent.email}>` : ''} ${r.agent.permissionReference ? `· permission ${r.agent.permissionReference}` : ''}`] : null,
    d.complaint ? ['Complaint', h('span', {class: 'prewrap'}, d.complaint)] : null,
    d.corrections && Object.keys(d.corrections).length ? ['Corrections', h('ul', {class: 'plain'}, Object.entries(d.corrections).map(([k, v]) => h('li', null, h('code', null, k), ` → ${v}`)))] : null,
    d.purposes ? ['Purposes', d.purposes.length ? d.purposes.join(', ') : 'all'] : null,
    d.scope ? ['Scope', humanize(d.scope)] : null,
    d.lift !== undefined && d.lift !== null ? ['Lift the restriction', d.lift ? 'yes' : 'no'] : null,
    d.response ? ['Answer', h('span', {class: 'prewrap'}, d.response)] : null,
    r.approvedAt ? ['Approved', timeEl(r.approvedAt)] : null,
    r.closedAt ? ['Closed', timeEl(r.closedAt)] : null,
    r.denialBasis ? ['Denied on', humanize(r.denialBasis)] : null,
    r.denialText ? ['Words to the subject', h('span', {class: 'prewrap'}, r.denialText)] : null,
  ], {testid: 'request-details-list'});
}

function subjectsTable(r) {
  const canOpen = session.has(...SUBJECT_READERS);
  return table([
    {label: 'Tenant', render: s => {
      const span = h('span', null, s.tenantId);
      tenantName(s.tenantId).then(n => { span.textContent = n; });
      return span;
    }},
    {label: 'Subject', render: s => String(s.subjectId).startsWith('erased:') ? 'Erased'
      : canOpen ? h('a', {href: `#/subjects/${s.tenantId}/${s.subjectId}`, 'data-testid': 'subject-link'}, 'Open the profile')
      : h('code', null, s.subjectId)},
    {label: 'Subject id', render: s => h('code', {class: 'small'}, s.subjectId)},
  ], r.subjects || [], {testid: 'subjects-table',
    empty: 'No subject is named: none was found for the identifier (yet), or it is not verified.'});
}

async function recipients(r) {
  const refs = new Set((r.tasks || []).map(t => t.resultRef).filter(Boolean));
  const subjects = new Set((r.subjects || []).map(s => s.subjectId));
  // The propagation list cannot be filtered by cause: read it and keep this request's.
  const {items, truncated} = await fetchAll('/api/v1/sharing/propagations', {}, {maxPages: 10});
  const mine = items.filter(p => refs.has(p.causeRef) || (p.kind === 'ERASURE' && p.subjectId && subjects.has(p.subjectId)));
  return [
    table([
      {label: 'Recipient', key: 'recipientName'},
      {label: 'Kind', render: p => humanize(p.kind)},
      {label: 'Connector', render: p => humanize(p.connector)},
      {label: 'State', render: p => badge(humanize(p.state), {CONFIRMED: 'ok', WAIVED: 'neutral', FAILING: 'danger', SENT: 'info', PENDING: 'info'}[p.state])},
      {label: 'Due', render: p => [timeEl(p.dueAt), p.overdue ? ' ' : '', p.overdue ? badge('Overdue', 'danger') : '']},
      {label: 'Attempts', class: 'num', render: p => String(p.attempts)},
      {label: 'Last error', render: p => p.lastError ? h('span', {class: 'small'}, p.lastError) : null},
      {label: 'Closed', render: p => p.closedAt ? [timeEl(p.closedAt), p.closeNote ? ` — ${p.closeNote}` : ''] : null},
    ], mine, {testid: 'recipients-table', empty: 'No recipient has to be told (yet).'}),
    truncated ? h('p', {class: 'muted small'}, 'Only the first pages of propagation tasks were searched.') : null,
    session.has('PRIVACY_OFFICER', 'ADMIN', 'AUDITOR') ? h('p', {class: 'small'}, h('a', {href: '#/sharing'}, 'Confirm or waive them in Sharing')) : null,
  ];
}

async function timeline(r) {
  const entries = await api('GET', `/api/v1/requests/${encodeURIComponent(r.id)}/timeline`);
  return table([
    {label: 'When', render: e => timeEl(e.occurredAt)},
    {label: 'What', render: e => humanize(e.kind)},
    {label: 'State', render: e => e.state ? stateBadge(e.state) : null},
    {label: 'Detail', render: e => e.detail ? h('span', {class: 'small'}, e.detail) : null},
    {label: 'By', render: e => e.actor ? h('code', {class: 'small'}, e.actor) : null},
  ], entries || [], {testid: 'timeline-table', empty: 'No event yet.'});
}

// The state's code for tests and scripts, beside the badge's words.
function withState(badgeEl, state) {
  badgeEl.dataset.testid = 'request-state';
  badgeEl.dataset.state = state;
  return badgeEl;
}
