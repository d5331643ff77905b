// The request queue: filters (state, type, overdue), newest first, more pages on demand.

import {api, qs, session} from '../api.js';
import {clear, fmtDateTime, formView, h, humanize, pageTitle, problemView, table, timeEl, toast} from '../ui.js';
import {STATES, TYPES, TYPE_LABELS, dueCell, isOpen, requestLink, serverToday, stateBadge, daysBetween} from './common.js';
import {METRICS_READERS} from './metrics.js';
import {FILERS} from './file.js';

// The filters survive a visit to a request and back (memory only: they are not personal data, but URLs carry ids only).
const filters = {state: '', type: '', overdue: false};
const PAGE_SIZE = 50;

export async function renderQueue(main) {
  const links = h('div', {class: 'toolbar'},
    session.has(...FILERS) ? h('a', {href: '#/requests/new', class: 'button', 'data-testid': 'file-request-link'}, 'File a request on a subject’s behalf') : null,
    session.has(...METRICS_READERS) ? h('a', {href: '#/requests/metrics', class: 'button', 'data-testid': 'metrics-link'}, 'CCPA metrics') : null);
  main.append(pageTitle('Requests', links));

  const form = formView([
    {name: 'state', id: 'filter-state', label: 'State', type: 'select', value: filters.state,
      options: [{value: '', label: 'Any state'}, ...STATES.map(s => ({value: s, label: humanize(s)}))]},
    {name: 'type', id: 'filter-type', label: 'Type', type: 'select', value: filters.type,
      options: [{value: '', label: 'Any type'}, ...TYPES.map(t => ({value: t, label: TYPE_LABELS[t]}))]},
    {name: 'overdue', id: 'filter-overdue', label: 'Overdue only', type: 'checkbox', value: filters.overdue},
  ], async v => {
    Object.assign(filters, {state: v.state || '', type: v.type || '', overdue: v.overdue});
    await load(true);
  }, {submitLabel: 'Apply filters', id: 'request-filters', testid: 'request-filters'});
  form.classList.add('inline');
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Filter the requests');

  const results = h('div', {id: 'request-results', 'aria-live': 'polite'});
  const more = h('div', {class: 'actions'});
  main.append(form, results, more);

  let cursor = null;
  let rows = [];
  const today = await serverToday();

  async function load(reset) {
    if (reset) { cursor = null; rows = []; }
    const params = {state: filters.state, type: filters.type, overdue: filters.overdue ? 'true' : '', limit: PAGE_SIZE, cursor};
    let res;
    try {
      res = await api('GET', `/api/v1/requests${qs(params)}`);
    } catch (e) {
      clear(results, problemView(e));
      more.replaceChildren();
      return;
    }
    rows = rows.concat(res.items || []);
    cursor = res.nextCursor || null;
    clear(results,
      h('p', {class: 'muted', 'data-testid': 'request-count'}, `${rows.length} request${rows.length === 1 ? '' : 's'} shown${cursor ? ', more available' : ''}.`),
      table([
        {label: 'Request', render: r => requestLink(r.id, TYPE_LABELS[r.type] || r.type)},
        {label: 'Law', key: 'jurisdiction'},
        {label: 'State', render: r => stateBadge(r.state)},
        {label: 'Due', render: r => dueCell(r, today)},
        {label: 'Received', render: r => timeEl(r.receivedAt)},
        {label: 'Identifier', render: r => r.identifier ? h('span', {class: 'small'}, r.identifier) : null},
        {label: 'Channel', render: r => [humanize(r.channel), r.channelReference ? ` (${r.channelReference})` : ''].join('')},
        {label: 'Filed by', render: r => humanize(r.filedBy)},
      ], rows, {testid: 'requests-table', empty: 'No request matches these filters.',
        rowTestid: r => `request-row-${r.id}`,
        rowClass: r => isOpen(r) && r.dueOn && daysBetween(today, r.dueOn) < 0 ? 'row-overdue' : null}));
    more.replaceChildren(cursor ? h('button', {type: 'button', id: 'requests-more', 'data-testid': 'requests-more',
      on: {click: async ev => {
        ev.target.disabled = true;
        const first = rows.length;
        await load(false);
        toast(`${rows.length} requests shown.`);
        // Keep the keyboard where the reading goes on: the first of the rows just added.
        results.querySelectorAll('[data-testid=requests-table] tbody tr')[first]?.querySelector('a')?.focus();
      }}}, 'Show more') : '');
  }
  await load(true);
}
