// Tenants (licensees) and their licences: register, rename, renew, history, and termination with its erasure.

import {api} from '../api.js';
import {h, badge, dl, formView, humanize, panel, problemView, progress, table, timeEl, toast, fmtDate} from '../ui.js';
import {can, confirmWithText, dialogForm, fetchAll, invalidateTenants, poll, UUID} from './_b.js';

const KEEP = ['ADMIN', 'PRIVACY_OFFICER'];
const LICENCE_KIND = {ACTIVE: 'ok', EXPIRED: 'warn', TERMINATED: 'danger'};
const licenceBadge = l => badge(humanize(l.status), LICENCE_KIND[l.status] || 'neutral');

export async function tenantsPage(root) {
  const list = panel('Tenants', async () => table([
    {label: 'Tenant', rowHeader: true, render: t => h('a', {href: `#/admin/tenants/${t.id}`, 'data-testid': 'tenant-link'}, t.name)},
    {label: 'Site', render: t => h('span', {class: 'small'}, t.siteUrl)},
    {label: 'Hosting', render: t => humanize(t.hostingMode)},
    {label: 'Licence', render: t => h('span', null, h('code', null, t.licence.key), ' ', licenceBadge(t.licence))},
    {label: 'Expires on', render: t => fmtDate(t.licence.expiresOn)},
    {label: 'Registered', render: t => timeEl(t.createdAt)},
  ], await fetchAll('/api/v1/tenants'), {testid: 'tenants-table', rowTestid: () => 'tenant-row', empty: 'No tenant is registered.'}),
  {testid: 'tenants'});
  root.append(list);
  if (!can(...KEEP)) return;
  const form = formView([
    {name: 'name', label: 'Name', required: true, id: 'tenant-name', hint: 'The licensee, as on the licence.'},
    {name: 'siteUrl', label: 'Site URL', type: 'url', required: true, id: 'tenant-site', placeholder: 'https://example.atlassian.net',
      hint: 'The Confluence or Jira site that the apps run on.'},
    {name: 'hostingMode', label: 'Hosting', type: 'select', required: true, id: 'tenant-hosting',
      options: [{value: 'CLOUD', label: 'Cloud'}, {value: 'DATA_CENTER', label: 'Data Center (no personal data is stored)'}]},
    {name: 'licenceKey', label: 'Licence key', required: true, id: 'tenant-licence-key'},
    {name: 'expiresOn', label: 'Licence expires on', type: 'date', required: true, id: 'tenant-licence-expires',
      hint: 'The last day of the licence. A past date is accepted (a lapsed licensee) and expires at the next check.'},
  ], async (v) => {
    const t = await api('POST', '/api/v1/tenants', {name: v.name, siteUrl: v.siteUrl, hostingMode: v.hostingMode,
      licence: {key: v.licenceKey, expiresOn: v.expiresOn}});
    invalidateTenants();
    toast(`Tenant ${t.name} registered.`);
    location.hash = `#/admin/tenants/${t.id}`;
  }, {submitLabel: 'Register tenant', id: 'tenant-form', testid: 'tenant-form'});
  root.append(h('section', {class: 'panel', 'data-testid': 'tenant-add'}, h('h2', null, 'Register a tenant'), form));
}

// The tenant's erasure after its licence ended: one TENANT row, expanded by the sweep into one SUBJECT row per
// subject (parentId). Polls the pending erasures only, so a big tenant does not mean reading every erasure each time.
function erasureProgress(tenantId, box) {
  const bar = progress('Erasing the tenant’s subjects');
  const detail = h('p', {class: 'small', 'data-testid': 'tenant-erasure-detail'});
  box.replaceChildren(h('h2', null, 'Erasure of the tenant'), bar, detail);
  let expanded = 0;
  let looked = false;
  let known = null;
  const describe = (root, extra) => detail.replaceChildren('Tenant erasure ',
    h('a', {href: `#/retention/erasures/${root.id}`}, h('code', null, root.id.slice(0, 8))),
    `: ${humanize(root.status)}${root.status === 'DONE' ? `, completed ${new Date(root.completedAt).toLocaleString()}` : `, due ${new Date(root.dueAt).toLocaleString()}`}.`,
    extra || '');
  // The tenant's certificate counts the subjects erased (the sweep may have finished between two polls).
  const finished = async (root, counted) => {
    const cert = await api('GET', `/api/v1/erasures/${root.id}/certificate`).catch(() => null);
    const n = cert && cert.subjectsErased !== undefined ? cert.subjectsErased : counted;
    bar.done(`Done: ${n} subject${n === 1 ? '' : 's'} erased, then the tenant’s remaining data; its certificate is issued.`);
    describe(root);
  };
  poll(async () => {
    const pending = await fetchAll('/api/v1/erasures', {status: 'PENDING'}, {max: 100000, limit: 200});
    let root = pending.find(e => e.scope === 'TENANT' && e.tenantId === tenantId);
    if (!root && known) {
      root = await api('GET', `/api/v1/erasures/${known.id}`);
      if (root.status === 'DONE') {
        await finished(root, expanded);
        return true;
      }
    }
    if (root) known = root;
    if (!root && !looked) {
      // Not pending: done already (or not queued yet). One look at the completed ones tells which.
      looked = true;
      const doneList = await fetchAll('/api/v1/erasures', {status: 'DONE'}, {max: 100000, limit: 200});
      root = doneList.filter(e => e.scope === 'TENANT' && e.tenantId === tenantId).pop();
      if (root) {
        await finished(root, doneList.filter(e => e.parentId === root.id).length);
        return true;
      }
    }
    if (!root) {
      bar.update(0, 1, 'Waiting for the erasure to be queued…');
      return false;
    }
    const left = pending.filter(e => e.parentId === root.id);
    const held = left.filter(e => e.heldBy).length;
    expanded = Math.max(expanded, left.length);
    if (root.heldBy) {
      bar.update(0, 1, 'Suspended by a legal hold: nothing is erased until it ends.');
      describe(root, ' Release the hold (Retention › Legal holds) to let it run.');
      return true;
    }
    bar.update(expanded - left.length, Math.max(expanded, 1), expanded
      ? `${expanded - left.length} of ${expanded} subjects erased${held ? ` (${held} held)` : ''}`
      : 'Queued: the next sweep expands it into one erasure per subject.');
    describe(root);
    return false;
  }, 2000);
}

export async function tenantDetail(root, id) {
  if (!UUID.test(id)) throw new Error('Not a tenant id.');
  const t = await api('GET', `/api/v1/tenants/${id}`);
  const ended = t.licence.status === 'TERMINATED' || t.licence.status === 'EXPIRED';
  root.append(h('p', null, h('a', {href: '#/admin/tenants'}, '← All tenants')),
    h('section', {class: 'panel', 'data-testid': 'tenant-detail'}, h('h2', null, t.name),
      dl([
        ['Id', h('code', null, t.id)], ['Site', t.siteUrl], ['Hosting', humanize(t.hostingMode)],
        ['Licence', h('span', null, h('code', null, t.licence.key), ' ', licenceBadge(t.licence))],
        ['Expires on', fmtDate(t.licence.expiresOn)],
        t.licence.terminationReason ? ['Termination reason', t.licence.terminationReason] : null,
        ['Registered', timeEl(t.createdAt)], ['Changed', timeEl(t.updatedAt)],
      ], {testid: 'tenant-details'}),
      can(...KEEP) && t.licence.status !== 'TERMINATED' ? h('div', {class: 'toolbar'}, h('button', {type: 'button', 'data-testid': 'tenant-edit',
        on: {click: async () => {
          const saved = await dialogForm(`Rename ${t.name}`, [
            {name: 'name', label: 'Name', required: true, value: t.name, id: 'tenant-edit-name'},
            {name: 'siteUrl', label: 'Site URL', type: 'url', required: true, value: t.siteUrl, id: 'tenant-edit-site'},
          ], v => api('PUT', `/api/v1/tenants/${id}`, v), {submitLabel: 'Save tenant', testid: 'tenant-edit-form'});
          if (saved) { invalidateTenants(); toast(`Tenant ${saved.name} saved.`); window.dispatchEvent(new HashChangeEvent('hashchange')); }
        }}}, 'Change name or site')) : null));

  if (can(...KEEP) && t.licence.status !== 'TERMINATED') {
    const form = formView([
      {name: 'key', label: 'Licence key', required: true, value: t.licence.key, id: 'licence-key'},
      {name: 'expiresOn', label: 'Expires on', type: 'date', required: true, value: t.licence.expiresOn, id: 'licence-expires'},
    ], async (v) => {
      const saved = await api('PUT', `/api/v1/tenants/${id}/licence`, v);
      toast(`Licence ${saved.licence.key} runs until ${fmtDate(saved.licence.expiresOn)} (${humanize(saved.licence.status)}).`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }, {submitLabel: 'Renew licence', id: 'licence-form', testid: 'licence-form'});
    root.append(h('section', {class: 'panel', 'data-testid': 'licence-renew'}, h('h2', null, 'Renew or change the licence'),
      t.licence.status === 'EXPIRED' ? h('p', {class: 'notice warn'}, 'The licence has expired: renewing makes it active again (subjects already erased are gone).') : null, form));
  }

  root.append(panel('Licence history', async () => table([
    {label: 'When', render: c => timeEl(c.changedAt)},
    {label: 'Change', render: c => humanize(c.reason)},
    {label: 'Status', render: c => h('span', null, c.fromStatus ? `${humanize(c.fromStatus)} → ` : '', humanize(c.toStatus))},
    {label: 'Expires on', render: c => fmtDate(c.expiresOn)},
    {label: 'Note', key: 'note'},
  ], await api('GET', `/api/v1/tenants/${id}/licence/history`), {testid: 'licence-history', rowTestid: () => 'licence-change', empty: 'No change.'}),
  {testid: 'licence-history-panel'}));

  const erasureBox = h('section', {class: 'panel', 'data-testid': 'tenant-erasure', 'aria-live': 'polite'});
  if (ended) {
    root.append(erasureBox);
    erasureProgress(id, erasureBox);
  } else if (can(...KEEP)) {
    const out = h('div', {'aria-live': 'polite'});
    const reason = h('textarea', {id: 'terminate-reason', rows: 3, 'data-testid': 'terminate-reason'});
    const btn = h('button', {type: 'button', class: 'danger', id: 'terminate-licence', 'data-testid': 'terminate-licence'}, 'Terminate the licence…');
    btn.addEventListener('click', async () => {
      const typed = await confirmWithText([
        h('p', null, h('strong', null, `This erases every subject of ${t.name}`), ' and all their records, consents and keys (policy §10). It cannot be undone.'),
        h('p', null, 'Only the licence row and its history are kept. Legal holds on the tenant or its subjects suspend the erasure until they end.'),
      ], {label: `Type the tenant’s name, ${t.name}, to confirm`, match: t.name, multiline: false,
        confirmLabel: 'Terminate and erase', title: 'Terminate the licence', testid: 'terminate-confirm-name'});
      if (typed === null) return;
      btn.disabled = true;
      try {
        await api('POST', `/api/v1/tenants/${id}/licence/termination`, {acknowledgeErasure: true, ...(reason.value.trim() ? {reason: reason.value.trim()} : {})});
        invalidateTenants();
        toast(`Licence of ${t.name} terminated: its erasure is queued.`, 'danger');
        out.replaceChildren();
        root.append(erasureBox);
        erasureProgress(id, erasureBox);
        root.querySelector('[data-testid=licence-renew]')?.remove();
        root.querySelector('[data-testid=tenant-edit]')?.remove();
        danger.remove();
      } catch (e) {
        out.replaceChildren(problemView(e));
        btn.disabled = false;
      }
    });
    const danger = h('section', {class: 'panel b-danger-zone', 'data-testid': 'terminate'}, h('h2', null, 'Terminate the licence'),
      h('p', null, 'Ends the licence before its expiry and erases every subject of the tenant.'),
      h('div', {class: 'field'}, h('label', {for: 'terminate-reason'}, 'Reason (optional, kept in the licence history)'), reason),
      h('div', {class: 'toolbar'}, btn), out);
    root.append(danger);
  }
}
