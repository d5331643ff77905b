// Subjects: find one by a single identifier (#/subjects), then its profile (#/subjects/<tenantId>/<subjectId>).
// The identifier searched for stays in the form; the URL gets the ids only.

import {api, qs} from '../api.js';
import {clear, formView, h, pageTitle, problemView, table, timeEl, toast, badge} from '../ui.js';
import {listTenants} from '../tenants.js';
import {renderProfile} from '../subjects/profile.js';

export const SUBJECT_READERS = ['PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR'];

// Kept in memory (not in the URL, not in storage) so "back" from a profile finds the form as it was.
const last = {tenantId: '', kind: 'email', value: ''};

export const section = {
  route: 'subjects',
  title: 'Subjects',
  roles: SUBJECT_READERS,
  async render(main, params) {
    const [tenantId, subjectId] = params;
    if (tenantId && subjectId) return renderProfile(main, tenantId, subjectId);
    return renderSearch(main, tenantId);
  },
};

async function renderSearch(main, tenantFromUrl) {
  main.append(pageTitle('Subjects'),
    h('p', {class: 'muted'}, 'Find a data subject of a tenant by one identifier. What you type stays on this page; it is never put in the address bar.'));
  const tenants = await listTenants();
  if (!tenants.length) {
    main.append(h('p', {class: 'notice'}, 'There is no tenant yet.'));
    return;
  }
  if (tenantFromUrl) last.tenantId = tenantFromUrl;
  const results = h('div', {id: 'subject-results', 'aria-live': 'polite'});
  const form = formView([
    {name: 'tenantId', id: 'subject-tenant', label: 'Tenant', type: 'select', required: true, value: last.tenantId || tenants[0].id,
      options: tenants.map(t => ({value: t.id, label: t.name}))},
    {name: 'kind', id: 'subject-id-kind', label: 'Identifier', type: 'select', value: last.kind,
      options: [{value: 'email', label: 'Email'}, {value: 'username', label: 'Username'}, {value: 'accountId', label: 'Atlassian accountId'}]},
    {name: 'value', id: 'subject-identifier', label: 'Value', required: true, value: last.value, maxlength: 254, autocomplete: 'off'},
  ], async v => {
    Object.assign(last, v);
    // POST: the identifier stays out of every URL (proxies and access logs), not only the page's.
    const res = await api('POST', `/api/v1/tenants/${encodeURIComponent(v.tenantId)}/subjects/search`, {[v.kind]: v.value});
    const items = res.items || [];
    if (items.length === 1) {
      location.hash = `#/subjects/${items[0].tenantId}/${items[0].id}`;
      return;
    }
    clear(results, items.length
      ? subjectsTable(items)
      : h('p', {class: 'notice', 'data-testid': 'subject-not-found'}, 'No subject of this tenant has that identifier.'));
    toast(items.length ? `${items.length} subjects found.` : 'No subject found.');
  }, {submitLabel: 'Find', id: 'subject-search', testid: 'subject-search'});
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Find a subject');

  const browse = h('button', {type: 'button', id: 'subject-browse', 'data-testid': 'subject-browse'}, 'List the tenant’s subjects');
  let cursor = null;
  let rows = [];
  browse.addEventListener('click', async () => {
    const tenantId = form.controls.tenantId.value;
    if (browse.dataset.tenant !== tenantId) { cursor = null; rows = []; browse.dataset.tenant = tenantId; }
    browse.disabled = true;
    try {
      const res = await api('GET', `/api/v1/tenants/${encodeURIComponent(tenantId)}/subjects${qs({limit: 50, cursor})}`);
      rows = rows.concat(res.items || []);
      cursor = res.nextCursor || null;
      clear(results, h('p', {class: 'muted'}, `${rows.length} subject${rows.length === 1 ? '' : 's'} shown${cursor ? '; more available' : ''}.`), subjectsTable(rows));
      browse.textContent = cursor ? 'Show more subjects' : 'List the tenant’s subjects';
      browse.hidden = false;
    } catch (e) {
      clear(results, problemView(e));
    } finally {
      browse.disabled = false;
    }
  });
  form.controls.tenantId.addEventListener('change', () => { cursor = null; rows = []; browse.textContent = 'List the tenant’s subjects'; });
  main.append(form, h('div', {class: 'toolbar'}, browse), results);
}

function subjectsTable(items) {
  return table([
    {label: 'Name', render: s => h('a', {href: `#/subjects/${s.tenantId}/${s.id}`, 'data-testid': 'subject-link'}, s.displayName || s.email || s.username || s.accountId || s.id)},
    {label: 'Email', key: 'email'},
    {label: 'Username', key: 'username'},
    {label: 'AccountId', key: 'accountId'},
    {label: 'Minor', render: s => s.minor ? badge('Minor', 'warn') : 'no'},
    {label: 'Registered', render: s => timeEl(s.createdAt)},
  ], items, {testid: 'subjects-table', rowTestid: s => `subject-row-${s.id}`});
}
