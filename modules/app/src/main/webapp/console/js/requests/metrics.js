// CCPA §7102(a) metrics of one calendar year, as a table and as the server's CSV.

import {api, download, qs} from '../api.js';
import {actionButton, clear, formView, h, pageTitle, problemView, table, toast} from '../ui.js';
import {TYPE_LABELS, serverToday} from './common.js';

export const METRICS_READERS = ['PRIVACY_OFFICER', 'ADMIN', 'AUDITOR'];

const num = v => v === null || v === undefined ? '—' : String(v);
const days = v => v === null || v === undefined ? '—' : (Math.round(v * 10) / 10).toFixed(1);

export async function renderMetrics(main) {
  main.append(pageTitle('Request metrics (CCPA §7102)'),
    h('p', null, h('a', {href: '#/requests'}, '← Back to the queue')),
    h('p', {class: 'muted'}, 'Requests received, complied with in whole or in part, and denied, with the median and mean number of days to respond, per type, for one calendar year.'));
  const thisYear = Number((await serverToday()).slice(0, 4));
  const out = h('div', {'aria-live': 'polite', id: 'metrics-result'});
  let year = thisYear;
  const form = formView([
    {name: 'year', id: 'metrics-year', label: 'Year', type: 'number', value: thisYear, min: 2000, max: 2100, required: true},
  ], async v => { year = v.year; await show(); }, {submitLabel: 'Show', id: 'metrics-form', testid: 'metrics-form'});
  form.classList.add('inline');
  main.append(form, out);

  async function show() {
    let m;
    try {
      m = await api('GET', `/api/v1/requests/metrics${qs({year, format: 'json'})}`);
    } catch (e) {
      clear(out, problemView(e));
      return;
    }
    const rows = m.types || [];
    const total = k => rows.reduce((a, r) => a + (r[k] || 0), 0);
    clear(out,
      h('h2', null, `${m.year}`),
      table([
        {label: 'Type', rowHeader: true, render: r => TYPE_LABELS[r.type] || r.type},
        {label: 'Received', class: 'num', render: r => num(r.received)},
        {label: 'Complied in whole', class: 'num', render: r => num(r.compliedInWhole)},
        {label: 'Complied in part', class: 'num', render: r => num(r.compliedInPart)},
        {label: 'Denied', class: 'num', render: r => num(r.denied)},
        {label: 'Median days to respond', class: 'num', render: r => days(r.medianDays)},
        {label: 'Mean days to respond', class: 'num', render: r => days(r.meanDays)},
      ], rows, {testid: 'metrics-table', caption: `Requests of ${m.year}: ${total('received')} received, ${total('denied')} denied`}),
      h('div', {class: 'actions'}, actionButton('Download CSV', async () => {
        await download(`/api/v1/requests/metrics${qs({year: m.year, format: 'csv'})}`, `steward-ccpa-metrics-${m.year}.csv`, {accept: 'text/csv'});
        toast('The CSV is downloading.');
      }, {testid: 'metrics-csv', id: 'metrics-csv'})));
  }
  await show();
}
