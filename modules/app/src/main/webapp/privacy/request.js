// The request form. Without JavaScript it posts form-encoded to the server, which answers HTML pages; with it, the
// same request goes as JSON (POST /api/v1/requests), then the emailed code (POST /api/v1/requests/{id}/verification)
// is entered here, and the answer's status token is shown once.
import {h, api, showProblem, clearErrors, focusHeading, announce, fmtDate, saved, STATE_TEXT} from './privacy.js';

const $ = id => document.getElementById(id);
const form = $('request-form');
const codeForm = $('code-form');
const TYPES = ['ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'PORTABILITY', 'WITHDRAW_CONSENT', 'COMPLAINT'];
const CORRECTIONS = ['email', 'username', 'accountId', 'displayName'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

let purposes = null;
let requestId = null;
const wanted = new Set(new URLSearchParams(location.search).getAll('purpose'));

form.noValidate = true; // our messages, tied to the fields, instead of the browser's bubbles
codeForm.noValidate = true;

const typeOf = () => (form.querySelector('input[name="type"]:checked') || {}).value || null;

/** OBJECTION is Art. 21: legitimate interest only. A withdrawal stops a consent, or opts out where one may. */
function applies(p, type) {
  return type === 'OBJECTION' ? p.legalBasis === 'LEGITIMATE_INTEREST' : p.legalBasis === 'CONSENT' || p.optOutAllowed;
}

function renderPurposes() {
  const box = $('purpose-list');
  const type = typeOf();
  if (purposes === null) return;
  const checked = new Set([...box.querySelectorAll('input:checked')].map(i => i.value));
  wanted.forEach(k => checked.add(k));
  wanted.clear();
  const shown = purposes.filter(p => applies(p, type));
  box.replaceChildren(...(shown.length ? shown.map(p => h('div', {class: 'choice'},
    h('input', {type: 'checkbox', name: 'purposes', value: p.key, id: 'purpose-' + p.key,
      'aria-describedby': 'purpose-hint-' + p.key, checked: checked.has(p.key)}),
    h('span', {}, h('label', {for: 'purpose-' + p.key}, p.name),
      h('span', {class: 'hint', id: 'purpose-hint-' + p.key}, p.description))))
    : [h('p', {}, 'There is no use of this kind: your request will cover every use it can apply to.')]));
}

function showDetails() {
  const type = typeOf();
  document.querySelectorAll('[data-for]').forEach(el => { el.hidden = !type || !el.dataset.for.split(' ').includes(type); });
  renderPurposes();
}

function fieldFor(f) {
  if (!f) return null;
  if (f === 'type') return $('type-group');
  if (f === 'jurisdiction') return $('jurisdiction');
  if (f === 'subject' || f.startsWith('subject.') || f === 'contactEmail' || f === 'email') return $('email');
  if (f.startsWith('details.corrections')) return $('correction-' + f.split('.')[2]) || $('details-RECTIFICATION');
  if (f.startsWith('details.purposes') || f === 'purposes') return $('details-purposes');
  if (f === 'details.complaint') return $('complaint');
  if (f === 'details.lift') return $('lift');
  return null;
}

function validate() {
  const type = typeOf(), errors = [];
  const add = (field, message) => errors.push({field, message});
  if (!type) add('type', 'Choose what you would like to do');
  if (!$('jurisdiction').value) add('jurisdiction', 'Choose the law that applies to you');
  const email = $('email').value.trim();
  if (!email) add('subject.email', 'Enter your email address');
  else if (!EMAIL.test(email)) add('subject.email', 'Enter an email address like name@example.com');
  if (type === 'RECTIFICATION') {
    if (!CORRECTIONS.some(k => $('correction-' + k).value.trim())) add('details.corrections', 'Fill in at least one value to correct');
    const c = $('correction-email').value.trim();
    if (c && !EMAIL.test(c)) add('details.corrections.email', 'Enter an email address like name@example.com');
  }
  if (type === 'COMPLAINT' && !$('complaint').value.trim()) add('details.complaint', 'Say what your complaint is about');
  return errors;
}

function body() {
  const type = typeOf(), details = {};
  if (type === 'RECTIFICATION') {
    details.corrections = {};
    CORRECTIONS.forEach(k => { const v = $('correction-' + k).value.trim(); if (v) details.corrections[k] = v; });
  }
  if (type === 'OBJECTION' || type === 'WITHDRAW_CONSENT') {
    const keys = [...$('purpose-list').querySelectorAll('input:checked')].map(i => i.value);
    if (keys.length) details.purposes = keys;
  }
  if (type === 'COMPLAINT') details.complaint = $('complaint').value.trim();
  if (type === 'RESTRICTION' && $('lift').checked) details.lift = true;
  return {type, jurisdiction: $('jurisdiction').value, subject: {email: $('email').value.trim()},
    ...(Object.keys(details).length ? {details} : {})};
}

/** Runs `work` with the button showing that something happens, and no double submit. */
async function busy(button, text, work) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = text;
  try { return await work(); } finally { button.disabled = false; button.textContent = label; }
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  clearErrors(form);
  const errors = validate();
  if (errors.length) {
    showProblem($('problem'), {problem: {title: 'Some answers need a change', errors}}, fieldFor);
    return;
  }
  await busy($('file-request'), 'Sending…', async () => {
    try {
      const filed = await api('POST', '/api/v1/requests', body());
      $('problem').hidden = true;
      if (filed.statusToken) done({...filed, statusToken: filed.statusToken});
      else askCode(filed);
    } catch (err) {
      showProblem($('problem'), err, fieldFor);
    }
  });
});

function askCode(filed) {
  requestId = filed.id;
  codeForm.action = '/api/v1/requests/' + encodeURIComponent(filed.id) + '/verification/form';
  $('code-email').textContent = $('email').value.trim();
  $('code-joined').hidden = !filed.joinedOpenRequest;
  $('step-form').hidden = true;
  $('step-code').hidden = false;
  document.title = 'Check your email — ' + document.title.split(' — ').pop();
  focusHeading($('code-title'));
}

/** The code's refusals name the field "code" with a reason word (code-wrong); the detail is what a person reads. */
function codeProblem(err) {
  const p = err.problem || {};
  const errors = (p.errors || []).map(fe => fe.field === 'code' && /^[a-z-]+$|^no codes left$/.test(fe.message)
    ? {field: 'code', message: p.detail || fe.message} : fe);
  showProblem($('code-problem'), {problem: {...p, errors, title: errors.length ? null : p.title, detail: errors.length ? null : p.detail}},
    f => (f === 'code' ? $('code') : null));
}

codeForm.addEventListener('submit', async e => {
  e.preventDefault();
  clearErrors(codeForm);
  const code = $('code').value.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) {
    codeProblem({problem: {title: 'Check the code', errors: [{field: 'code', message: 'Enter the 6 digits from the email'}]}});
    return;
  }
  await busy($('verify'), 'Checking…', async () => {
    try {
      done(await api('POST', '/api/v1/requests/' + encodeURIComponent(requestId) + '/verification', {code}));
    } catch (err) {
      codeProblem(err);
    }
  });
});

$('resend').addEventListener('click', e => busy(e.currentTarget, 'Sending…', async () => {
  clearErrors(codeForm);
  try {
    await api('POST', '/api/v1/requests/' + encodeURIComponent(requestId) + '/verification/code');
    $('code-problem').hidden = true;
    $('code').value = '';
    $('code').focus();
    announce('A new code is on its way. The earlier code no longer works.');
  } catch (err) {
    codeProblem(err);
  }
}));

function done(st) {
  saved.set(st.id, st.statusToken);
  $('request-id').textContent = st.id;
  $('status-token').textContent = st.statusToken;
  $('done-state').textContent = STATE_TEXT[st.state] || st.state || '—';
  $('done-due').textContent = fmtDate(st.dueOn) + (st.extended ? ' (extended)' : '');
  $('done-next').textContent = st.type === 'ACCESS' || st.type === 'PORTABILITY'
    ? 'When your data is ready we email you a download link. It works once, within 5 days.'
    : 'We email you when your request is done.';
  $('step-form').hidden = true;
  $('step-code').hidden = true;
  $('step-done').hidden = false;
  document.title = 'Request confirmed — ' + document.title.split(' — ').pop();
  focusHeading($('done-title'));
}

document.querySelectorAll('button.copy').forEach(b => b.addEventListener('click', async () => {
  const text = $(b.dataset.copy).textContent;
  try { await navigator.clipboard.writeText(text); announce('Copied'); } catch (e) { announce('Select the text and copy it'); }
}));

form.addEventListener('change', e => { if (e.target.name === 'type') showDetails(); });

const preset = new URLSearchParams(location.search).get('type');
if (TYPES.includes(preset)) $('type-' + preset).checked = true;
showDetails();

api('GET', '/api/v1/public/consent/purposes').then(list => {
  purposes = list.items;
  renderPurposes();
}).catch(() => {
  $('purpose-list').replaceChildren(h('p', {class: 'error'},
    'We could not load the list of uses. Tick nothing to cover every use this request can apply to.'));
});
