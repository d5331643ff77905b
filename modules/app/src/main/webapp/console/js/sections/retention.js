// #/retention — retention policies, legal holds, sweep runs, erasures and their signed certificates.

import {api, qs, saveBlob} from '../api.js';
import {h, badge, confirmDialog, dl, formView, humanize, pageTitle, panel, problemView, table, timeEl, toast,
  actionButton} from '../ui.js';
import {can, resettable, dialogForm, enc, isoFromLocal, jsonBlock, pagedTable, showField, subnav, tenantName, tenantOptions, tenants,
  UUID, verdict} from './_b.js';

const WRITE = ['ADMIN', 'PRIVACY_OFFICER'];
const TRIGGERS = {
  LICENCE_EXPIRY: 'When the tenant’s licence expires or is terminated, after the period',
  PURPOSE_FULFILLED: 'When the purpose ends for the subject, after the period',
  INACTIVITY: 'When the subject has had no change and no record for the period',
  FIXED: 'A fixed period after the record was obtained',
};
const PAGES = [
  {path: 'policies', label: 'Policies'}, {path: 'holds', label: 'Legal holds'}, {path: 'sweeps', label: 'Sweep runs'},
  {path: 'erasures', label: 'Erasures'}, {path: 'verify', label: 'Verify a certificate'},
];

const period = p => p.periodDays === 0 ? 'without delay' : `${p.periodDays} day${p.periodDays === 1 ? '' : 's'}`;

// ---- policies
async function policiesPage(root) {
  const box = panel('Retention policies', async () => {
    const [policies, cats] = await Promise.all([api('GET', '/api/v1/retention/policies'),
      api('GET', '/api/v1/consent/data-categories')]);
    const catName = k => (cats.items.find(c => c.key === k) || {}).name;
    const missing = cats.items.filter(c => !c.retired && !policies.some(p => p.categoryKey === c.key));
    const edit = (key, current) => dialogForm(current ? `Change the policy of “${catName(key) || key}”` : `Set a policy for “${catName(key) || key}”`, [
      {name: 'trigger', label: 'Trigger', type: 'select', required: true, value: current ? current.trigger : 'FIXED',
        options: Object.keys(TRIGGERS).map(t => ({value: t, label: `${humanize(t)} — ${TRIGGERS[t]}`})), id: 'policy-trigger'},
      {name: 'periodDays', label: 'Period (days)', type: 'number', required: true, min: 0, value: current ? current.periodDays : 30,
        hint: '0 erases without delay once the trigger happens.', id: 'policy-period'},
      {name: 'rationale', label: 'Rationale', type: 'textarea', required: !current, value: current ? current.rationale : '',
        hint: 'Why this period: the purpose and the law it serves. It goes into the audit log and the ROPA.', id: 'policy-rationale'},
    ], async (v) => {
      const saved = await api('PUT', `/api/v1/retention/policies/${enc(key)}`, v);
      toast(`Retention policy of ${key} saved: ${humanize(saved.trigger)}, ${period(saved)}.`);
      return saved;
    }, {submitLabel: 'Save policy', testid: 'policy-form'}).then(r => { if (r) box.refresh(); });

    return h('div', null,
      table([
        {label: 'Data category', rowHeader: true, render: p => h('span', null, catName(p.categoryKey) || p.categoryKey, h('br'), h('code', {class: 'small'}, p.categoryKey))},
        {label: 'Trigger', render: p => h('span', {title: TRIGGERS[p.trigger]}, humanize(p.trigger))},
        {label: 'Period', render: period},
        {label: 'Rationale', key: 'rationale'},
        {label: 'Last swept', render: p => timeEl(p.sweptAt)},
        {label: 'Changed', render: p => timeEl(p.updatedAt)},
        can(...WRITE) ? {label: 'Actions', render: p => h('button', {type: 'button', 'data-testid': 'policy-change',
          'data-key': p.categoryKey, 'aria-label': `Change the policy of ${catName(p.categoryKey) || p.categoryKey}`, on: {click: () => edit(p.categoryKey, p)}}, 'Change')} : null,
      ].filter(Boolean), policies, {testid: 'policies-table', rowTestid: () => 'policy-row', empty: 'No retention policy yet.'}),
      missing.length ? h('div', {class: 'notice warn'},
        h('p', null, h('strong', null, 'Data categories without a policy: '), missing.map(c => c.name).join(', ')),
        can(...WRITE) ? h('div', {class: 'toolbar'}, missing.map(c => h('button', {type: 'button', 'data-testid': 'policy-set',
          'data-key': c.key, on: {click: () => edit(c.key, null)}}, `Set a policy for ${c.name}`))) : null) : null);
  }, {testid: 'policies'});
  root.append(box);
}

// ---- holds
async function holdsPage(root) {
  const ts = await tenants();
  const columns = [
    {label: 'Scope', render: x => humanize(x.scope)},
    {label: 'Tenant', render: x => tenantName(ts, x.tenantId)},
    {label: 'Subject', render: x => x.subjectId ? h('a', {href: `#/subjects/${x.tenantId}/${x.subjectId}`}, h('code', null, x.subjectId.slice(0, 8))) : '—'},
    {label: 'Reason', key: 'reason'},
    {label: 'Owner', key: 'owner'},
    {label: 'Ends', render: x => timeEl(x.endsAt)},
    {label: 'Blocks subject requests', render: x => x.blocksSubjectRequests ? h('span', null, 'Yes: ', x.blockReason || '') : 'No'},
    {label: 'Status', render: x => x.active ? badge('Active', 'warn')
      : h('span', null, badge(x.releasedAt ? 'Released' : 'Ended', 'neutral'), x.releasedAt ? h('br') : null, x.releasedAt ? timeEl(x.releasedAt) : null)},
    can(...WRITE) ? {label: 'Actions', render: x => x.active ? actionButton('Release', async () => {
      const ok = await confirmDialog(`Release this ${x.scope.toLowerCase()} hold now? Automatic deletion resumes at once: the erasures it suspended become due immediately and cannot be undone.`,
        {confirmLabel: 'Release hold', danger: true, title: 'Release the legal hold'});
      if (!ok) return;
      await api('POST', `/api/v1/retention/holds/${x.id}/release`);
      toast('Legal hold released.');
      list.refresh();
    }, {kind: 'danger', testid: 'hold-release'}) : '—'} : null,
  ].filter(Boolean);
  const list = pagedTable(columns, c => api('GET', '/api/v1/retention/holds' + qs({limit: 50, cursor: c})),
    {testid: 'holds-table', rowTestid: () => 'hold-row', empty: 'No legal hold has been placed.'});

  if (can(...WRITE)) {
    const form = formView([
      {name: 'scope', label: 'Scope', type: 'select', required: true, options: [{value: 'TENANT', label: 'A whole tenant'}, {value: 'SUBJECT', label: 'One subject'}], id: 'hold-scope'},
      {name: 'tenantId', label: 'Tenant', type: 'select', required: true, options: tenantOptions(ts, {any: 'Choose a tenant'}), id: 'hold-tenant'},
      {name: 'subjectId', label: 'Subject id', hint: 'The subject’s UUID (see Subjects).', id: 'hold-subject'},
      {name: 'reason', label: 'Reason', type: 'textarea', required: true, id: 'hold-reason', hint: 'E.g. the litigation or investigation it preserves data for.'},
      {name: 'owner', label: 'Owner', required: true, id: 'hold-owner', hint: 'Who answers for the hold: a role or team, e.g. Legal.'},
      {name: 'endsAt', label: 'Ends at', type: 'datetime-local', required: true, id: 'hold-ends'},
      {name: 'blocksSubjectRequests', label: 'Also block the subject’s own erasure requests', type: 'checkbox', id: 'hold-blocks',
        hint: 'Only where the law allows it, e.g. GDPR Art. 17(3)(e): legal claims.'},
      {name: 'blockReason', label: 'Why requests are blocked', type: 'textarea', id: 'hold-block-reason'},
    ], async (v) => {
      const body = {scope: v.scope, tenantId: v.tenantId, reason: v.reason, owner: v.owner, endsAt: isoFromLocal(v.endsAt),
        blocksSubjectRequests: v.blocksSubjectRequests};
      if (v.scope === 'SUBJECT') body.subjectId = v.subjectId;
      if (v.blocksSubjectRequests) body.blockReason = v.blockReason;
      const hold = await api('POST', '/api/v1/retention/holds', body);
      toast(`Legal hold placed until ${new Date(hold.endsAt).toLocaleString()}.`);
      form.reset();
      sync();
      list.reload();
    }, {submitLabel: 'Place hold', id: 'hold-form', testid: 'hold-form'});
    const sync = () => {
      showField(form, 'subjectId', form.controls.scope.value === 'SUBJECT');
      showField(form, 'blockReason', form.controls.blocksSubjectRequests.checked);
    };
    form.controls.scope.addEventListener('change', sync);
    form.controls.blocksSubjectRequests.addEventListener('change', sync);
    resettable(form);
    sync();
    root.append(h('section', {class: 'panel', 'data-testid': 'holds'}, h('h2', null, 'Legal holds'), list));
    root.append(h('section', {class: 'panel', 'data-testid': 'hold-place'}, h('h2', null, 'Place a legal hold'),
      h('p', {class: 'muted'}, 'Automatic deletion (licence end, minors, retention policies) of the tenant or subject is suspended until the hold ends or is released.'), form));
  } else {
    root.append(h('section', {class: 'panel', 'data-testid': 'holds'}, h('h2', null, 'Legal holds'), list));
  }
}

// ---- sweeps
function sweepsPage(root) {
  root.append(h('section', {class: 'panel', 'data-testid': 'sweeps'}, h('h2', null, 'Sweep runs'),
    h('p', {class: 'muted'}, 'The retention sweep runs on every instance; newest first.'),
    pagedTable([
      {label: 'Started', render: s => timeEl(s.startedAt)},
      {label: 'Duration', class: 'num', render: s => `${s.durationMs} ms`},
      {label: 'Due', class: 'num', render: s => String(s.due)},
      {label: 'Subjects erased', class: 'num', render: s => String(s.subjectsErased)},
      {label: 'Tenants erased', class: 'num', render: s => String(s.tenantsErased)},
      {label: 'Records erased', class: 'num', render: s => String(s.recordsErased)},
      {label: 'Outcome', render: s => badge(humanize(s.outcome), s.outcome === 'COMPLETED' ? 'ok' : 'danger')},
      {label: 'Instance', render: s => h('code', {class: 'small', title: s.instanceId}, s.instanceId.slice(0, 8))},
    ], c => api('GET', '/api/v1/retention/sweeps' + qs({limit: 50, cursor: c})),
    {testid: 'sweeps-table', rowTestid: () => 'sweep-row', empty: 'No sweep has run yet.'})));
}

// ---- erasures
export function erasureStatus(e) {
  if (e.status === 'DONE') return badge('Done', 'ok');
  return e.heldBy ? badge('Held', 'warn') : badge('Pending', 'info');
}

function erasureWhat(e, ts) {
  if (e.scope === 'TENANT') return h('span', null, 'Tenant ', tenantName(ts, e.tenantId));
  if (e.scope === 'SUBJECT') return h('span', null, 'Subject ', h('code', null, (e.subjectId || '').slice(0, 8)), e.tenantId ? ` of ${tenantName(ts, e.tenantId)}` : '');
  if (e.scope === 'DEVICE') return h('span', null, 'Device ', h('code', null, e.deviceId || ''));
  return h('span', null, 'Category ', h('code', null, e.categoryKey || ''));
}

async function erasuresPage(root) {
  const ts = await tenants();
  const status = h('select', {id: 'erasure-status', 'data-testid': 'erasure-status'},
    h('option', {value: ''}, 'All'), h('option', {value: 'PENDING'}, 'Pending'), h('option', {value: 'DONE'}, 'Done'));
  const list = pagedTable([
    {label: 'Created', render: e => timeEl(e.createdAt)},
    {label: 'What', render: e => erasureWhat(e, ts)},
    {label: 'Trigger', render: e => humanize(e.trigger)},
    {label: 'Status', render: erasureStatus},
    {label: 'Due', render: e => timeEl(e.dueAt)},
    {label: 'Completed', render: e => timeEl(e.completedAt)},
    {label: 'Records erased', class: 'num', render: e => e.recordsErased === undefined ? '—' : String(e.recordsErased)},
    {label: 'Details', render: e => h('a', {href: `#/retention/erasures/${e.id}`, 'data-testid': 'erasure-link'}, e.status === 'DONE' ? 'Details and certificate' : 'Details')},
  ], c => api('GET', '/api/v1/erasures' + qs({status: status.value, limit: 50, cursor: c})),
  {testid: 'erasures-table', rowTestid: () => 'erasure-row', empty: 'No erasure matches.', caption: 'Oldest first'});
  status.addEventListener('change', () => list.reload());
  root.append(h('section', {class: 'panel', 'data-testid': 'erasures'}, h('h2', null, 'Erasures'),
    h('div', {class: 'b-filters'}, h('form', {class: 'inline', on: {submit: e => e.preventDefault()}},
      h('div', {class: 'field'}, h('label', {for: 'erasure-status'}, 'Status'), status))), list));
}

function certificateView(cert) {
  return h('div', null,
    dl([
      ['Certificate', h('code', null, cert.id)],
      ['Scope', humanize(cert.scope)], ['Trigger', humanize(cert.trigger)],
      ['Erased at', timeEl(cert.erasedAt)],
      cert.subjectsErased !== undefined ? ['Subjects erased', String(cert.subjectsErased)] : null,
      cert.subjectHash ? ['Subject hash', h('code', {class: 'mono'}, cert.subjectHash)] : null,
      cert.tenantHash ? ['Tenant hash', h('code', {class: 'mono'}, cert.tenantHash)] : null,
      cert.category ? ['Category', h('code', null, cert.category)] : null,
      ['Data keys destroyed', String((cert.dataKeysDestroyed || []).length)],
      ['Signed with', h('span', null, cert.algorithm, ' · key ', h('code', null, cert.keyId), cert.version ? ` · canonical form v${cert.version}` : '')],
    ], {testid: 'certificate-details'}),
    table([{label: 'Module', key: 'module'}, {label: 'Category', key: 'category'}, {label: 'Records', class: 'num', render: x => String(x.count)}],
      cert.erased || [], {empty: 'Nothing was erased.', testid: 'certificate-erased', caption: 'What was erased'}));
}

async function verifyCertificate(cert, out) {
  out.replaceChildren(h('p', {class: 'muted'}, 'Checking the signature…'));
  try {
    const v = await api('POST', '/api/v1/erasures/certificates/verification', cert);
    out.replaceChildren(verdict(v.valid, v.valid ? 'Valid certificate' : 'Invalid certificate',
      [v.detail, v.keyId ? `Key: ${v.keyId}` : null].filter(Boolean), {testid: 'certificate-verdict'}));
  } catch (e) {
    out.replaceChildren(problemView(e));
  }
}

async function erasureDetail(root, id) {
  if (!UUID.test(id)) throw new Error('Not an erasure id.');
  const ts = await tenants();
  const e = await api('GET', `/api/v1/erasures/${id}`);
  root.append(h('p', null, h('a', {href: '#/retention/erasures'}, '← All erasures')),
    h('section', {class: 'panel', 'data-testid': 'erasure-detail'}, h('h2', null, 'Erasure'),
      dl([
        ['Id', h('code', null, e.id)], ['What', erasureWhat(e, ts)], ['Trigger', humanize(e.trigger)],
        ['Status', erasureStatus(e)], ['Reason', e.reason], e.reference ? ['Reference', e.reference] : null,
        e.parentId ? ['Part of', h('a', {href: `#/retention/erasures/${e.parentId}`}, 'the tenant’s erasure')] : null,
        e.heldBy ? ['Held by', h('span', null, 'legal hold ', h('code', null, e.heldBy))] : null,
        ['Created', timeEl(e.createdAt)], ['Due', timeEl(e.dueAt)], ['Completed', timeEl(e.completedAt)],
        e.recordsErased !== undefined ? ['Records erased', String(e.recordsErased)] : null,
      ])));
  if (e.status !== 'DONE') {
    root.append(h('p', {class: 'notice'}, 'The certificate is issued once the erasure is done.'));
    return;
  }
  const out = h('div', {id: 'certificate-result', 'data-testid': 'certificate-result', 'aria-live': 'polite'});
  root.append(panel('Certificate', async () => {
    const cert = await api('GET', `/api/v1/erasures/${id}/certificate`);
    return h('div', null, certificateView(cert),
      h('div', {class: 'toolbar'},
        h('button', {type: 'button', class: 'primary', id: 'verify-certificate', 'data-testid': 'verify-certificate',
          on: {click: () => verifyCertificate(cert, out)}}, 'Verify signature'),
        h('button', {type: 'button', 'data-testid': 'certificate-download', on: {click: () =>
          saveBlob(new Blob([JSON.stringify(cert, null, 2)], {type: 'application/json'}), `erasure-certificate-${cert.erasureId}.json`)}},
        'Download JSON')),
      out,
      h('details', null, h('summary', null, 'The certificate as signed JSON'), jsonBlock(cert, {testid: 'certificate-json-view'})));
  }, {testid: 'certificate'}));
}

function verifyPage(root) {
  const out = h('div', {id: 'certificate-result', 'data-testid': 'certificate-result', 'aria-live': 'polite'});
  const ta = h('textarea', {id: 'certificate-json', class: 'mono', rows: 14, 'data-testid': 'certificate-json',
    'aria-describedby': 'certificate-json-hint', spellcheck: 'false'});
  const form = h('form', {id: 'certificate-verify-form', 'data-testid': 'certificate-verify-form', on: {submit: async ev => {
    ev.preventDefault();
    let cert;
    try { cert = JSON.parse(ta.value); } catch (err) {
      out.replaceChildren(verdict(false, 'Not JSON', `The text cannot be read as JSON: ${err.message}`, {testid: 'certificate-verdict'}));
      return;
    }
    await verifyCertificate(cert, out);
  }}},
  h('div', {class: 'field'}, h('label', {for: 'certificate-json'}, 'Erasure certificate (JSON)'),
    h('p', {class: 'hint', id: 'certificate-json-hint'}, 'Paste a certificate as Steward issued it. It is valid only if this server signed it and nothing in it changed.'), ta),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'verify-certificate', 'data-testid': 'verify-certificate'}, 'Verify certificate')));
  root.append(h('section', {class: 'panel', 'data-testid': 'certificate-verify'}, h('h2', null, 'Verify an erasure certificate'), form, out));
}

export const section = {
  route: 'retention',
  title: 'Retention',
  roles: ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'],
  async render(main, params) {
    const page = PAGES.some(p => p.path === params[0]) ? params[0] : 'policies';
    const root = h('div', {class: 'b-stack'});
    main.append(pageTitle('Retention and erasure'), subnav('retention', PAGES, page), root);
    if (params[0] && params[0] !== page) {
      root.append(h('p', {class: 'notice warn', 'data-testid': 'page-unavailable'}, 'That page does not exist or is not open to your role; here is the first page of the section.'));
    }
    if (page === 'policies') await policiesPage(root);
    else if (page === 'holds') await holdsPage(root);
    else if (page === 'sweeps') sweepsPage(root);
    else if (page === 'erasures' && params[1]) await erasureDetail(root, params[1]);
    else if (page === 'erasures') await erasuresPage(root);
    else verifyPage(root);
  },
};
