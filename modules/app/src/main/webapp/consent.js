/* Steward consent banner. One tag on the vendor's website, no dependencies:
     <script src="https://steward.example.com/consent.js" defer
             data-lang="de" data-purposes="web-analytics,cross-context-advertising" data-privacy-url="/privacy"></script>
   (data-button="false" hides the floating "Privacy choices" button when the site links to Steward.open() itself.)
   It shows the website-visitor purposes with their current notice, records the visitor's choice for a pseudonymous
   device id (first-party cookie steward_device) at the origin it was loaded from, and honours Global Privacy Control
   before showing anything. It renders into a Shadow DOM styled by a constructable stylesheet, which a CSP style-src
   does not block; no innerHTML, no eval, no inline handlers. For the site:
     Steward.allowed('web-analytics') → boolean     Steward.choices() → {key: {status, allowed, locked}}
     Steward.onChange(fn)  Steward.open()  Steward.ready (Promise)  document 'steward:consent' event (detail: choices) */
(() => {
  'use strict';
  const me = document.currentScript;
  if (!me || window.Steward) return;
  const d = document, ds = me.dataset, base = new URL(me.src, location.href).origin;
  const API = base + '/api/v1/public/consent/', lang = (ds.lang || navigator.language || 'en').toLowerCase();
  const only = ds.purposes ? ds.purposes.split(',').map(s => s.trim()).filter(Boolean) : null;
  const YES = ['GRANTED', 'OPTED_IN'], NO = ['WITHDRAWN', 'OPTED_OUT', 'OBJECTED'];
  let purposes = [], states = {}, gpc = navigator.globalPrivacyControl === true, root, sheetless, done;
  const listeners = [], ready = new Promise(r => { done = r; });

  // A random, pseudonymous id: 24 bytes are 32 base64url characters. 13 months, as consent is asked again then.
  const id = (() => {
    const m = d.cookie.match(/(?:^|;\s*)steward_device=([\w-]{32})(?:;|$)/);
    if (m) return m[1];
    const v = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24)))).replace(/\+/g, '-').replace(/\//g, '_');
    d.cookie = 'steward_device=' + v + '; Path=/; Max-Age=34128000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
    return v;
  })();

  const call = body => fetch(API + 'devices/' + id, {
    method: body ? 'POST' : 'GET', mode: 'cors', credentials: 'omit', cache: 'no-store',
    headers: body ? {'Content-Type': 'application/json'} : {}, body: body && JSON.stringify({choices: body})
  }).then(r => r.json().then(j => (r.ok ? j : Promise.reject(j))));

  // The notice in the visitor's language, else its primary language, else English; none: nothing can be granted.
  const notice = p => {
    const ns = p.notices || [], f = l => ns.find(n => n.language.toLowerCase() === l);
    return f(lang) || f(lang.split('-')[0]) || f('en') || null;
  };
  const sharing = p => p.ccpa === 'SHARING';
  const locked = p => p.ccpa === 'SALE' || (gpc && sharing(p));
  // ConsentRules: a consent is granted and withdrawn (sharing is opted out of, for the CCPA too); the rest opted in/out.
  const act = (p, yes) => p.legalBasis === 'CONSENT' ? (yes ? 'GRANT' : sharing(p) ? 'OPT_OUT' : 'WITHDRAW') : yes ? 'OPT_IN' : 'OPT_OUT';
  const canYes = p => !locked(p) && (p.legalBasis !== 'CONSENT' || !!notice(p));
  const status = k => (states[k] && !states[k].expired ? states[k].status : 'NONE');
  const isYes = p => {
    const s = states[p.key], n = notice(p);
    if (!YES.includes(status(p.key))) return false;
    // A grant of an older version of the notice shown now is asked again.
    return !(s.status === 'GRANTED' && n && s.noticeLanguage === n.language && s.noticeVersion < n.version);
  };
  // As the server decides (DecisionRules, with GDPR's strictness for sharing): a consent needs a grant, the rest an
  // absence of an opt-out. A sale or a GPC-refused sharing never.
  const allowed = k => {
    const p = purposes.find(x => x.key === k);
    if (!p || locked(p)) return false;
    return p.legalBasis === 'CONSENT' ? status(k) === 'GRANTED' : !NO.includes(status(k));
  };
  const on = p => canYes(p) && (p.legalBasis === 'CONSENT' ? isYes(p) : !NO.includes(status(p.key)));
  const choices = () => Object.fromEntries(purposes.map(p => [p.key, {status: status(p.key), allowed: allowed(p.key), locked: locked(p)}]));
  // Shown while a purpose was never chosen (or its grant expired), or was granted on an older notice.
  const pending = () => purposes.some(p => !locked(p) && (status(p.key) === 'NONE' || (status(p.key) === 'GRANTED' && !isYes(p))));

  function el(tag, a, ...kids) {
    const e = d.createElement(tag);
    for (const k in a || {}) {
      const v = a[k];
      if (v == null || v === false) continue;
      if (k === 'on') e.addEventListener('click', v);
      else if (k === 'checked' || k === 'disabled' || k === 'hidden') e[k] = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    e.append(...kids.filter(x => x != null && x !== false));
    return e;
  }

  const CSS = ':host{all:initial}'
    + '.w{position:fixed;z-index:2147483646;left:0;right:0;bottom:0;padding:0 12px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24}'
    + 'section{box-sizing:border-box;margin:0 auto 12px;max-width:46rem;max-height:85vh;overflow:auto;background:#fff;border:2px solid #1b1f24;border-radius:8px;padding:16px 20px;box-shadow:0 4px 24px rgba(0,0,0,.3)}'
    + 'h2{font-size:18px;line-height:1.3;margin:0 0 8px}p{margin:0 0 10px}a{color:#0b57d0}'
    + 'ul{list-style:none;margin:0 0 12px;padding:0}'
    + 'li{display:grid;grid-template-columns:22px 1fr;gap:0 10px;padding:8px 0;border-top:1px solid #c9d1d9}'
    + 'li p{grid-column:2;margin:2px 0 0;font-size:14px;color:#4b5563}'
    + 'input{width:20px;height:20px;margin:2px 0 0;accent-color:#0b57d0}label{font-weight:600}'
    + '.b{display:flex;flex-wrap:wrap;gap:8px}'
    + 'button{font:inherit;font-weight:600;cursor:pointer;padding:8px 16px;border-radius:4px;border:2px solid #0b57d0;background:#0b57d0;color:#fff}'
    + 'button.s{background:#fff;color:#0b57d0}'
    + '#steward-gpc-note{border-left:4px solid #17622f;background:#edf7f0;padding:8px 12px}'
    + '.e{color:#b3261e;font-weight:600}.e:empty{display:none}'
    + '#steward-reopen{position:fixed;z-index:2147483646;left:12px;bottom:12px;font:600 14px/1.2 system-ui,sans-serif;padding:8px 12px;background:#fff;color:#0b57d0;box-shadow:0 2px 8px rgba(0,0,0,.25)}'
    + ':focus-visible{outline:3px solid #1b1f24;outline-offset:2px;box-shadow:0 0 0 2px #ffbf47}section:focus{outline:none}'
    + '@media(max-width:480px){.w{padding:0}section{margin:0;border-radius:0;border-width:2px 0 0}.b button{flex:1 1 100%}}';

  // Without constructable stylesheets: the rules with plain selectors, set through CSSOM (allowed under any CSP).
  const cssom = () => CSS.split('@media')[0].split('}').forEach(r => {
    const [s, v] = r.split('{');
    if (v && !/[:@]/.test(s)) root.querySelectorAll(s).forEach(e => { e.style.cssText += ';' + v; });
  });

  function mount() {
    const host = el('div', {id: 'steward-consent'});
    d.body.append(host);
    root = host.attachShadow({mode: 'open'});
    try {
      const s = new CSSStyleSheet();
      s.replaceSync(CSS);
      root.adoptedStyleSheets = [s];
    } catch (e) { sheetless = true; }
  }

  function render(show) {
    const box = [];
    if (show) {
      const any = purposes.some(canYes); // nothing to accept: no accept buttons
      const list = purposes.map(p => {
        const n = notice(p), k = 'steward-purpose-' + p.key, why = p.ccpa === 'SALE' ? 'We never sell personal data.'
          : locked(p) ? 'Refused: your browser sent a Global Privacy Control signal.'
          : !canYes(p) ? 'Cannot be switched on yet: its notice is not published.' : null;
        return el('li', {}, el('input', {type: 'checkbox', id: k, checked: on(p), disabled: !canYes(p),
          'aria-describedby': k + '-d'}), el('label', {for: k}, p.name),
        el('p', {id: k + '-d'}, n ? n.text : p.description, why ? el('br') : null, why));
      });
      box.push(el('div', {class: 'w'}, el('section', {role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'steward-title',
        'aria-describedby': 'steward-intro', tabindex: '-1', id: 'steward-banner'},
      el('h2', {id: 'steward-title'}, 'Privacy choices'),
      el('p', {id: 'steward-intro'}, 'We would like to use your data for the purposes below. Choose what you allow; you can change it at any time under “Privacy choices”. ',
        el('a', {href: ds.privacyUrl || base + '/privacy/', target: '_blank', rel: 'noopener'}, 'Privacy notice')),
      purposes.some(p => gpc && sharing(p)) ? el('p', {id: 'steward-gpc-note', role: 'note'},
        'Your browser sent a Global Privacy Control signal, so we do not sell or share your personal information for cross-context advertising.') : null,
      el('ul', {}, ...list),
      el('p', {class: 'e', role: 'alert', id: 'steward-error'}),
      el('div', {class: 'b'},
        el('button', {type: 'button', id: 'steward-reject-all', on: () => record(() => false)}, 'Reject all'),
        any ? el('button', {type: 'button', id: 'steward-save', class: 's', on: () => record(p => root.getElementById('steward-purpose-' + p.key).checked)}, 'Save my choices') : null,
        any ? el('button', {type: 'button', id: 'steward-accept-all', on: () => record(() => true)}, 'Accept all') : null,
        pending() ? null : el('button', {type: 'button', id: 'steward-close', class: 's', on: () => render(false)}, 'Close')))));
    } else if (ds.button !== 'false') {
      box.push(el('button', {type: 'button', id: 'steward-reopen', class: 's', 'aria-haspopup': 'dialog', on: () => render(true)}, 'Privacy choices'));
    }
    const had = root.activeElement;
    root.replaceChildren(...box);
    if (sheetless) cssom();
    const dlg = root.getElementById('steward-banner'), again = root.getElementById('steward-reopen');
    if (dlg) {
      dlg.addEventListener('keydown', e => { if (e.key === 'Escape' && !pending()) render(false); });
      dlg.focus({preventScroll: true});
    } else if (had && again) again.focus();
  }

  // want(p): true to allow. Only what changes is sent; the answer is the new state.
  function record(want) {
    const body = [];
    for (const p of purposes) {
      const yes = canYes(p) && want(p);
      if (yes ? isYes(p) : NO.includes(status(p.key))) continue;
      const n = notice(p), a = act(p, yes);
      body.push(a === 'GRANT' ? {purpose: p.key, action: a, noticeVersion: n.version, noticeLanguage: n.language} : {purpose: p.key, action: a});
    }
    (body.length ? call(body).then(apply).then(changed) : Promise.resolve()).then(() => render(false), e => {
      root.getElementById('steward-error').textContent = 'Your choices could not be saved'
        + (e && e.detail ? ': ' + e.detail : '') + '. Please try again.';
    });
  }

  const apply = a => {
    (a.choices || []).forEach(s => { states[s.purpose] = s; });
    gpc = gpc || a.gpc === true;
  };
  const changed = () => {
    const c = choices();
    listeners.forEach(fn => { try { fn(c); } catch (e) { setTimeout(() => { throw e; }); } });
    d.dispatchEvent(new CustomEvent('steward:consent', {detail: c}));
  };

  window.Steward = {
    choices, allowed, ready, deviceId: id,
    open: () => ready.then(() => root && render(true)),
    onChange: fn => { listeners.push(fn); }
  };

  async function start() {
    const [list, mine] = await Promise.all([
      fetch(API + 'purposes', {mode: 'cors', credentials: 'omit'}).then(r => (r.ok ? r.json() : Promise.reject(r.status))), call()]);
    purposes = list.items.filter(p => (only ? only.includes(p.key) : (p.categories || []).includes('website-visitor'))
      && (p.legalBasis === 'CONSENT' || p.optOutAllowed));
    apply(mine);
    // GPC is an opt-out of sharing: recorded before anything is shown (the server did already if it saw Sec-GPC: 1).
    const gpcOut = gpc ? purposes.filter(p => sharing(p) && status(p.key) !== 'OPTED_OUT') : [];
    if (gpcOut.length) {
      apply(await call(gpcOut.map(p => ({purpose: p.key, action: 'OPT_OUT'}))));
      changed();
    }
    mount();
    render(purposes.length > 0 && pending());
  }

  const go = () => start().catch(e => console.warn('Steward consent: not available', e)).finally(() => done(choices()));
  d.readyState === 'loading' ? d.addEventListener('DOMContentLoaded', go) : go();
})();
