// #/consent — purposes and their notices, data categories; rates, receipts and the import are in _b-consent.js.

import {api, apiFull} from '../api.js';
import {h, badge, dl, formView, humanize, pageTitle, panel, table, timeEl, toast, actionButton} from '../ui.js';
import {addChecks, can, chips, confirmWithText, dialogForm, enc, subnav} from './_b.js';
import {importPage, ratesPage, receiptsPage} from './_b-consent.js';

const KEEP = ['ADMIN', 'PRIVACY_OFFICER'];
const BASIS = ['CONSENT', 'LEGITIMATE_INTEREST', 'CONTRACT'];
const CCPA = {NONE: 'None', SHARING: 'Sharing (cross-context advertising)', SALE: 'Sale'};

const pages = () => [
  {path: 'purposes', label: 'Purposes and notices'}, {path: 'categories', label: 'Data categories'},
  {path: 'rates', label: 'Consent rates'}, {path: 'receipts', label: 'Verify a receipt'},
  can('PRIVACY_OFFICER') ? {path: 'import', label: 'Import consents'} : null,
].filter(Boolean);

const categoriesOf = async () => (await api('GET', '/api/v1/consent/data-categories')).items;

// ---- purposes
async function purposesPage(root) {
  const cats = await categoriesOf();
  const catOptions = cats.filter(c => !c.retired).map(c => ({value: c.key, label: c.name}));

  const edit = async (p) => {
    let getCats;
    const saved = await dialogForm(`Edit the purpose “${p.name}”`, [
      {name: 'name', label: 'Name', required: true, value: p.name, id: 'purpose-edit-name'},
      {name: 'description', label: 'Description', type: 'textarea', required: true, value: p.description, id: 'purpose-edit-description'},
      {name: 'ccpa', label: 'CCPA disclosure', type: 'select', value: p.ccpa, id: 'purpose-edit-ccpa',
        options: Object.entries(CCPA).filter(([k]) => k !== 'SALE' || p.ccpa === 'SALE').map(([value, label]) => ({value, label})),
        hint: 'A purpose never becomes a sale by an edit.'},
      {name: 'optOutAllowed', label: 'The subject may opt out', type: 'checkbox', value: p.optOutAllowed, id: 'purpose-edit-optout'},
      {name: 'email', label: 'Sent by email (every message carries an unsubscribe link)', type: 'checkbox', value: p.email, id: 'purpose-edit-email'},
    ], async (v) => api('PATCH', `/api/v1/consent/purposes/${enc(p.key)}`, {...v, categories: getCats()}),
    {submitLabel: 'Save purpose', testid: 'purpose-edit-form', intro: 'Decisions follow the change at once.',
      extend: f => { getCats = addChecks(f, {name: 'categories', legend: 'Data categories it uses', options: catOptions,
        values: p.categories, testid: 'purpose-edit-categories'}); }});
    if (saved) { toast(`Purpose ${saved.key} saved.`); list.refresh(); }
  };
  const retire = async (p) => {
    const reason = await confirmWithText(`Retire the purpose “${p.name}”? Its history stays, but nothing can be granted for it any more and every decision for it denies (PURPOSE_RETIRED). This cannot be undone.`,
      {confirmLabel: 'Retire purpose', title: 'Retire a purpose', testid: 'purpose-retire-reason'});
    if (reason === null) return;
    await api('POST', `/api/v1/consent/purposes/${enc(p.key)}/retirement`, {reason});
    toast(`Purpose ${p.key} retired.`);
    list.refresh();
  };

  const list = panel('Purposes of processing', async () => {
    const purposes = (await api('GET', '/api/v1/consent/purposes')).items;
    return table([
      {label: 'Purpose', rowHeader: true, render: p => h('span', null, h('a', {href: `#/consent/purposes/${enc(p.key)}`, 'data-testid': 'purpose-link'}, p.name),
        h('br'), h('code', {class: 'small'}, p.key))},
      {label: 'Legal basis', render: p => humanize(p.legalBasis)},
      {label: 'CCPA', render: p => p.ccpa === 'NONE' ? '—' : humanize(p.ccpa)},
      {label: 'Opt-out', render: p => p.optOutAllowed ? 'Allowed' : 'No'},
      {label: 'Email', render: p => p.email ? 'Yes' : 'No'},
      {label: 'Data categories', render: p => chips(p.categories)},
      {label: 'Status', render: p => p.retired ? h('span', {title: p.retirementReason || ''}, badge('Retired', 'neutral'), h('br'), timeEl(p.retiredAt)) : badge('Current', 'ok')},
      can(...KEEP) ? {label: 'Actions', render: p => p.retired ? '—' : h('div', {class: 'b-row-actions'},
        actionButton('Edit', () => edit(p), {testid: 'purpose-edit'}),
        actionButton('Retire', () => retire(p), {kind: 'danger', testid: 'purpose-retire'}))} : null,
    ].filter(Boolean), purposes, {testid: 'purposes-table', rowTestid: () => 'purpose-row', empty: 'No purpose yet.'});
  }, {testid: 'purposes'});
  root.append(list);

  if (can(...KEEP)) {
    let getCats;
    const form = formView([
      {name: 'key', label: 'Key', required: true, id: 'purpose-key', hint: 'Stable key that records and clients use, e.g. newsletter.'},
      {name: 'name', label: 'Name', required: true, id: 'purpose-name'},
      {name: 'description', label: 'Description', type: 'textarea', required: true, id: 'purpose-description'},
      {name: 'legalBasis', label: 'Legal basis', type: 'select', required: true, id: 'purpose-basis',
        options: BASIS.map(b => ({value: b, label: humanize(b)}))},
      {name: 'ccpa', label: 'CCPA disclosure', type: 'select', id: 'purpose-ccpa',
        options: Object.entries(CCPA).map(([value, label]) => ({value, label}))},
      {name: 'optOutAllowed', label: 'The subject may opt out', type: 'checkbox', id: 'purpose-optout'},
      {name: 'email', label: 'Sent by email (every message carries an unsubscribe link)', type: 'checkbox', id: 'purpose-email'},
    ], async (v) => {
      const p = await api('POST', '/api/v1/consent/purposes', {...v, categories: getCats()});
      toast(`Purpose ${p.key} added. Publish its notice next.`);
      location.hash = `#/consent/purposes/${enc(p.key)}`;
    }, {submitLabel: 'Add purpose', id: 'purpose-form', testid: 'purpose-form'});
    getCats = addChecks(form, {name: 'categories', legend: 'Data categories it uses', options: catOptions, testid: 'purpose-categories'});
    root.append(h('section', {class: 'panel', 'data-testid': 'purpose-add'}, h('h2', null, 'Add a purpose'), form));
  }
}

// ---- one purpose and its notices
async function purposeDetail(root, key) {
  const p = await api('GET', `/api/v1/consent/purposes/${enc(key)}`);
  root.append(h('p', null, h('a', {href: '#/consent/purposes'}, '← All purposes')),
    h('section', {class: 'panel', 'data-testid': 'purpose-detail'}, h('h2', null, p.name),
      dl([
        ['Key', h('code', null, p.key)], ['Description', p.description], ['Legal basis', humanize(p.legalBasis)],
        ['CCPA disclosure', CCPA[p.ccpa] || p.ccpa], ['Opt-out', p.optOutAllowed ? 'Allowed' : 'Not allowed'],
        ['Email', p.email ? 'Yes: every message carries an unsubscribe link' : 'No'], ['Data categories', chips(p.categories)],
        ['Status', p.retired ? h('span', null, badge('Retired', 'neutral'), ' ', timeEl(p.retiredAt), p.retirementReason ? ` — ${p.retirementReason}` : '') : badge('Current', 'ok')],
        ['Added', timeEl(p.createdAt)], ['Changed', timeEl(p.updatedAt)],
      ])));

  let notices = [];
  const result = h('div', {'aria-live': 'polite', 'data-testid': 'notice-result', id: 'notice-result'});
  const versions = panel('Notices', async () => {
    notices = (await api('GET', `/api/v1/consent/purposes/${enc(key)}/notices`)).items;
    if (!notices.length) return h('p', {class: 'empty', 'data-testid': 'notices-empty'}, 'No notice has been published: nothing can be granted until one is.');
    const langs = [...new Set(notices.map(n => n.language))].sort();
    return langs.map(lang => {
      const rows = notices.filter(n => n.language === lang).sort((a, b) => b.version - a.version);
      return h('div', {'data-testid': 'notice-language', 'data-language': lang},
        h('h3', null, `Language ${lang}: ${rows.length} version${rows.length === 1 ? '' : 's'}`),
        table([
          {label: 'Version', class: 'num', render: n => h('span', null, `v${n.version}`, n === rows[0] ? h('span', {class: 'small muted'}, ' (current)') : null)},
          {label: 'Published', render: n => timeEl(n.createdAt)},
          {label: 'Text', render: n => h('details', null, h('summary', null, n.text.length > 90 ? `${n.text.slice(0, 90)}…` : n.text), h('p', {class: 'b-notice-text'}, n.text))},
          {label: 'SHA-256', render: n => h('code', {class: 'small', title: n.contentHash}, n.contentHash.slice(0, 12))},
        ], rows, {testid: `notices-${lang}`, rowTestid: () => 'notice-row'}));
    });
  }, {testid: 'notices'});
  root.append(versions);

  if (can(...KEEP) && !p.retired) {
    const form = formView([
      {name: 'language', label: 'Language', required: true, value: 'en', id: 'notice-language',
        hint: 'A language tag such as en, de or pt-BR.'},
      {name: 'text', label: 'Notice text', type: 'textarea', rows: 8, required: true, id: 'notice-text',
        hint: 'What the subject is shown when asked. A text that differs from the latest version becomes a new version; the same text changes nothing.'},
    ], async (v) => {
      const r = await apiFull('PUT', `/api/v1/consent/purposes/${enc(key)}/notices/${enc(v.language)}`, {text: v.text});
      const n = r.data;
      result.replaceChildren(h('div', {class: r.status === 201 ? 'notice' : 'notice warn', 'data-testid': 'notice-published',
        'data-version': String(n.version), 'data-created': String(r.status === 201)},
        r.status === 201
          ? h('p', null, h('strong', null, `Published version ${n.version}`), ` of the ${n.language} notice.`)
          : h('p', null, h('strong', null, `Unchanged: version ${n.version}`), ` of the ${n.language} notice already has this text, so no new version was made.`)));
      toast(r.status === 201 ? `Notice ${n.language} v${n.version} published.` : `Notice unchanged (v${n.version}).`);
      versions.refresh();
    }, {submitLabel: 'Publish notice', id: 'notice-form', testid: 'notice-form'});
    // Start from the latest text of the chosen language, so an edit is a small change.
    const prefill = () => {
      const latest = notices.filter(n => n.language === form.controls.language.value.trim()).sort((a, b) => b.version - a.version)[0];
      form.controls.text.value = latest ? latest.text : '';
    };
    form.controls.language.addEventListener('change', prefill);
    root.append(h('section', {class: 'panel', 'data-testid': 'notice-publish'}, h('h2', null, 'Publish a notice text'),
      h('div', {class: 'toolbar'}, h('button', {type: 'button', 'data-testid': 'notice-prefill', on: {click: prefill}}, 'Start from the latest text')),
      form, result));
  }
}

// ---- data categories
async function categoriesPage(root) {
  const edit = async (c) => {
    const saved = await dialogForm(`Edit the category “${c.name}”`, [
      {name: 'name', label: 'Name', required: true, value: c.name, id: 'category-edit-name'},
      {name: 'description', label: 'Description', type: 'textarea', required: true, value: c.description, id: 'category-edit-description'},
      {name: 'dataSubjects', label: 'Whose data it is', required: true, value: c.dataSubjects, id: 'category-edit-subjects'},
    ], v => api('PATCH', `/api/v1/consent/data-categories/${enc(c.key)}`, v), {submitLabel: 'Save category', testid: 'category-edit-form'});
    if (saved) { toast(`Category ${saved.key} saved.`); list.refresh(); }
  };
  const retire = async (c) => {
    const reason = await confirmWithText(`Retire the data category “${c.name}”? No purpose may take it on any more. A category that a current purpose uses cannot be retired.`,
      {confirmLabel: 'Retire category', title: 'Retire a data category', testid: 'category-retire-reason'});
    if (reason === null) return;
    await api('POST', `/api/v1/consent/data-categories/${enc(c.key)}/retirement`, {reason});
    toast(`Category ${c.key} retired.`);
    list.refresh();
  };
  const list = panel('Data categories', async () => table([
    {label: 'Category', rowHeader: true, render: c => h('span', null, c.name, h('br'), h('code', {class: 'small'}, c.key))},
    {label: 'Description', key: 'description'},
    {label: 'Whose data', key: 'dataSubjects'},
    {label: 'Status', render: c => c.retired ? h('span', {title: c.retirementReason || ''}, badge('Retired', 'neutral'), h('br'), timeEl(c.retiredAt)) : badge('Current', 'ok')},
    can(...KEEP) ? {label: 'Actions', render: c => c.retired ? '—' : h('div', {class: 'b-row-actions'},
      actionButton('Edit', () => edit(c), {testid: 'category-edit'}),
      actionButton('Retire', () => retire(c), {kind: 'danger', testid: 'category-retire'}))} : null,
  ].filter(Boolean), await categoriesOf(), {testid: 'categories-table', rowTestid: () => 'category-row', empty: 'No data category yet.'}),
  {testid: 'categories'});
  root.append(list);
  if (can(...KEEP)) {
    const form = formView([
      {name: 'key', label: 'Key', required: true, id: 'category-key', hint: 'Stable key, e.g. billing-address.'},
      {name: 'name', label: 'Name', required: true, id: 'category-name'},
      {name: 'description', label: 'Description', type: 'textarea', required: true, id: 'category-description'},
      {name: 'dataSubjects', label: 'Whose data it is', required: true, id: 'category-subjects', hint: 'Website visitors, app users…'},
    ], async (v) => {
      const c = await api('POST', '/api/v1/consent/data-categories', v);
      toast(`Category ${c.key} added. Give it a retention policy (Retention › Policies).`);
      list.refresh();
    }, {submitLabel: 'Add category', id: 'category-form', testid: 'category-form', resetOnSuccess: true});
    root.append(h('section', {class: 'panel', 'data-testid': 'category-add'}, h('h2', null, 'Add a data category'), form));
  }
}

export const section = {
  route: 'consent',
  title: 'Consent',
  roles: ['ADMIN', 'PRIVACY_OFFICER', 'SUPPORT_AGENT', 'AUDITOR'],
  async render(main, params) {
    const list = pages();
    const page = list.some(p => p.path === params[0]) ? params[0] : 'purposes';
    const root = h('div', {class: 'b-stack'});
    main.append(pageTitle('Consent'), subnav('consent', list, page), root);
    if (params[0] && params[0] !== page) {
      root.append(h('p', {class: 'notice warn', 'data-testid': 'page-unavailable'}, 'That page does not exist or is not open to your role; here is the first page of the section.'));
    }
    if (page === 'purposes' && params[1]) await purposeDetail(root, params[1]);
    else if (page === 'purposes') await purposesPage(root);
    else if (page === 'categories') await categoriesPage(root);
    else if (page === 'rates') await ratesPage(root);
    else if (page === 'receipts') await receiptsPage(root);
    else await importPage(root);
  },
};
