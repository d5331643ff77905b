// #/admin — users, API keys and the key rotations; tenants and licences are in _b-tenants.js.

import {api, qs, session} from '../api.js';
import {h, badge, confirmDialog, dl, formView, humanize, pageTitle, panel, problemView, progress, table, timeEl, toast,
  actionButton} from '../ui.js';
import {addChecks, resettable, can, dialogForm, isoFromLocal, pagedTable, poll, secretBox, showOnce, subnav, tenantName,
  tenantOptions, tenants} from './_b.js';
import {tenantDetail, tenantsPage} from './_b-tenants.js';

const ROLES = ['ADMIN', 'PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR', 'SERVICE'];
const ROLE_LABEL = {ADMIN: 'Administrator', PRIVACY_OFFICER: 'Privacy officer', SUPPORT_AGENT: 'Support agent',
  AUDITOR: 'Auditor', SERVICE: 'Service (machine client of one tenant)'};
const roleOptions = ROLES.map(r => ({value: r, label: ROLE_LABEL[r]}));
const roleBadges = roles => h('span', {class: 'b-chips'}, (roles || []).map(r => badge(humanize(r), r === 'ADMIN' ? 'warn' : 'neutral')));

// Each page opens to the roles whose endpoints it reads; its change actions are gated again inside.
const PAGES = [
  {path: 'users', label: 'Users', roles: ['ADMIN', 'AUDITOR']},
  {path: 'api-keys', label: 'API keys', roles: ['ADMIN', 'AUDITOR']},
  {path: 'keys', label: 'Key rotation', roles: ['ADMIN']},
  {path: 'tenants', label: 'Tenants and licences', roles: ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR']},
];

// A SERVICE principal is bound to one tenant: the tenant field shows only when SERVICE is ticked.
function tenantForService(form, getRoles, ts, value) {
  const id = `${form.id || 'f'}-tenant`;
  const sel = h('select', {id, name: 'tenantId', 'aria-describedby': `${id}-err`, 'data-testid': `${form.dataset.testid || 'form'}-tenant`},
    tenantOptions(ts, {any: 'No tenant'}).map(o => h('option', {value: o.value, selected: o.value === (value || '')}, o.label)));
  const row = h('div', {class: 'field'}, h('label', {for: id}, 'Tenant (required with Service)'), sel, h('p', {class: 'field-error', id: `${id}-err`}));
  form.insertBefore(row, form.querySelector('.form-problem'));
  form.controls.tenantId = sel;
  const sync = () => { row.hidden = !getRoles().includes('SERVICE'); };
  form.controls.roles.addEventListener('change', sync);
  sync();
  return () => (getRoles().includes('SERVICE') || sel.value ? sel.value || null : null);
}

// ---- users
async function usersPage(root) {
  const ts = await tenants();
  const edit = async (u) => {
    let getRoles, getTenant;
    const saved = await dialogForm(`Change ${u.username}`, [
      {name: 'enabled', label: 'Enabled: may sign in', type: 'checkbox', value: u.enabled, id: 'user-edit-enabled'},
      {name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', id: 'user-edit-password',
        hint: 'Leave empty to keep the current one.'},
    ], async (v) => {
      const body = {};
      const roles = getRoles();
      if (JSON.stringify([...roles].sort()) !== JSON.stringify([...u.roles].sort())) body.roles = roles;
      if (v.enabled !== u.enabled) body.enabled = v.enabled;
      if (v.password) body.password = v.password;
      const tenantId = getTenant();
      if ((tenantId || null) !== (u.tenantId || null)) body.tenantId = tenantId;
      if (!Object.keys(body).length) return null;
      const self = u.username === session.username;
      if ((body.enabled === false) || (self && body.roles && !body.roles.includes('ADMIN'))) {
        const ok = await confirmDialog(body.enabled === false
          ? `Disable ${u.username}? They can no longer sign in${self ? ' — and this is you: you will be locked out' : ''}.`
          : 'You are removing the Administrator role from yourself: you will lose access to this page.',
        {confirmLabel: body.enabled === false ? 'Disable user' : 'Remove my role', danger: true});
        if (!ok) return null;
      }
      return api('PATCH', `/api/v1/users/${u.id}`, body);
    }, {submitLabel: 'Save user', testid: 'user-edit-form', extend: f => {
      getRoles = addChecks(f, {name: 'roles', legend: 'Roles', options: roleOptions, values: u.roles, testid: 'user-edit-roles'});
      getTenant = tenantForService(f, getRoles, ts, u.tenantId);
    }});
    if (saved) { toast(`${saved.username} saved.`); list.reload(); }
  };
  const list = pagedTable([
    {label: 'Username', rowHeader: true, render: u => h('span', null, u.username, u.username === session.username ? h('span', {class: 'small muted'}, ' (you)') : null)},
    {label: 'Roles', render: u => roleBadges(u.roles)},
    {label: 'Tenant', render: u => u.tenantId ? tenantName(ts, u.tenantId) : '—'},
    {label: 'Status', render: u => u.enabled ? badge('Enabled', 'ok') : badge('Disabled', 'danger')},
    {label: 'Created', render: u => timeEl(u.createdAt)},
    can('ADMIN') ? {label: 'Actions', render: u => actionButton('Change', () => edit(u), {testid: 'user-edit'})} : null,
  ].filter(Boolean), c => api('GET', '/api/v1/users' + qs({limit: 50, cursor: c})),
  {testid: 'users-table', rowTestid: () => 'user-row', empty: 'No user.'});
  root.append(h('section', {class: 'panel', 'data-testid': 'users'}, h('h2', null, 'Users'), list));

  if (!can('ADMIN')) return;
  let getRoles, getTenant;
  const form = formView([
    {name: 'username', label: 'Username', required: true, id: 'user-username', autocomplete: 'off'},
    {name: 'password', label: 'Password', type: 'password', required: true, id: 'user-password', autocomplete: 'new-password',
      hint: 'A long passphrase; the server says what it requires.'},
  ], async (v) => {
    const u = await api('POST', '/api/v1/users', {username: v.username, password: v.password, roles: getRoles(),
      ...(getTenant() ? {tenantId: getTenant()} : {})});
    toast(`User ${u.username} created.`);
    form.reset();
    form.controls.roles.dispatchEvent(new Event('change'));
    list.reload();
  }, {submitLabel: 'Create user', id: 'user-form', testid: 'user-form'});
  getRoles = addChecks(form, {name: 'roles', legend: 'Roles', options: roleOptions, testid: 'user-roles'});
  getTenant = tenantForService(form, getRoles, ts);
  resettable(form);
  root.append(h('section', {class: 'panel', 'data-testid': 'user-add'}, h('h2', null, 'Create a user'), form));
}

// ---- API keys
async function apiKeysPage(root) {
  const ts = await tenants();
  const status = k => k.revokedAt ? badge('Revoked', 'danger') : (k.expiresAt && new Date(k.expiresAt) <= new Date() ? badge('Expired', 'neutral') : badge('Active', 'ok'));
  const list = pagedTable([
    {label: 'Name', rowHeader: true, render: k => h('span', null, k.name, h('br'), h('code', {class: 'small'}, k.id))},
    {label: 'Roles', render: k => roleBadges(k.roles)},
    {label: 'Tenant', render: k => k.tenantId ? tenantName(ts, k.tenantId) : '—'},
    {label: 'Created', render: k => timeEl(k.createdAt)},
    {label: 'Expires', render: k => k.expiresAt ? timeEl(k.expiresAt) : 'Never'},
    {label: 'Status', render: k => h('span', null, status(k), k.revokedAt ? h('span', {class: 'small'}, h('br'), timeEl(k.revokedAt)) : null)},
    can('ADMIN') ? {label: 'Actions', render: k => k.revokedAt ? '—' : actionButton('Revoke', async () => {
      if (!await confirmDialog(`Revoke the API key “${k.name}”? It stops working at once: every client that uses it is refused from now on. This cannot be undone.`,
        {confirmLabel: 'Revoke key', danger: true, title: 'Revoke an API key'})) return;
      await api('POST', `/api/v1/api-keys/${k.id}/revocation`);
      toast(`API key ${k.name} revoked.`);
      list.refresh();
    }, {kind: 'danger', testid: 'api-key-revoke'})} : null,
  ].filter(Boolean), c => api('GET', '/api/v1/api-keys' + qs({limit: 50, cursor: c})),
  {testid: 'api-keys-table', rowTestid: () => 'api-key-row', empty: 'No API key has been issued.'});
  root.append(h('section', {class: 'panel', 'data-testid': 'api-keys'}, h('h2', null, 'API keys'),
    h('p', {class: 'muted'}, 'Machine clients send a key in the X-API-Key header. Steward keeps only a hash: a lost key cannot be shown again, only replaced.'), list));

  if (!can('ADMIN')) return;
  let getRoles, getTenant;
  const form = formView([
    {name: 'name', label: 'Name', required: true, id: 'api-key-name', hint: 'What uses it, e.g. jira-sync.'},
    {name: 'expiresAt', label: 'Expires at', type: 'datetime-local', id: 'api-key-expires', hint: 'Optional: the key stops working then.'},
  ], async (v) => {
    const k = await api('POST', '/api/v1/api-keys', {name: v.name, roles: getRoles(),
      ...(getTenant() ? {tenantId: getTenant()} : {}), ...(v.expiresAt ? {expiresAt: isoFromLocal(v.expiresAt)} : {})});
    form.reset();
    form.controls.roles.dispatchEvent(new Event('change'));
    list.reload();
    await showOnce(`API key “${k.name}” issued`, h('div', null,
      h('p', null, 'Give it to the client now. It is answered this once and never again.'),
      secretBox('API key', k.key, {testid: 'api-key-secret'})), {buttonLabel: 'I have stored it', testid: 'api-key-dialog'});
  }, {submitLabel: 'Issue key', id: 'api-key-form', testid: 'api-key-form'});
  getRoles = addChecks(form, {name: 'roles', legend: 'Roles', options: roleOptions, values: ['SERVICE'], testid: 'api-key-roles'});
  getTenant = tenantForService(form, getRoles, ts);
  resettable(form);
  root.append(h('section', {class: 'panel', 'data-testid': 'api-key-add'}, h('h2', null, 'Issue an API key'), form));
}

// ---- key rotation
function perKey(obj) {
  const rows = Object.entries(obj || {});
  return rows.length ? table([{label: 'Master key', render: r => h('code', null, r[0])}, {label: 'Rows', class: 'num', render: r => String(r[1])}], rows) : '—';
}

async function keysPage(root) {
  const out = h('div', {'aria-live': 'polite', 'data-testid': 'rotation-progress', id: 'rotation-progress'});
  let status;
  const view = panel('Key status', async () => {
    status = await api('GET', '/api/v1/admin/keys');
    const m = status.masterKey || {};
    const mr = m.rotation || {};
    const b = status.blindIndex || {};
    const br = b.rotation || {};
    const masterBtn = h('button', {type: 'button', class: 'danger', id: 'rotate-master', 'data-testid': 'rotate-master',
      on: {click: () => rotate('master')}}, mr.state === 'pending' ? 'Resume master-key rotation' : 'Rotate the master key');
    const blindBtn = h('button', {type: 'button', class: 'danger', id: 'rotate-blind-index', 'data-testid': 'rotate-blind-index',
      on: {click: () => rotate('blind')}}, br.state === 'running' ? 'Resume blind-index rotation' : 'Rotate the blind-index key');
    const stateBadge = s => badge(humanize(s || 'unknown'), s === 'complete' ? 'ok' : s === 'pending' ? 'warn' : 'info');
    return h('div', {class: 'panels'},
      h('section', {class: 'panel', 'data-testid': 'master-key'}, h('h3', null, 'Master key'),
        dl([
          ['Current', h('code', {'data-testid': 'master-current'}, m.currentId || '—')],
          ['Previous', m.previousIds && m.previousIds.length ? h('span', {class: 'b-chips'}, m.previousIds.map(x => h('code', null, x))) : 'none'],
          ['Rotation', h('span', {'data-testid': 'master-state'}, stateBadge(mr.state), mr.remaining ? ` ${mr.remaining} rows left` : '', mr.rewrapped ? ` · ${mr.rewrapped} re-wrapped here` : '')],
          ['Data keys', perKey(m.dataKeys)], ['Secrets', perKey(m.secrets)],
          ['Destroyed data keys', String(m.destroyedDataKeys ?? 0)],
        ]),
        h('p', {class: 'small muted'}, 'Rotation re-wraps every data key and secret under the current master key; no personal data is re-encrypted. The embedded default generates the new key; a configured deployment must be restarted with the new key first.'),
        h('div', {class: 'toolbar'}, masterBtn)),
      h('section', {class: 'panel', 'data-testid': 'blind-index'}, h('h3', null, 'Blind-index key'),
        dl([
          ['Current version', h('span', {'data-testid': 'blind-current'}, String(br.currentVersion ?? '—'))],
          ['Searched versions', (br.activeVersions || []).join(', ') || '—'],
          ['Rotation', h('span', {'data-testid': 'blind-state'}, stateBadge(br.state), br.remaining ? ` ${br.remaining} rows left` : '')],
        ]),
        table([{label: 'Version', class: 'num', render: v => String(v.version)}, {label: 'State', render: v => humanize(v.state)},
          {label: 'Created', render: v => timeEl(v.createdAt)}, {label: 'Retired', render: v => timeEl(v.retiredAt)}],
        b.versions || [], {caption: 'Versions'}),
        table([{label: 'Table', render: r => h('code', null, r[0])},
          {label: 'Rows per version', render: r => Object.entries(r[1]).map(([v, n]) => `v${v}: ${n}`).join(', ')}],
        Object.entries(b.rows || {}), {caption: 'Indexed rows', empty: 'No indexed row.'}),
        h('p', {class: 'small muted'}, 'A new version indexes writes at once; older rows are re-indexed in the background and every active version is searched until that completes.'),
        h('div', {class: 'toolbar'}, blindBtn)));
  }, {testid: 'key-status'});

  const rotate = async (which) => {
    const master = which === 'master';
    const ok = await confirmDialog(master
      ? 'Rotate the master key? Every data key and server secret is re-wrapped under the new key, in the background. Nothing is re-encrypted and the service stays up, but the rotation cannot be undone.'
      : 'Rotate the blind-index key? A new version indexes every write from now on and existing rows are re-indexed in the background; searches look in every active version until it completes.',
    {confirmLabel: master ? 'Rotate master key' : 'Rotate blind-index key', danger: true, title: master ? 'Rotate the master key' : 'Rotate the blind-index key'});
    if (!ok) return;
    const bar = progress(master ? 'Re-wrapping data keys and secrets' : 'Re-indexing rows');
    out.replaceChildren(bar);
    try {
      const r = await api('POST', master ? '/api/v1/admin/keys/master/rotation' : '/api/v1/admin/keys/blind-index/rotation');
      let total = Math.max(1, r.remaining || 0);
      if (r.state === 'complete' || (!master && r.state === 'retiring')) {
        bar.done(master ? 'Complete: everything is wrapped under the current key.' : 'Complete: nothing is left to re-index.');
        toast('Key rotation complete.');
        view.refresh();
        return;
      }
      poll(async () => {
        const s = await api('GET', '/api/v1/admin/keys');
        const rot = master ? s.masterKey.rotation : s.blindIndex.rotation;
        total = Math.max(total, rot.remaining || 0);
        bar.update(total - (rot.remaining || 0), total, `${rot.remaining || 0} rows left · ${humanize(rot.state)}`);
        const finished = rot.state !== 'running';
        if (finished) {
          bar.done(rot.state === 'pending' ? 'Paused with rows left: resume it.'
            : rot.state === 'retiring' ? 'Done: every row is re-indexed; older versions retire after the grace period.'
              : master ? 'Done: everything is wrapped under the current key.' : 'Done: every row is re-indexed.');
          toast(rot.state === 'pending' ? 'Rotation paused: resume it.' : 'Key rotation complete.');
          view.refresh();
        }
        return finished;
      }, 1000);
    } catch (e) {
      bar.done('Failed.');
      out.append(problemView(e));
    }
  };
  root.append(out, view);
}

export const section = {
  route: 'admin',
  title: 'Administration',
  roles: ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'],
  async render(main, params) {
    const open = PAGES.filter(p => session.has(...p.roles));
    const page = open.some(p => p.path === params[0]) ? params[0] : open[0].path;
    const root = h('div', {class: 'b-stack'});
    main.append(pageTitle('Administration'), subnav('admin', open, page), root);
    if (params[0] && params[0] !== page) {
      root.append(h('p', {class: 'notice warn', 'data-testid': 'page-unavailable'}, 'That page does not exist or is not open to your role; here is the first page of the section.'));
    }
    if (page === 'users') await usersPage(root);
    else if (page === 'api-keys') await apiKeysPage(root);
    else if (page === 'keys') await keysPage(root);
    else if (page === 'tenants' && params[1]) await tenantDetail(root, params[1]);
    else await tenantsPage(root);
  },
};
