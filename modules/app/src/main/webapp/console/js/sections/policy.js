// #/policy — the promise map: each clause of the privacy policy, its state, and the code and tests behind it.

import {api} from '../api.js';
import {h, badge, pageTitle} from '../ui.js';
import './_b.js';

const STATES = [
  {value: 'enforced', label: 'Enforced', kind: 'ok'},
  {value: 'partial', label: 'Partly enforced', kind: 'warn'},
  {value: 'not-enforced', label: 'Not enforced', kind: 'danger'},
];
const stateOf = v => STATES.find(s => s.value === v) || {value: v, label: v, kind: 'neutral'};

function clauseView(c) {
  const st = stateOf(c.state);
  const list = (title, items) => h('div', null, h('h3', null, title),
    items && items.length ? h('ul', null, items.map(x => h('li', null, h('code', null, x)))) : h('p', {class: 'muted small'}, 'None'));
  return h('li', {class: `b-clause b-clause-${c.state}`, 'data-testid': 'policy-clause', 'data-state': c.state, 'data-id': c.id},
    h('div', {class: 'b-clause-head'},
      h('h2', null, h('span', {class: 'muted'}, c.id), ' ', c.title),
      badge(st.label, st.kind)),
    h('p', null, c.promise),
    c.notes ? h('p', {class: 'small muted'}, c.notes) : null,
    h('div', {class: 'b-proof'}, list('Enforced by (classes)', c.enforcedBy), list('Proved by (tests)', c.provedBy)));
}

export const section = {
  route: 'policy',
  title: 'Policy map',
  roles: ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'],
  async render(main, params) {
    main.append(pageTitle('Policy map'));
    const map = await api('GET', '/api/v1/policy-map');
    const clauses = map.clauses || [];
    const s = map.states || {};

    const stateSel = h('select', {id: 'policy-state', 'data-testid': 'policy-state'},
      h('option', {value: ''}, `All states (${clauses.length})`),
      STATES.map(st => h('option', {value: st.value}, `${st.label} (${clauses.filter(c => c.state === st.value).length})`)));
    if (params[0] && STATES.some(st => st.value === params[0])) stateSel.value = params[0];
    const search = h('input', {type: 'search', id: 'policy-search', 'data-testid': 'policy-search',
      placeholder: 'Words in the clause, a class or a test'});
    const count = h('p', {class: 'muted', 'aria-live': 'polite', 'data-testid': 'policy-count'});
    const list = h('ol', {class: 'b-clauses', 'data-testid': 'policy-clauses'});

    const apply = () => {
      const q = search.value.trim().toLowerCase();
      const shown = clauses.filter(c => (!stateSel.value || c.state === stateSel.value) && (!q ||
        [c.id, c.title, c.promise, c.notes, ...(c.enforcedBy || []), ...(c.provedBy || [])]
          .some(x => x && String(x).toLowerCase().includes(q))));
      list.replaceChildren(...shown.map(clauseView));
      count.textContent = `Showing ${shown.length} of ${clauses.length} clauses.`;
    };
    stateSel.addEventListener('change', apply);
    search.addEventListener('input', apply);

    main.append(
      h('p', null, 'Each clause of ', h('strong', null, map.policy || 'the privacy policy'),
        ', whether Steward enforces it, the classes that do, and the tests that prove it.'),
      h('ul', {class: 'stats', 'data-testid': 'policy-states'},
        [['Enforced', s.enforced, ''], ['Partly enforced', s.partial, 'stat-warn'], ['Not enforced', s.notEnforced, 'stat-danger']]
          .map(([l, n, cls]) => h('li', {class: ['stat', n ? cls : '']}, h('span', {class: 'n'}, String(n ?? 0)), h('span', {class: 'l'}, l)))),
      h('div', {class: 'b-filters'}, h('form', {class: 'inline', role: 'search', on: {submit: e => e.preventDefault()}},
        h('div', {class: 'field'}, h('label', {for: 'policy-state'}, 'State'), stateSel),
        h('div', {class: 'field'}, h('label', {for: 'policy-search'}, 'Search'), search))),
      count, list);
    apply();
  },
};
