// The live privacy notice: the record of processing Steward enforces (GET /api/v1/public/privacy-notice), the active
// subprocessors and the register's change feed. Anything the operator has not configured shows as a dash.
import {h, api, notice, isSet, dash, contact, fmtDate, fmtDateTime, showProblem, announce, LEGAL_BASIS, LEGAL_BASIS_SHORT}
  from './privacy.js';

const $ = id => document.getElementById(id);

/** "a (x; y); b" → ["a (x; y)", "b"]: the server joins list items with "; ", parentheses may hold more. */
function items(s) {
  if (!isSet(s)) return [];
  const out = [];
  let depth = 0, cur = '';
  for (const c of s) {
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (c === ';' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.filter(isSet);
}

function list(values) {
  const v = (values || []).filter(isSet);
  if (!v.length) return '—';
  if (v.length === 1) return v[0];
  return h('ul', {}, v.map(x => h('li', {}, x)));
}

const CATEGORY = {INFRASTRUCTURE: 'Infrastructure', PRODUCTIVITY: 'Productivity', SUPPORT: 'Support',
  MARKETING_ANALYTICS: 'Marketing and analytics'};
const SAFEGUARD = {NONE_REQUIRED: 'None needed', ADEQUACY_DECISION: 'Adequacy decision',
  STANDARD_CONTRACTUAL_CLAUSES: 'Standard contractual clauses', BINDING_CORPORATE_RULES: 'Binding corporate rules'};
const regions = (() => { try { return new Intl.DisplayNames(['en'], {type: 'region'}); } catch (e) { return null; } })();
const country = code => { try { return regions ? regions.of(code) + ' (' + code + ')' : code; } catch (e) { return code; } };
/** "AWS (INFRASTRUCTURE: Hosting…); Slack (…)" → "AWS, Slack"; the subprocessor table says what each does. */
function recipients(s) {
  const parts = items(s), names = parts.map(p => (p.match(/^(.+?) \([A-Z_]+: .*\)$/) || [])[1]);
  if (!parts.length) return '—';
  if (names.some(n => !n)) return list(parts);
  return h('span', {}, names.join(', '), ' (', h('a', {href: '#h-sub'}, 'what each does'), ')');
}

/** "AWS: US (STANDARD_CONTRACTUAL_CLAUSES); monday.com: IL (ADEQUACY_DECISION)" grouped by country and safeguard. */
function transfers(s) {
  const parts = items(s), groups = new Map();
  for (const p of parts) {
    const m = p.match(/^(.+?): ([A-Z]{2}(?:, [A-Z]{2})*) \(([A-Z_]+)\)$/);
    if (!m) return list(parts);
    const key = m[2].split(', ').map(country).join(', ') + ' — ' + (SAFEGUARD[m[3]] || m[3]).toLowerCase();
    groups.set(key, [...(groups.get(key) || []), m[1]]);
  }
  if (!groups.size) return '—';
  return list([...groups].map(([k, names]) => k + ': ' + names.join(', ')));
}

const facts = pairs => h('dl', {class: 'facts'}, pairs.filter(Boolean).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));

function stopIt(a) {
  if (!a.optOutAllowed) return 'No: we need it to provide the service you asked for';
  if (a.saleOrSharing) return h('span', {}, 'Yes: ', h('a', {href: 'preferences.html'}, 'do not sell or share my personal information'));
  if (a.legalBasis === 'CONSENT') return h('span', {}, 'Yes: ', h('a', {href: 'request.html?type=WITHDRAW_CONSENT&purpose=' + encodeURIComponent(a.purposeKey)}, 'withdraw your consent'));
  return h('span', {}, 'Yes: ', h('a', {href: 'request.html?type=OBJECTION&purpose=' + encodeURIComponent(a.purposeKey)}, 'object to it'));
}

function renderNotice([n, current]) {
  const c = n.controller || {}, po = n.privacyOfficer || {};
  $('generated').textContent = n.generatedAt ? 'Read from our live records on ' + fmtDateTime(n.generatedAt) + '.' : '';
  const who = facts([
    ['Controller', dash(c.name)],
    ['Address', dash(c.address)],
    ['Contact', contact(c.contact)],
    ['Privacy officer', dash(po.name)],
    ['Privacy officer contact', contact(po.contact)]
  ]);
  who.id = 'who';
  $('who').replaceWith(who);

  // The record keeps retired purposes (their history stays); the notice shows the current ones only.
  const acts = (n.activities || []).filter(a => !current || current.has(a.purposeKey)).slice().sort((a, b) => String(a.purpose).localeCompare(b.purpose));
  const shared = acts.filter(a => a.saleOrSharing);
  $('sell').replaceChildren(
    h('p', {class: 'never-sold'}, 'We do not sell, rent or trade personal data — ever.'),
    shared.length
      ? h('p', {}, 'We do share some website visitor data with advertising networks for cross-context behavioural '
        + 'advertising (a “sharing” under the CCPA): ', shared.map((a, i) => [i ? ', ' : '', h('a', {href: '#activity-' + a.purposeKey}, a.purpose)]),
        '. Under the GDPR we do so only with your consent. Wherever you are, you can ',
        h('a', {href: 'preferences.html'}, 'opt out of the sale or sharing of your personal information'),
        '; a Global Privacy Control signal from your browser counts as that opt-out.')
      : h('p', {}, 'Nor do we share it for cross-context behavioural advertising.'));

  const rows = acts.map(a => h('tr', {},
    h('th', {scope: 'row'}, h('a', {href: '#activity-' + a.purposeKey}, dash(a.purpose))),
    h('td', {}, LEGAL_BASIS_SHORT[a.legalBasis] || dash(a.legalBasis)),
    h('td', {}, (a.dataCategories || []).filter(isSet).join(', ') || '—'),
    h('td', {}, a.optOutAllowed ? 'Yes' : 'No')));
  $('summary').replaceChildren(acts.length
    ? h('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'summary-caption'}, h('table', {},
      h('caption', {id: 'summary-caption'}, 'Purposes at a glance (' + acts.length + ')'),
      h('thead', {}, h('tr', {}, ['Purpose', 'Legal basis', 'Personal data', 'Can you stop it?'].map(t => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows)))
    : h('p', {}, 'No purposes are recorded.'));

  $('activities').replaceChildren(...acts.map(a => h('article', {class: 'panel', id: 'activity-' + a.purposeKey, 'aria-labelledby': 'ah-' + a.purposeKey},
    h('h3', {id: 'ah-' + a.purposeKey}, dash(a.purpose)),
    facts([
      ['Why', dash(a.description)],
      ['Legal basis', LEGAL_BASIS[a.legalBasis] || dash(a.legalBasis)],
      ['Personal data', list(a.dataCategories)],
      ['Whose data', list(a.dataSubjects)],
      ['How long we keep it', list(items(a.retention))],
      ['Who receives it', recipients(a.recipients)],
      ['Transfers abroad', transfers(a.transfers)],
      ['Sold or shared?', a.saleOrSharing ? 'Never sold. Shared for cross-context behavioural advertising, only as you allow'
        : 'Neither sold nor shared'],
      ['Can you stop it?', stopIt(a)]
    ]))));

  const sec = n.securityMeasures || {};
  $('security').replaceChildren(
    (sec.technical || []).filter(isSet).length ? h('ul', {}, sec.technical.filter(isSet).map(t => h('li', {}, t))) : h('p', {}, '—'),
    h('p', {}, h('strong', {}, 'Organisational measures: '), dash(sec.organisational)));

  $('contact').replaceChildren(facts([
    ['Controller', dash(c.name)],
    ['Contact', contact(c.contact)],
    ['Address', dash(c.address)],
    ['Privacy officer', dash(po.name)],
    ['Privacy officer contact', contact(po.contact)]
  ]));
}

const cat = k => String(k).replace(/-/g, ' ');

function renderSubprocessors(subs) {
  const order = Object.keys(CATEGORY);
  subs = subs.slice().sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.name.localeCompare(b.name));
  $('subprocessors').removeAttribute('aria-busy');
  if (!subs.length) { $('subprocessors').replaceChildren(h('p', {}, 'We use no subprocessors.')); return; }
  $('subprocessors').replaceChildren(h('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'sub-caption'}, h('table', {},
    h('caption', {id: 'sub-caption'}, 'Active subprocessors (' + subs.length + ')'),
    h('thead', {}, h('tr', {}, ['Subprocessor', 'Kind', 'What for', 'Personal data it receives', 'Where', 'Transfer safeguard']
      .map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, subs.map(s => h('tr', {},
      h('th', {scope: 'row'}, s.name),
      h('td', {}, CATEGORY[s.category] || dash(s.category)),
      h('td', {}, dash(s.purpose)),
      h('td', {}, (s.dataCategories || []).map(cat).join(', ') || '—',
        s.pendingCategories && s.pendingCategories.length
          ? h('div', {class: 'hint'}, 'From ' + fmtDate(s.pendingUntil) + ' also: ' + s.pendingCategories.map(cat).join(', ')) : null),
      h('td', {}, (s.countries || []).map(country).join(', ') || '—'),
      h('td', {}, SAFEGUARD[s.transferMechanism] || dash(s.transferMechanism),
        isSet(s.dpaReference) ? h('div', {class: 'hint'}, 'Agreement: ' + s.dpaReference) : null)))))));
}

const KIND = {ADDED: 'New subprocessor', WIDENED: 'Receives more data', CHANGED: 'Changed', RETIRED: 'No longer used'};

function change(c) {
  const open = c.objectionUntil && new Date(c.objectionUntil) > new Date();
  return h('li', {},
    h('strong', {}, (KIND[c.kind] || c.kind) + ': ' + c.subprocessorName),
    ' — ', dash(c.summary),
    c.categoriesAdded && c.categoriesAdded.length ? ' (adds ' + c.categoriesAdded.map(cat).join(', ') + ')' : '',
    h('div', {class: 'hint'},
      'Published ' + fmtDate(c.publishedAt),
      c.objectionUntil ? ' · objections ' + (open ? 'accepted until ' : 'closed on ') + fmtDate(c.objectionUntil) : '',
      ' · ' + (c.applied ? 'in effect since ' : 'takes effect on ') + fmtDate(c.effectiveAt)));
}

async function loadChanges(cursor) {
  const box = $('changes');
  const page = await api('GET', '/api/v1/subprocessors/changes?limit=20' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
  box.removeAttribute('aria-busy');
  let ul = box.querySelector('ul.changes');
  if (!cursor) {
    box.replaceChildren();
    if (!page.items.length) { box.append(h('p', {}, 'No changes have been published.')); return; }
    ul = h('ul', {class: 'changes'});
    box.append(ul);
  }
  page.items.forEach(c => ul.append(change(c)));
  box.querySelector('.more')?.remove();
  if (page.nextCursor) {
    box.append(h('button', {type: 'button', class: 'secondary more', on: {click: async e => {
      e.target.disabled = true;
      const before = ul.children.length;
      await loadChanges(page.nextCursor).catch(err => failed(box, err));
      const first = ul.children[before];
      if (first) { first.setAttribute('tabindex', '-1'); first.focus(); }
      announce((ul.children.length - before) + ' older changes shown');
    }}}, 'Show older changes'));
  }
}

function failed(box, err) {
  box.removeAttribute('aria-busy');
  box.replaceChildren(h('p', {class: 'error'}, 'This part could not be loaded: ' + err.message));
}

const currentKeys = api('GET', '/api/v1/public/consent/purposes').then(l => new Set(l.items.map(p => p.key))).catch(() => null);
Promise.all([notice(), currentKeys]).then(renderNotice).catch(err => {
  $('who').removeAttribute('aria-busy');
  ['who', 'activities', 'security', 'contact'].forEach(id => $(id).replaceChildren());
  showProblem($('load-error'), err);
});
api('GET', '/api/v1/subprocessors').then(renderSubprocessors).catch(err => failed($('subprocessors'), err));
loadChanges().catch(err => failed($('changes'), err));
