// This browser's choices (the website-visitor purposes), recorded for the device id of the banner's cookie through
// GET/POST /api/v1/public/consent/devices/{deviceId}. Global Privacy Control refuses sale and sharing: the server
// records it when the browser sends Sec-GPC: 1; a page that sees navigator.globalPrivacyControl but whose request
// carried no header (an extension, a test) records the opt-out itself. Account choices go through the request form.
import {h, api, showProblem, focusHeading, deviceId} from './privacy.js';

const $ = id => document.getElementById(id);
const form = $('device-form');
const id = deviceId();
const path = '/api/v1/public/consent/devices/' + encodeURIComponent(id);
const YES = ['GRANTED', 'OPTED_IN'], NO = ['WITHDRAWN', 'OPTED_OUT', 'OBJECTED'];

let purposes = [];  // website-visitor purposes that a visitor can choose about
let states = {};    // purpose key → ConsentState
let gpc = false;

const sharing = p => p.ccpa === 'SHARING' || p.ccpa === 'SALE';
const notice = p => (p.notices || []).find(n => n.language === 'en') || (p.notices || [])[0] || null;

/** The actions that mean yes and no for a purpose (ConsentRules): a consent is granted and withdrawn; sharing is
 *  opted out of under the CCPA; a legitimate interest is opted out of and back in. */
function actions(p) {
  if (p.legalBasis === 'CONSENT') return {yes: 'GRANT', no: sharing(p) ? 'OPT_OUT' : 'WITHDRAW'};
  return {yes: 'OPT_IN', no: 'OPT_OUT'};
}

function stateText(st) {
  if (!st || st.status === 'NONE') return 'Not chosen yet';
  if (st.expired) return 'Your earlier consent has expired';
  const by = st.source === 'GPC' ? ' (by your browser’s Global Privacy Control signal)' : '';
  return (YES.includes(st.status) ? 'Allowed' : 'Not allowed') + (st.changedAt ? ' since ' + new Date(st.changedAt).toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'}) : '') + by;
}

function choice(p) {
  const st = states[p.key], n = notice(p), a = actions(p);
  const k = p.key, locked = gpc && sharing(p);
  const canYes = p.ccpa !== 'SALE' && !locked && (a.yes !== 'GRANT' || n);
  const now = st && !st.expired ? (YES.includes(st.status) ? 'yes' : NO.includes(st.status) ? 'no' : null) : null;
  const yesLabel = sharing(p) ? 'Allow sharing for advertising' : 'Allow';
  const noLabel = sharing(p) ? 'Do not sell or share my personal information' : 'Do not allow';
  const why = p.ccpa === 'SALE' ? 'We never sell personal data.'
    : locked ? 'Refused: your browser sent a Global Privacy Control signal.'
    : !canYes ? 'This cannot be switched on yet: we have not published the text you would agree to.' : null;
  return h('fieldset', {class: 'box', id: 'pref-' + k, 'aria-describedby': 'pref-' + k + '-text pref-' + k + '-now'},
    h('legend', {}, p.name),
    h('p', {id: 'pref-' + k + '-text'}, n ? n.text : p.description),
    h('p', {class: 'hint', id: 'pref-' + k + '-now'}, 'Now: ' + stateText(st)),
    h('div', {class: 'choice'},
      h('input', {type: 'radio', name: 'pref-' + k, id: 'pref-' + k + '-yes', value: 'yes', disabled: !canYes,
        checked: now === 'yes' && canYes, 'aria-describedby': why ? 'pref-' + k + '-why' : null}),
      h('span', {}, h('label', {for: 'pref-' + k + '-yes'}, yesLabel),
        why ? h('span', {class: 'hint', id: 'pref-' + k + '-why'}, why) : null)),
    h('div', {class: 'choice'},
      h('input', {type: 'radio', name: 'pref-' + k, id: 'pref-' + k + '-no', value: 'no', checked: now === 'no' || locked}),
      h('label', {for: 'pref-' + k + '-no'}, noLabel)));
}

function render() {
  const box = $('device-choices');
  box.removeAttribute('aria-busy');
  box.replaceChildren(...(purposes.length ? purposes.map(choice) : [h('p', {}, 'Our website asks for no choices.')]));
  $('save-device').hidden = !purposes.length;
  form.hidden = false;
  $('gpc-note').hidden = !gpc;
  $('gpc-how').textContent = gpc ? 'The choice “Do not sell or share my personal information” below is set for you.' : '';
}

function apply(answer) {
  states = Object.fromEntries((answer.choices || []).map(s => [s.purpose, s]));
  gpc = gpc || answer.gpc === true;
}

async function post(choices) {
  apply(await api('POST', path, {choices}));
}

/** GPC that the server did not see in a header: record the opt-out of every sharing purpose not yet opted out. */
async function honourGpc() {
  const todo = purposes.filter(p => sharing(p) && !(states[p.key] && states[p.key].status === 'OPTED_OUT'));
  if (todo.length) await post(todo.map(p => ({purpose: p.key, action: 'OPT_OUT'})));
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  const changes = [];
  for (const p of purposes) {
    const picked = (form.querySelector('input[name="pref-' + p.key + '"]:checked') || {}).value;
    if (!picked) continue;
    const st = states[p.key], was = st && !st.expired ? (YES.includes(st.status) ? 'yes' : NO.includes(st.status) ? 'no' : null) : null;
    if (picked === was) continue;
    const a = actions(p)[picked], n = notice(p);
    changes.push(a === 'GRANT' ? {purpose: p.key, action: a, noticeVersion: n.version, noticeLanguage: n.language} : {purpose: p.key, action: a});
  }
  const b = $('save-device');
  b.disabled = true;
  try {
    if (changes.length) await post(changes);
    $('device-problem').hidden = true;
    render();
    $('device-result-text').textContent = changes.length
      ? changes.length + (changes.length === 1 ? ' choice was' : ' choices were') + ' recorded, each with a signed receipt. '
        + 'Our website and its cookie banner use them from now on.'
      : 'Nothing had changed.';
    $('device-result').hidden = false;
    focusHeading($('device-result-title'));
  } catch (err) {
    showProblem($('device-problem'), err, f => {
      const m = /^choices\[(\d+)\]/.exec(f || '');
      return m && changes[+m[1]] ? $('pref-' + changes[+m[1]].purpose) : null;
    });
  } finally {
    b.disabled = false;
  }
});

(async () => {
  try {
    const [list, answer] = await Promise.all([api('GET', '/api/v1/public/consent/purposes'), api('GET', path)]);
    purposes = list.items.filter(p => (p.categories || []).includes('website-visitor') && (p.optOutAllowed || p.legalBasis === 'CONSENT'));
    gpc = navigator.globalPrivacyControl === true;
    apply(answer);
    if (gpc) await honourGpc();
    render();
  } catch (err) {
    $('device-choices').removeAttribute('aria-busy');
    showProblem($('device-problem'), err);
  }
})();
