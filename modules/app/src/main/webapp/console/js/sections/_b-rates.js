// #/consent/rates — consent rates per purpose over time, drawn with uPlot.
// The server counts them week by week (GET /api/v1/consent/rates). A server without that endpoint (404) falls back
// to counting here from a sample of subjects' consent histories, which only roles that read subjects may do.

import {api, ApiError, qs} from '../api.js';
import {h, onLeave, problemView, progress, table} from '../ui.js';
import {can, fetchAll, tenantOptions, tenants} from './_b.js';

const SERVER_ROLES = ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'];
const SAMPLE_ROLES = ['PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR'];
const STATES = ['GRANTED', 'OPTED_IN', 'WITHDRAWN', 'OPTED_OUT', 'OBJECTED', 'EXPIRED', 'NONE'];
const METRICS = {
  granted: {label: 'In force: granted or opted in', statuses: ['GRANTED', 'OPTED_IN'], short: 'granted'},
  refused: {label: 'Refused: withdrawn, opted out or objected', statuses: ['WITHDRAWN', 'OPTED_OUT', 'OBJECTED'], short: 'refused'},
};
const stateLabel = s => (s === 'EXPIRED' ? 'Grant expired' : s.charAt(0) + s.slice(1).toLowerCase().replace('_', ' '));
const pct = (n, d) => (d ? Math.round(1000 * n / d) / 10 : null);

// ---- the server's weekly counts
async function serverRates(purposes, tenantId, weeks, statuses) {
  const answers = await Promise.all(purposes.map(p => api('GET', '/api/v1/consent/rates' + qs({purpose: p, tenantId, weeks}))));
  const xs = answers[0].weeks.map(w => Date.parse(`${w.weekStart}T00:00:00Z`));
  const series = answers.map(a => a.weeks.map(w => pct(statuses.reduce((n, s) => n + (w.states[s] || 0), 0), w.holders)));
  const latest = answers.map(a => a.weeks[a.weeks.length - 1]);
  return {xs, series, answers, latest};
}

// ---- the fallback: replay subjects' histories here
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
    return pct(present.filter(s => statuses.includes(statusAt(s.byPurpose[p] || [], t))).length, present.length);
  }));
  const counts = purposes.map(p => {
    const c = {};
    perSubject.forEach(s => { const st = statusAt(s.byPurpose[p] || [], Date.now()); c[st] = (c[st] || 0) + 1; });
    return c;
  });
  return {xs, series, counts, subjects: perSubject.length};
}

async function sampleRates(tenantId, purposes, statuses, max, hours, bar, isCurrent) {
  const subjects = (await fetchAll(`/api/v1/tenants/${tenantId}/subjects`, {}, {max, limit: Math.min(max, 200)})).slice(0, max);
  bar.update(0, subjects.length, `0 of ${subjects.length} subjects`);
  const withEvents = [];
  const queue = [...subjects];
  // A few requests at a time: quick enough, and gentle on the server.
  const worker = async () => {
    while (queue.length && isCurrent()) {
      const s = queue.shift();
      const hist = await api('GET', `/api/v1/tenants/${s.tenantId}/subjects/${s.id}/consents/history`);
      withEvents.push({createdAt: s.createdAt, events: hist.events || []});
      bar.update(withEvents.length, subjects.length, `${withEvents.length} of ${subjects.length} subjects`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  bar.done(`${subjects.length} subjects read${subjects.length >= max ? ` (the first ${max} of the tenant)` : ''}.`);
  return computeRates(withEvents, purposes, statuses, hours ? Date.now() - hours * 3600e3 : 0);
}

// ---- chart
const DASH = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 5]];
const COLOURS = ['#0b5cad', '#a40e26', '#116329', '#7a4b00', '#6f42c1', '#1b1f24', '#bc4c00'];

function drawChart(box, xs, series, labels, stepped) {
  box.replaceChildren();
  if (!window.uPlot) {
    box.append(h('p', {class: 'notice warn'}, 'The chart library (uPlot) did not load; the table below has the numbers.'));
    return;
  }
  const paths = stepped && window.uPlot.paths && window.uPlot.paths.stepped ? window.uPlot.paths.stepped({align: 1}) : undefined;
  const opts = {
    width: Math.max(300, box.clientWidth || 800), height: 320, scales: {x: {time: true}, y: {range: [0, 100]}},
    axes: [{}, {label: '% of holders', values: (u, v) => v.map(x => `${x}%`)}],
    series: [{label: 'Time'}, ...labels.map((label, i) => ({
      label, stroke: COLOURS[i % COLOURS.length], width: 2, dash: DASH[i % DASH.length], paths, spanGaps: true,
      points: {show: true, size: 6},
      value: (u, v) => (v === null || v === undefined ? '—' : `${v}%`),
    }))],
  };
  const plot = new window.uPlot(opts, [xs.map(t => t / 1000), ...series], box);
  const onResize = () => plot.setSize({width: Math.max(300, box.clientWidth), height: 320});
  window.addEventListener('resize', onResize);
  onLeave(() => { window.removeEventListener('resize', onResize); plot.destroy(); });
}

export async function ratesPage(root) {
  let mode = can(...SERVER_ROLES) ? 'server' : can(...SAMPLE_ROLES) ? 'sample' : null;
  const source = h('div', {class: 'notice', 'data-testid': 'rates-source', 'data-mode': mode || ''});
  const describe = () => {
    source.dataset.mode = mode;
    source.replaceChildren(mode === 'server'
      ? h('p', null, h('strong', null, 'Counted by the server '), 'from the consent event log, week by week (UTC): of the holders with a recorded state for the purpose (subjects, and website visitors’ devices when no tenant is chosen), the share in each state at the week’s end. No holder is named.')
      : h('p', null, h('strong', null, 'Counted in your browser. '), 'This server does not answer GET /api/v1/consent/rates, so the page reads the consent history of each subject of a tenant (up to the sample size) and counts, at every change, the share of subjects in each state. Each history read is written to the audit log.'));
  };
  root.append(source);
  if (!mode) {
    root.append(h('p', {class: 'notice warn', 'data-testid': 'rates-forbidden'}, 'Your role may not read consent rates.'));
    return;
  }
  describe();
  const [ts, purposes] = await Promise.all([tenants(), api('GET', '/api/v1/consent/purposes').then(r => r.items)]);
  const usable = purposes.filter(p => p.legalBasis === 'CONSENT' || p.optOutAllowed);
  const tenantSel = h('select', {id: 'rates-tenant', 'data-testid': 'rates-tenant'},
    tenantOptions(ts, {any: 'All tenants and website visitors'}).map(o => h('option', {value: o.value}, o.label)));
  const metric = h('select', {id: 'rates-metric', 'data-testid': 'rates-metric'},
    Object.entries(METRICS).map(([k, m]) => h('option', {value: k}, m.label)));
  const weeks = h('input', {id: 'rates-weeks', type: 'number', min: 1, max: 104, value: '12', 'data-testid': 'rates-weeks'});
  const period = h('select', {id: 'rates-period', 'data-testid': 'rates-period'},
    [['0', 'All recorded history'], ['720', 'Last 30 days'], ['168', 'Last 7 days'], ['24', 'Last 24 hours'], ['1', 'Last hour']]
      .map(([v, l]) => h('option', {value: v}, l)));
  const sample = h('input', {id: 'rates-sample', type: 'number', min: 1, max: 2000, value: '200', 'data-testid': 'rates-sample'});
  const boxes = usable.map(p => h('div', {class: 'b-check'},
    h('input', {type: 'checkbox', id: `rates-p-${p.key}`, value: p.key, checked: p.legalBasis === 'CONSENT' && !p.retired}),
    h('label', {for: `rates-p-${p.key}`}, p.name)));
  const field = (id, label, el) => h('div', {class: 'field'}, h('label', {for: id}, label), el);
  const serverFields = [field('rates-weeks', 'Weeks', weeks)];
  const sampleFields = [field('rates-period', 'Period', period), field('rates-sample', 'Subjects to read at most', sample)];
  const showFields = () => {
    serverFields.forEach(f => { f.hidden = mode !== 'server'; });
    sampleFields.forEach(f => { f.hidden = mode !== 'sample'; });
    // The fallback reads one tenant's subjects: "all tenants" is not open to it.
    tenantSel.options[0].disabled = mode === 'sample';
    if (mode === 'sample' && !tenantSel.value && ts.length) tenantSel.value = ts[0].id;
  };
  showFields();

  const status = h('div', {'data-testid': 'rates-status', 'aria-live': 'polite'});
  const chartBox = h('div', {class: 'b-chart', id: 'rates-chart', 'data-testid': 'rates-chart', role: 'img'});
  const out = h('div', {'data-testid': 'rates-result'});
  let run = 0;

  const compute = async (ev) => {
    if (ev) ev.preventDefault();
    const mine = ++run;
    [out, status, chartBox].forEach(el => el.replaceChildren());
    const chosen = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
    if (!chosen.length || (mode === 'sample' && !tenantSel.value)) {
      status.append(h('p', {class: 'problem', role: 'alert'}, mode === 'sample' ? 'Choose a tenant and at least one purpose.' : 'Choose at least one purpose.'));
      return;
    }
    const m = METRICS[metric.value];
    const names = chosen.map(k => (purposes.find(p => p.key === k) || {}).name || k);
    const bar = progress(mode === 'server' ? 'Counting' : 'Reading consent histories');
    status.append(bar);
    try {
      if (mode === 'server') {
        let r;
        try {
          r = await serverRates(chosen, tenantSel.value, Math.min(104, Math.max(1, Number(weeks.value) || 12)), m.statuses);
        } catch (e) {
          // The purposes exist (they come from the list), so a 404 means the endpoint does not.
          if (!(e instanceof ApiError && e.status === 404)) throw e;
          if (!can(...SAMPLE_ROLES)) {
            throw new ApiError(404, {title: 'This server does not count consent rates yet',
              detail: 'GET /api/v1/consent/rates answered 404, and your role may not read subjects’ consent histories to count them here.'});
          }
          mode = 'sample';
          describe();
          showFields();
          return compute();
        }
        if (mine !== run) return;
        bar.done(`${r.xs.length} weeks counted.`);
        chartBox.setAttribute('aria-label', `Chart: share of holders ${m.short} per purpose at the end of each week; the tables below have the numbers.`);
        drawChart(chartBox, r.xs, r.series, names, false);
        out.append(
          table([
            {label: 'Purpose', rowHeader: true, render: x => x.name},
            {label: `Now ${m.short}`, class: 'num', render: x => (x.rate === null ? '—' : `${x.rate}%`)},
            {label: 'Holders', class: 'num', render: x => String(x.week.holders)},
            ...STATES.filter(s => s !== 'EXPIRED').map(s => ({label: stateLabel(s), class: 'num', render: x => String(x.week.states[s] || 0)})),
            {label: 'Actions this week', class: 'num', render: x => String(Object.values(x.week.changes || {}).reduce((a, b) => a + b, 0))},
          ], chosen.map((k, i) => ({name: names[i], rate: r.series[i][r.series[i].length - 1], week: r.latest[i]})),
          {testid: 'rates-table', caption: `This week (from ${r.answers[0].weeks[r.answers[0].weeks.length - 1].weekStart})`}),
          ...r.answers.map((a, i) => h('details', {'data-testid': 'rates-weeks-table'}, h('summary', null, `Week by week: ${names[i]}`),
            table([
              {label: 'Week from', rowHeader: true, key: 'weekStart'},
              {label: `% ${m.short}`, class: 'num', render: w => { const v = pct(m.statuses.reduce((n, s) => n + (w.states[s] || 0), 0), w.holders); return v === null ? '—' : `${v}%`; }},
              {label: 'Holders', class: 'num', render: w => String(w.holders)},
              ...STATES.filter(s => s !== 'EXPIRED').map(s => ({label: stateLabel(s), class: 'num', render: w => String(w.states[s] || 0)})),
            ], [...a.weeks].reverse()))));
      } else {
        const r = await sampleRates(tenantSel.value, chosen, m.statuses, Math.min(2000, Math.max(1, Number(sample.value) || 200)),
          Number(period.value), bar, () => mine === run);
        if (mine !== run) return;
        if (!r.subjects) { out.append(h('p', {class: 'empty'}, 'This tenant has no subject.')); return; }
        chartBox.setAttribute('aria-label', `Step chart: share of subjects ${m.short} per purpose over time; the table below has the current values.`);
        drawChart(chartBox, r.xs, r.series, names, true);
        out.append(table([
          {label: 'Purpose', rowHeader: true, render: x => x.name},
          {label: `Now ${m.short}`, class: 'num', render: x => `${x.now ?? '—'}%`},
          ...STATES.map(s => ({label: stateLabel(s), class: 'num', render: x => String(x.counts[s] || 0)})),
        ], chosen.map((k, i) => ({name: names[i], now: r.series[i][r.series[i].length - 1], counts: r.counts[i]})),
        {testid: 'rates-table', caption: `Subjects per state now (${r.subjects} subjects)`}));
      }
    } catch (e) {
      bar.done('Stopped.');
      out.append(problemView(e));
    }
  };

  root.append(h('section', {class: 'panel', 'data-testid': 'rates'}, h('h2', null, 'Consent rates per purpose over time'),
    h('form', {id: 'rates-form', 'data-testid': 'rates-form', on: {submit: compute}},
      field('rates-tenant', 'Tenant', tenantSel),
      h('fieldset', {class: 'b-fieldset field'}, h('legend', null, 'Purposes'),
        boxes.length ? h('div', {class: 'b-checks'}, boxes) : h('p', {class: 'muted'}, 'No purpose asks for consent or allows an opt-out.')),
      field('rates-metric', 'Measure', metric), serverFields, sampleFields,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'rates-compute', 'data-testid': 'rates-compute'}, 'Compute rates'))),
    status, chartBox, out));
}
