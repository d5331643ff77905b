// #/audit — the hash-chained audit log, filtered and paged, and the verification of the whole chain.

import {api, ApiError, qs} from '../api.js';
import {h, badge, pageTitle, panel, problemView, table, timeEl, toast} from '../ui.js';
import {can, fetchAll, isoFromLocal, localFromIso, pagedTable, verdict, errorText} from './_b.js';

const OUTCOME = {SUCCESS: 'ok', FAILURE: 'warn', DENIED: 'danger'};

// The recorded runs of "verify chain" (newest first); a server without the endpoint (404) shows nothing.
function runsView(actors) {
  const box = h('div', {'data-testid': 'chain-runs', 'aria-live': 'polite'});
  box.refresh = async () => {
    let runs;
    try {
      runs = await api('GET', '/api/v1/audit/verifications' + qs({limit: 10}));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { box.replaceChildren(); return; }
      box.replaceChildren(problemView(e));
      return;
    }
    box.replaceChildren(h('h3', null, 'Recent verifications'), table([
      {label: 'When', render: r => timeEl(r.verifiedAt)},
      {label: 'By', render: r => actors.get(r.actor) || h('code', {title: r.actor}, String(r.actor).slice(0, 8))},
      {label: 'Result', render: r => r.valid ? badge('Intact', 'ok') : badge(`Broken at #${r.firstBroken ? r.firstBroken.seq : '?'}`, 'danger')},
      {label: 'Entries checked', class: 'num', render: r => String(r.checked)},
      {label: 'Reason', render: r => (r.firstBroken ? r.firstBroken.reason : '—')},
    ], runs, {testid: 'chain-runs-table', empty: 'The chain has not been verified yet.'}));
  };
  return box;
}

function chainPanel(runs) {
  const result = h('div', {id: 'chain-result', 'data-testid': 'chain-result', 'aria-live': 'polite'});
  const btn = h('button', {type: 'button', class: 'primary', id: 'verify-chain', 'data-testid': 'verify-chain'}, 'Verify chain');
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    result.replaceChildren(h('p', {class: 'muted'}, 'Recomputing every entry’s hash…'));
    try {
      const v = await api('POST', '/api/v1/audit/verify');
      result.replaceChildren(v.valid
        ? verdict(true, 'The chain is intact', `${v.checked} entries checked: every hash matches its content and the entry before it.`,
          {testid: 'chain-verdict'})
        : verdict(false, `The chain is broken at entry #${v.firstBroken ? v.firstBroken.seq : '?'}`, [
          v.firstBroken ? h('p', null, 'Reason: ', h('strong', {'data-testid': 'chain-broken-reason'}, v.firstBroken.reason)) : null,
          `${v.checked} entries before it were verified intact. Entries from #${v.firstBroken ? v.firstBroken.seq : '?'} on cannot be trusted.`,
        ].filter(Boolean), {testid: 'chain-verdict'}));
      result.dataset.valid = String(!!v.valid);
      toast(v.valid ? `Audit chain intact (${v.checked} entries).` : 'Audit chain broken: see the result.', v.valid ? 'info' : 'danger');
    } catch (e) {
      result.replaceChildren(verdict(false, 'The chain could not be verified', errorText(e), {testid: 'chain-verdict'}));
    } finally {
      btn.disabled = false;
      runs.refresh();
    }
  });
  return h('section', {class: 'panel', 'data-testid': 'chain-panel'},
    h('div', {class: 'panel-head'}, h('h2', null, 'Chain integrity')),
    h('p', null, 'Each entry carries the SHA-256 of its content and of the entry before it. Verifying recomputes the whole chain and names the first entry that is missing, misplaced or altered.'),
    h('div', {class: 'toolbar'}, btn), result, runs);
}

export const section = {
  route: 'audit',
  title: 'Audit',
  roles: ['ADMIN', 'AUDITOR'],
  async render(main) {
    // Actor ids are user or API key ids: name them when this role may list them.
    const actors = new Map();
    if (can('ADMIN', 'AUDITOR')) {
      const [users, keys] = await Promise.all([
        fetchAll('/api/v1/users').catch(() => []), fetchAll('/api/v1/api-keys').catch(() => [])]);
      users.forEach(u => actors.set(u.id, `${u.username} (user)`));
      keys.forEach(k => actors.set(k.id, `${k.name} (API key)`));
    }
    const runs = runsView(actors);
    const root = h('div', {class: 'b-stack'}, chainPanel(runs));
    main.append(pageTitle('Audit log'), root);
    runs.refresh();
    const actionsSeen = new Set();
    const typesSeen = new Set();
    const actionList = h('datalist', {id: 'audit-actions'});
    const typeList = h('datalist', {id: 'audit-types'});
    const actorList = h('datalist', {id: 'audit-actors'}, [...actors].map(([id, name]) => h('option', {value: id}, name)));

    const input = (id, label, attrs = {}) => {
      const el = h('input', {id, name: id, type: 'text', autocomplete: 'off', 'data-testid': id, ...attrs});
      return [el, h('div', {class: 'field'}, h('label', {for: id}, label), el)];
    };
    const [from, fromF] = input('audit-from', 'From', {type: 'datetime-local'});
    const [to, toF] = input('audit-to', 'Before', {type: 'datetime-local'});
    const [actor, actorF] = input('audit-actor', 'Actor id', {list: 'audit-actors', placeholder: 'user or API key id'});
    const [action, actionF] = input('audit-action', 'Action', {list: 'audit-actions', placeholder: 'e.g. subject.rectify'});
    const [targetType, typeF] = input('audit-target-type', 'Target type', {list: 'audit-types', placeholder: 'e.g. subject'});
    const [targetId, targetF] = input('audit-target-id', 'Target id');

    const columns = [
      {label: '#', class: 'num', render: e => String(e.seq)},
      {label: 'When', render: e => timeEl(e.at)},
      {label: 'Actor', render: e => h('span', {title: e.actor},
        actors.get(e.actor) || (e.actorKind === 'SYSTEM' || e.actorKind === 'ANONYMOUS' ? e.actorKind.toLowerCase() : h('code', null, e.actor.slice(0, 13))),
        h('br'), h('span', {class: 'muted small'}, `${e.actorKind} · ${e.role}`))},
      {label: 'Action', render: e => h('code', null, e.action)},
      {label: 'Target', render: e => e.targetType || e.targetId
        ? h('span', null, e.targetType || '', e.targetId ? h('br') : null, e.targetId ? h('code', {class: 'small'}, e.targetId) : null) : '—'},
      {label: 'Outcome', render: e => badge(e.outcome, OUTCOME[e.outcome] || 'neutral')},
      {label: 'Hash', render: e => h('code', {class: 'small', title: `hash ${e.hash}\nprevious ${e.prevHash}`}, e.hash.slice(0, 12))},
    ];
    let filters = {};
    const load = async (cursor) => {
      const page = await api('GET', '/api/v1/audit' + qs({...filters, limit: 50, cursor}));
      for (const e of page.items || []) {
        if (!actionsSeen.has(e.action)) { actionsSeen.add(e.action); actionList.append(h('option', {value: e.action})); }
        if (e.targetType && !typesSeen.has(e.targetType)) { typesSeen.add(e.targetType); typeList.append(h('option', {value: e.targetType})); }
      }
      return page;
    };
    const log = pagedTable(columns, load, {testid: 'audit-table', empty: 'No entry matches these filters.',
      rowTestid: () => 'audit-row', caption: 'Entries in chain order, oldest first'});

    const apply = () => {
      filters = {from: isoFromLocal(from.value), to: isoFromLocal(to.value), actor: actor.value.trim(),
        action: action.value.trim(), targetType: targetType.value.trim(), targetId: targetId.value.trim()};
      log.reload();
    };
    const since = (hours) => h('button', {type: 'button', class: 'link', on: {click: () => {
      from.value = localFromIso(new Date(Date.now() - hours * 3600e3).toISOString()); to.value = ''; apply();
    }}}, hours === 24 ? 'Last 24 hours' : `Last ${hours / 24} days`);
    const form = h('form', {class: 'inline', id: 'audit-filters', 'data-testid': 'audit-filters', role: 'search',
      on: {submit: e => { e.preventDefault(); apply(); }, reset: () => setTimeout(apply)}},
      fromF, toF, actorF, actionF, typeF, targetF,
      h('div', {class: 'actions'},
        h('button', {type: 'submit', class: 'primary', 'data-testid': 'audit-apply'}, 'Apply filters'),
        h('button', {type: 'reset', 'data-testid': 'audit-reset'}, 'Clear')));

    root.append(panel('Entries', () => h('div', null,
      h('div', {class: 'b-filters'}, form, actorList, actionList, typeList,
        h('p', {class: 'small muted'}, 'Quick ranges: ', since(24), ' · ', since(24 * 7), ' · ', since(24 * 30))),
      log), {testid: 'audit-log'}));
  },
};
