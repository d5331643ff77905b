// #/sharing — the subprocessor register with its connectors and change notices; the subscriptions, the disclosure
// ledger and the propagation tasks are in _b-sharing.js.

import {api, qs} from '../api.js';
import {h, badge, dl, formView, humanize, pageTitle, panel, table, timeEl, toast, actionButton} from '../ui.js';
import {addChecks, resettable, can, chips, confirmWithText, dialogForm, pagedTable, secretBox, showField, showOnce, subnav,
  tenantName, tenantOptions, tenants, UUID} from './_b.js';
import {disclosuresPage, propagationsPage, subscriptionsPage} from './_b-sharing.js';

const KEEP = ['ADMIN', 'PRIVACY_OFFICER'];
const CATEGORY = ['INFRASTRUCTURE', 'PRODUCTIVITY', 'SUPPORT', 'MARKETING_ANALYTICS'];
const MECHANISM = ['NONE_REQUIRED', 'ADEQUACY_DECISION', 'STANDARD_CONTRACTUAL_CLAUSES', 'BINDING_CORPORATE_RULES'];
const STATUS_KIND = {PROPOSED: 'info', ACTIVE: 'ok', RETIRED: 'neutral'};

const pages = () => [
  {path: 'register', label: 'Subprocessors'}, {path: 'notices', label: 'Change notices'},
  can('PRIVACY_OFFICER') ? {path: 'subscriptions', label: 'Notice subscriptions'} : null,
  {path: 'disclosures', label: 'Disclosure ledger'}, {path: 'propagations', label: 'Propagation tasks'},
].filter(Boolean);

const countries = s => (s || '').split(/[\s,;]+/).map(x => x.trim().toUpperCase()).filter(Boolean);

function spFields(sp, prefix = 'sp') {
  return [
    {name: 'name', label: 'Name', required: true, value: sp?.name, id: `${prefix}-name`},
    {name: 'category', label: 'Kind of service', type: 'select', required: true, value: sp?.category || 'INFRASTRUCTURE',
      options: CATEGORY.map(c => ({value: c, label: humanize(c)})), id: `${prefix}-category`},
    {name: 'purpose', label: 'Purpose', type: 'textarea', required: true, value: sp?.purpose, id: `${prefix}-purpose`,
      hint: 'What it does with the data, as the public register shows it.'},
    {name: 'countries', label: 'Countries', required: true, value: sp ? sp.countries.join(', ') : '', id: `${prefix}-countries`,
      hint: 'ISO 3166-1 alpha-2 codes where it processes, separated by commas: US, DE, IE.'},
    {name: 'transferMechanism', label: 'Transfer mechanism', type: 'select', required: true,
      value: sp?.transferMechanism || 'STANDARD_CONTRACTUAL_CLAUSES', options: MECHANISM.map(m => ({value: m, label: humanize(m)})), id: `${prefix}-mechanism`},
    {name: 'dpaReference', label: 'DPA reference', value: sp?.dpaReference, id: `${prefix}-dpa`, hint: 'The data processing agreement’s reference.'},
  ];
}

// The notice a register change opened: the newest one of this subprocessor (the API answers the subprocessor only).
async function noticeFor(subprocessorId, since) {
  const page = await api('GET', '/api/v1/sharing/notices' + qs({limit: 20}));
  return (page.items || []).find(n => n.subprocessorId === subprocessorId && (!since || n.publishedAt >= since));
}

export function noticeCard(n) {
  return h('div', {class: 'b-notice-card', 'data-testid': 'subprocessor-notice', role: 'status'},
    h('h3', null, `Change notice: ${humanize(n.kind)} — ${n.subprocessorName}`),
    h('p', null, n.summary),
    dl([
      ['Published', timeEl(n.publishedAt)],
      ['Objections until', n.objectionUntil ? h('span', {'data-testid': 'notice-objection-until'}, timeEl(n.objectionUntil)) : 'No objection window'],
      ['Takes effect', h('span', {'data-testid': 'notice-effective-at'}, timeEl(n.effectiveAt))],
      n.categoriesAdded && n.categoriesAdded.length ? ['Categories added', chips(n.categoriesAdded)] : null,
    ]),
    h('p', null, h('a', {href: `#/sharing/notices/${n.id}`}, 'Open the notice: deliveries and objections')));
}

function connectorText(c) {
  if (!c) return '—';
  const bits = [humanize(c.type)];
  if (c.type === 'MANUAL') bits.push(`due in ${c.dueDays} days`);
  if (c.url) bits.push(c.url);
  if (c.hasSecret) bits.push('signing secret set');
  if (c.hasCertificate) bits.push('certificate set');
  return bits.join(' · ');
}

async function registerPage(root) {
  const cats = (await api('GET', '/api/v1/consent/data-categories')).items;
  const catOptions = cats.filter(c => !c.retired).map(c => ({value: c.key, label: c.name}));
  const result = h('div', {id: 'sharing-result', 'aria-live': 'polite', 'data-testid': 'sharing-result'});
  const status = h('select', {id: 'sp-status-filter', 'data-testid': 'sp-status-filter'},
    h('option', {value: ''}, 'All'), ['PROPOSED', 'ACTIVE', 'RETIRED'].map(s => h('option', {value: s}, humanize(s))));

  const change = async (sp) => {
    let getCats;
    const since = new Date(Date.now() - 5000).toISOString();
    const saved = await dialogForm(`Change ${sp.name}`, spFields(sp, 'sp-edit'), async (v) => {
      const next = {...v, countries: countries(v.countries), dataCategories: getCats()};
      const body = {};
      for (const [k, val] of Object.entries(next)) {
        const was = sp[k];
        const same = Array.isArray(val) ? JSON.stringify([...val].sort()) === JSON.stringify([...(was || [])].sort()) : (val ?? '') === (was ?? '');
        if (!same) body[k] = val;
      }
      if (!Object.keys(body).length) return null;
      return api('PATCH', `/api/v1/sharing/subprocessors/${sp.id}`, body);
    }, {submitLabel: 'Save changes', testid: 'sp-change-form',
      intro: 'More data categories wait for a change notice’s objection window; anything else applies at once and is announced.',
      extend: f => { getCats = addChecks(f, {name: 'dataCategories', legend: 'Data categories it receives', options: catOptions,
        values: [...sp.dataCategories, ...(sp.pendingCategories || [])], testid: 'sp-change-categories'}); }});
    if (!saved) return;
    toast(`${saved.name} changed.`);
    const n = await noticeFor(sp.id, since).catch(() => null);
    result.replaceChildren(...(n ? [noticeCard(n)] : []));
    list.refresh();
  };

  const connect = async (sp) => {
    const c = sp.connector || {type: 'MANUAL', dueDays: 30};
    let form;
    const saved = await dialogForm(`How ${sp.name} is told of erasures, corrections and restrictions`, [
      {name: 'connector', label: 'Connector', type: 'select', required: true, value: c.type, id: 'conn-type',
        options: [{value: 'MANUAL', label: 'Manual: staff confirm each task'}, {value: 'WEBHOOK', label: 'Webhook: a signed POST'},
          {value: 'OPENDSR', label: 'OpenDSR processor'}]},
      {name: 'url', label: 'URL (https)', value: c.url, id: 'conn-url', hint: 'The webhook’s URL, or the OpenDSR processor’s base URL.'},
      {name: 'certificatePem', label: 'Processor certificate (PEM)', type: 'textarea', rows: 6, id: 'conn-cert',
        hint: c.hasCertificate ? 'A certificate is set; paste a new one to replace it.' : 'The OpenDSR processor’s X.509 certificate.'},
      {name: 'dueDays', label: 'Days until a task is due', type: 'number', min: 1, value: c.dueDays ?? 30, id: 'conn-due'},
    ], async (v) => {
      const body = {connector: v.connector};
      if (v.connector !== 'MANUAL') body.url = v.url;
      if (v.connector === 'OPENDSR' && v.certificatePem) body.certificatePem = v.certificatePem;
      if (v.connector === 'MANUAL' && v.dueDays !== null) body.dueDays = v.dueDays;
      return api('PUT', `/api/v1/sharing/subprocessors/${sp.id}/connector`, body);
    }, {submitLabel: 'Save connector', testid: 'connector-form',
      intro: c.type === 'WEBHOOK' ? 'Saving a webhook connector issues a new signing secret: the old one stops working.' : null,
      extend: f => {
        form = f;
        const sync = () => {
          const t = form.controls.connector.value;
          showField(form, 'url', t !== 'MANUAL');
          showField(form, 'certificatePem', t === 'OPENDSR');
          showField(form, 'dueDays', t === 'MANUAL');
        };
        form.controls.connector.addEventListener('change', sync);
        sync();
      }});
    if (!saved) return;
    toast(`Connector of ${saved.name} saved: ${humanize(saved.connector.type)}.`);
    list.refresh();
    if (saved.connector && saved.connector.secret) {
      await showOnce('Webhook signing secret', h('div', null,
        h('p', null, `${saved.name}’s webhook verifies Steward’s signatures with this secret.`),
        secretBox('Signing secret', saved.connector.secret, {testid: 'webhook-secret'})), {buttonLabel: 'I have stored it'});
    }
  };

  const retire = async (sp) => {
    const reason = await confirmWithText(
      `Retire ${sp.name}? It receives nothing from now on, and the change is announced to every subscribed tenant. Recipients of past disclosures are still told of erasures. This cannot be undone.`,
      {confirmLabel: 'Retire subprocessor', title: 'Retire a subprocessor', testid: 'sp-retire-reason'});
    if (reason === null) return;
    await api('POST', `/api/v1/sharing/subprocessors/${sp.id}/retirement`, {reason});
    toast(`${sp.name} retired.`);
    list.refresh();
  };

  const columns = [
    {label: 'Name', rowHeader: true, render: s => h('span', null, h('strong', null, s.name), h('br'), h('span', {class: 'small muted'}, humanize(s.category)))},
    {label: 'Purpose', key: 'purpose'},
    {label: 'Data categories', render: s => h('div', null, chips(s.dataCategories),
      s.pendingCategories && s.pendingCategories.length ? h('p', {class: 'small'}, 'Pending from ', timeEl(s.pendingUntil), ': ', chips(s.pendingCategories)) : null)},
    {label: 'Where', render: s => h('span', null, s.countries.join(', '), h('br'), h('span', {class: 'small muted'}, humanize(s.transferMechanism)),
      s.dpaReference ? h('span', {class: 'small muted'}, h('br'), `DPA ${s.dpaReference}`) : null)},
    {label: 'Status', render: s => h('span', null, badge(humanize(s.status), STATUS_KIND[s.status]), h('br'),
      h('span', {class: 'small'}, s.status === 'RETIRED' ? ['since ', timeEl(s.retiredAt)] : [s.status === 'PROPOSED' ? 'from ' : 'since ', timeEl(s.effectiveAt)]))},
    {label: 'Connector', render: s => h('span', {class: 'small'}, connectorText(s.connector))},
    can(...KEEP) ? {label: 'Actions', render: s => s.status === 'RETIRED' ? '—' : h('div', {class: 'b-row-actions'},
      actionButton('Change', () => change(s), {testid: 'sp-change'}),
      actionButton('Connector', () => connect(s), {testid: 'sp-connector'}),
      actionButton('Retire', () => retire(s), {kind: 'danger', testid: 'sp-retire'}))} : null,
  ].filter(Boolean);

  const list = panel('Subprocessors', async () => {
    const rows = await api('GET', '/api/v1/sharing/subprocessors' + qs({status: status.value}));
    return table(columns, rows, {testid: 'subprocessors-table', empty: 'No subprocessor.',
      rowTestid: () => 'subprocessor-row'});
  }, {testid: 'subprocessors', actions: h('div', {class: 'field'}, h('label', {for: 'sp-status-filter'}, 'Status'), status)});
  status.addEventListener('change', () => list.refresh());
  root.append(result, list);

  if (can(...KEEP)) {
    let getCats;
    const form = formView(spFields(null), async (v) => {
      const body = {...v, countries: countries(v.countries), dataCategories: getCats()};
      if (!body.dpaReference) delete body.dpaReference;
      const since = new Date(Date.now() - 5000).toISOString();
      const sp = await api('POST', '/api/v1/sharing/subprocessors', body);
      toast(`${sp.name} proposed: it becomes active on ${new Date(sp.effectiveAt).toLocaleString()}.`);
      form.reset();
      const n = await noticeFor(sp.id, since).catch(() => null);
      result.replaceChildren(n ? noticeCard(n) : h('div', {class: 'b-notice-card', 'data-testid': 'subprocessor-notice'},
        h('h3', null, `${sp.name} proposed`), dl([['Takes effect', h('span', {'data-testid': 'notice-effective-at'}, timeEl(sp.effectiveAt))]])));
      result.scrollIntoView({block: 'nearest'});
      list.refresh();
    }, {submitLabel: 'Propose subprocessor', id: 'subprocessor-form', testid: 'subprocessor-form'});
    getCats = addChecks(form, {name: 'dataCategories', legend: 'Data categories it receives', options: catOptions,
      testid: 'sp-categories'});
    resettable(form);
    root.append(h('section', {class: 'panel', 'data-testid': 'subprocessor-add'}, h('h2', null, 'Propose a subprocessor'),
      h('p', {class: 'muted'}, 'Adding one opens a change notice: subscribed tenants are told and may object until the window ends; it becomes active then.'),
      form));
  }
}

async function noticesPage(root) {
  root.append(h('section', {class: 'panel', 'data-testid': 'notices'}, h('h2', null, 'Change notices'),
    pagedTable([
      {label: 'Published', render: n => timeEl(n.publishedAt)},
      {label: 'Change', render: n => h('span', null, badge(humanize(n.kind), n.kind === 'RETIRED' ? 'neutral' : 'info'), ' ', h('strong', null, n.subprocessorName))},
      {label: 'Summary', render: n => h('span', null, n.summary, n.categoriesAdded && n.categoriesAdded.length ? h('span', null, h('br'), chips(n.categoriesAdded)) : null)},
      {label: 'Objections until', render: n => timeEl(n.objectionUntil)},
      {label: 'Takes effect', render: n => h('span', null, timeEl(n.effectiveAt), h('br'), n.applied ? badge('Applied', 'ok') : badge('Pending', 'info'))},
      {label: 'Objections', class: 'num', render: n => String(n.objections ?? 0)},
      {label: 'Details', render: n => h('a', {href: `#/sharing/notices/${n.id}`, 'data-testid': 'notice-link'}, 'Deliveries and objections')},
    ], c => api('GET', '/api/v1/sharing/notices' + qs({limit: 50, cursor: c})),
    {testid: 'notices-table', rowTestid: () => 'notice-row', empty: 'No change notice has been published.'})));
}

async function noticeDetail(root, id) {
  if (!UUID.test(id)) throw new Error('Not a notice id.');
  const [n, ts] = await Promise.all([api('GET', `/api/v1/sharing/notices/${id}`), tenants()]);
  root.append(h('p', null, h('a', {href: '#/sharing/notices'}, '← All change notices')), noticeCard(n));
  root.querySelector('[data-testid=subprocessor-notice] p:last-child').remove();
  root.append(panel('Deliveries', async () => table([
    {label: 'Subscription', render: d => h('code', {class: 'small'}, d.subscriptionId.slice(0, 8))},
    {label: 'State', render: d => badge(humanize(d.state), {DELIVERED: 'ok', PENDING: 'info', FAILING: 'warn', DROPPED: 'neutral'}[d.state])},
    {label: 'Attempts', class: 'num', render: d => String(d.attempts)},
    {label: 'Last error', key: 'lastError'},
    {label: 'Delivered', render: d => timeEl(d.deliveredAt)},
    {label: 'Next attempt', render: d => d.state === 'DELIVERED' || d.state === 'DROPPED' ? '—' : timeEl(d.nextAttemptAt)},
  ], await api('GET', `/api/v1/sharing/notices/${id}/deliveries`), {testid: 'deliveries-table', empty: 'No tenant is subscribed: the notice was sent to no one.'}),
  {testid: 'notice-deliveries'}));
  const objections = panel('Objections', async () => table([
    {label: 'Tenant', render: o => tenantName(ts, o.tenantId)},
    {label: 'Reason', key: 'reason'},
    {label: 'When', render: o => timeEl(o.createdAt)},
  ], await api('GET', `/api/v1/sharing/notices/${id}/objections`), {testid: 'objections-table', empty: 'No tenant has objected.'}),
  {testid: 'notice-objections'});
  root.append(objections);
  const open = n.objectionUntil && new Date(n.objectionUntil) > new Date();
  if (can(...KEEP) && open) {
    const form = formView([
      {name: 'tenantId', label: 'Tenant', type: 'select', required: true, options: tenantOptions(ts, {any: 'Choose a tenant'}), id: 'objection-tenant'},
      {name: 'reason', label: 'Reason', type: 'textarea', required: true, id: 'objection-reason'},
    ], async (v) => {
      await api('POST', `/api/v1/sharing/notices/${id}/objections`, v);
      toast(`Objection recorded for ${tenantName(ts, v.tenantId)}.`);
      form.reset();
      objections.refresh();
    }, {submitLabel: 'Record objection', id: 'objection-form', testid: 'objection-form'});
    resettable(form);
    root.append(h('section', {class: 'panel', 'data-testid': 'notice-object'}, h('h2', null, 'Object for a tenant'),
      h('p', {class: 'muted'}, 'Record a tenant’s objection received outside Steward (by email, by letter). Objecting twice keeps the first objection.'), form));
  }
}

export const section = {
  route: 'sharing',
  title: 'Sharing',
  roles: ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'],
  async render(main, params) {
    const list = pages();
    const page = list.some(p => p.path === params[0]) ? params[0] : 'register';
    const root = h('div', {class: 'b-stack'});
    main.append(pageTitle('Sharing and subprocessors'), subnav('sharing', list, page), root);
    if (params[0] && params[0] !== page) {
      root.append(h('p', {class: 'notice warn', 'data-testid': 'page-unavailable'}, 'That page does not exist or is not open to your role; here is the first page of the section.'));
    }
    if (page === 'register') await registerPage(root);
    else if (page === 'notices' && params[1]) await noticeDetail(root, params[1]);
    else if (page === 'notices') await noticesPage(root);
    else if (page === 'subscriptions') await subscriptionsPage(root, params[1]);
    else if (page === 'disclosures') await disclosuresPage(root);
    else await propagationsPage(root);
  },
};
