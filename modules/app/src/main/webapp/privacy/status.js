// A requester's view of their request: GET /api/v1/requests/{id}/status with the status token in X-Request-Token,
// and cancellation (POST /api/v1/requests/{id}/cancellation) after a confirmation. The id and token live in
// sessionStorage only, never in the URL.
import {h, api, showProblem, clearErrors, focusHeading, announce, fmtDate, fmtDateTime, saved,
  TYPE_TEXT, STATE_TEXT, OUTCOME_TEXT} from './privacy.js';

const $ = id => document.getElementById(id);
const form = $('status-form');
const CANCELLABLE = ['RECEIVED', 'VERIFYING', 'VERIFIED'];
let current = null; // {id, token}

form.hidden = false;

function render(st, moveFocus) {
  const pairs = [
    ['Request ID', h('code', {}, st.id)],
    ['Request', TYPE_TEXT[st.type] || st.type || '—'],
    ['Status', STATE_TEXT[st.state] || st.state || '—'],
    ['Received', fmtDateTime(st.receivedAt)],
    ['Answer due by', st.dueOn ? fmtDate(st.dueOn) + (st.extended ? ' (extended: we emailed you the reason)' : '') : '—'],
    st.closedAt ? ['Closed', fmtDateTime(st.closedAt)] : null,
    st.outcome ? ['Outcome', OUTCOME_TEXT[st.outcome] || st.outcome] : null,
    st.denialGround ? ['Why we refused', st.denialGround] : null
  ].filter(Boolean);
  $('status-facts').replaceChildren(...pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));

  const notes = [];
  const exportType = st.type === 'ACCESS' || st.type === 'PORTABILITY';
  if (exportType && st.state === 'COMPLETED' && (st.outcome === 'COMPLIED' || st.outcome === 'PARTIALLY_COMPLIED')) {
    notes.push(h('div', {class: 'callout ok'}, h('p', {}, h('strong', {}, 'Your data is ready. '),
      'We emailed you a download link. It works once, for 5 days after the email. For your safety the file can only '
      + 'be downloaded from that link, not from this page.')));
  } else if (exportType && ['VERIFIED', 'IN_PROGRESS'].includes(st.state)) {
    notes.push(h('p', {}, 'When your data is ready we email you a download link. It works once, for 5 days.'));
  }
  if (st.state === 'VERIFYING') notes.push(h('p', {}, 'Enter the code we emailed you on the request page to confirm it.'));
  if (st.complaintNotice) notes.push(h('div', {class: 'callout'}, h('p', {}, st.complaintNotice)));
  if (st.state === 'DENIED' && !st.complaintNotice) {
    notes.push(h('p', {}, 'If you disagree, you can ', h('a', {href: 'request.html?type=COMPLAINT'}, 'complain to us'),
      ' or to a data protection authority.'));
  }
  $('status-notes').replaceChildren(...notes);

  $('cancel').hidden = !CANCELLABLE.includes(st.state);
  $('cancel-confirm').hidden = true;
  $('status').hidden = false;
  $('status-title').textContent = (TYPE_TEXT[st.type] ? TYPE_TEXT[st.type] + ': ' : 'Your request: ')
    + (STATE_TEXT[st.state] || st.state || '').toLowerCase();
  if (moveFocus) focusHeading($('status-title'));
  else announce('Status: ' + (STATE_TEXT[st.state] || st.state));
}

const fieldFor = f => (f === 'id' ? $('lookup-id') : f === 'token' || f === 'X-Request-Token' ? $('lookup-token') : null);

async function load(id, token, moveFocus) {
  clearErrors(form);
  try {
    const st = await api('GET', '/api/v1/requests/' + encodeURIComponent(id) + '/status', undefined, {'X-Request-Token': token});
    current = {id, token};
    saved.set(id, token);
    $('problem').hidden = true;
    render(st, moveFocus);
  } catch (err) {
    $('status').hidden = true;
    if (err.status === 404) err.problem = {...err.problem, detail: 'We found no request with this ID and token. Check both and try again.'};
    showProblem($('problem'), err, fieldFor);
  }
}

form.addEventListener('submit', e => {
  e.preventDefault();
  clearErrors(form);
  const id = $('lookup-id').value.trim(), token = $('lookup-token').value.trim(), errors = [];
  if (!id) errors.push({field: 'id', message: 'Enter the request ID'});
  if (!token) errors.push({field: 'token', message: 'Enter the status token'});
  if (errors.length) return showProblem($('problem'), {problem: {title: 'Some answers need a change', errors}}, fieldFor);
  const b = $('check');
  b.disabled = true;
  load(id, token, true).finally(() => { b.disabled = false; });
});

$('refresh').addEventListener('click', () => current && load(current.id, current.token, false));

$('cancel').addEventListener('click', () => {
  $('cancel-confirm').hidden = false;
  $('cancel-yes').focus();
});
$('cancel-no').addEventListener('click', () => {
  $('cancel-confirm').hidden = true;
  $('cancel').focus();
});
$('cancel-confirm').addEventListener('keydown', e => { if (e.key === 'Escape') $('cancel-no').click(); });
$('cancel-yes').addEventListener('click', async e => {
  e.currentTarget.disabled = true;
  try {
    const st = await api('POST', '/api/v1/requests/' + encodeURIComponent(current.id) + '/cancellation', undefined,
      {'X-Request-Token': current.token});
    render(st, true);
    announce('Your request is cancelled.');
  } catch (err) {
    showProblem($('problem'), err);
  } finally {
    $('cancel-yes').disabled = false;
  }
});

$('forget').addEventListener('click', () => {
  saved.clear();
  current = null;
  $('lookup-id').value = '';
  $('lookup-token').value = '';
  $('status').hidden = true;
  $('lookup-id').focus();
  announce('Forgotten. The request itself is not affected.');
});

const s = saved.get();
if (s && s.id && s.token) {
  $('lookup-id').value = s.id;
  $('lookup-token').value = s.token;
  load(s.id, s.token, false);
}
