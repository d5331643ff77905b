// Vocabulary of data-subject requests shared by the overview and the requests pages.

import {api} from '../api.js';
import {badge, fmtDate, h, humanize} from '../ui.js';

export const TYPES = ['ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'PORTABILITY', 'WITHDRAW_CONSENT', 'COMPLAINT'];
export const STATES = ['RECEIVED', 'VERIFYING', 'VERIFIED', 'IN_PROGRESS', 'COMPLETED', 'DENIED', 'CANCELLED'];
export const OPEN_STATES = ['RECEIVED', 'VERIFYING', 'VERIFIED', 'IN_PROGRESS'];
export const READERS = ['PRIVACY_OFFICER', 'SUPPORT_AGENT', 'ADMIN', 'AUDITOR'];

export const TYPE_LABELS = {
  ACCESS: 'Access', RECTIFICATION: 'Rectification', ERASURE: 'Erasure', RESTRICTION: 'Restriction',
  OBJECTION: 'Objection', PORTABILITY: 'Portability', WITHDRAW_CONSENT: 'Withdraw consent', COMPLAINT: 'Complaint',
};

const STATE_KIND = {
  RECEIVED: 'info', VERIFYING: 'info', VERIFIED: 'warn', IN_PROGRESS: 'warn', COMPLETED: 'ok', DENIED: 'danger',
  CANCELLED: 'neutral',
};
export const stateBadge = s => badge(humanize(s), STATE_KIND[s] || 'neutral');

const TASK_KIND = {PENDING: 'info', WAITING: 'warn', FAILING: 'danger', DONE: 'ok', SKIPPED: 'neutral'};
export const taskBadge = s => badge(humanize(s), TASK_KIND[s] || 'neutral');

// Which legal grounds of a denial apply under which law: DenialBasis.java (the OpenAPI enum does not say).
export const DENIAL_BASES = {
  IDENTITY_NOT_VERIFIED: {ref: 'GDPR Art. 12(6); CCPA Regs §7060', laws: ['GDPR', 'UK_GDPR', 'CCPA'], label: 'Identity not verified'},
  MANIFESTLY_UNFOUNDED: {ref: 'GDPR Art. 12(5)', laws: ['GDPR', 'UK_GDPR'], label: 'Manifestly unfounded'},
  EXCESSIVE: {ref: 'GDPR Art. 12(5)', laws: ['GDPR', 'UK_GDPR'], label: 'Excessive (repetitive)'},
  LEGAL_OBLIGATION: {ref: 'GDPR Art. 17(3)(b)', laws: ['GDPR', 'UK_GDPR'], label: 'Legal obligation'},
  LEGAL_CLAIMS: {ref: 'GDPR Art. 17(3)(e)', laws: ['GDPR', 'UK_GDPR'], label: 'Legal claims'},
  COMPELLING_LEGITIMATE_GROUNDS: {ref: 'GDPR Art. 21(1)', laws: ['GDPR', 'UK_GDPR'], label: 'Compelling legitimate grounds'},
  RIGHTS_OF_OTHERS: {ref: 'GDPR Art. 15(4)', laws: ['GDPR', 'UK_GDPR'], label: 'Rights and freedoms of others'},
  LEGAL_HOLD: {ref: 'legal hold', laws: ['GDPR', 'UK_GDPR', 'CCPA'], label: 'Legal hold'},
  CCPA_LEGAL_OBLIGATION: {ref: 'Cal. Civ. Code §1798.145(a)(1)', laws: ['CCPA'], label: 'Legal obligation'},
  CCPA_TRANSACTION: {ref: 'Cal. Civ. Code §1798.105(d)(1)', laws: ['CCPA'], label: 'Complete the transaction'},
  CCPA_SECURITY_INTEGRITY: {ref: 'Cal. Civ. Code §1798.105(d)(2)', laws: ['CCPA'], label: 'Security and integrity'},
  CCPA_LEGAL_CLAIMS: {ref: 'Cal. Civ. Code §1798.145(a)(1)(E)', laws: ['CCPA'], label: 'Legal claims'},
  CCPA_INTERNAL_USES: {ref: 'Cal. Civ. Code §1798.105(d)(7)', laws: ['CCPA'], label: 'Solely internal uses'},
  CCPA_REQUEST_LIMIT: {ref: 'Cal. Civ. Code §1798.130(b)', laws: ['CCPA'], label: 'More than two requests to know in 12 months'},
};

export function basesFor(jurisdiction) {
  return Object.entries(DENIAL_BASES).filter(([, b]) => b.laws.includes(jurisdiction))
    .map(([value, b]) => ({value, label: `${b.label} — ${b.ref}`}));
}

// The server's calendar day (it may run a testing clock): the watchdog says it; the browser's day otherwise.
let todayPromise;
export function serverToday() {
  todayPromise = todayPromise || api('GET', '/api/v1/requests/watchdog')
    .then(w => (w && w.today) || localToday()).catch(() => localToday());
  return todayPromise;
}
export function setServerToday(day) { if (day) todayPromise = Promise.resolve(day); }

export function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function daysBetween(fromDay, toDay) {
  const a = Date.UTC(...fromDay.slice(0, 10).split('-').map((v, i) => i === 1 ? v - 1 : +v));
  const b = Date.UTC(...toDay.slice(0, 10).split('-').map((v, i) => i === 1 ? v - 1 : +v));
  return Math.round((b - a) / 86400000);
}

export function isOpen(r) { return OPEN_STATES.includes(r.state); }

// "Due 4 Jan 2027 (in 12 days)" with an "Overdue" badge: the text says it, the colour repeats it.
export function dueCell(r, today) {
  if (!r.dueOn) return '—';
  if (!isOpen(r) || !today) return h('time', {datetime: r.dueOn}, fmtDate(r.dueOn));
  const days = daysBetween(today, r.dueOn);
  const when = days < 0 ? `${-days} day${days === -1 ? '' : 's'} late` : days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
  return h('span', {class: 'due'},
    h('time', {datetime: r.dueOn}, fmtDate(r.dueOn)), ' ',
    days < 0 ? badge(`Overdue, ${when}`, 'danger') : days <= 3 ? badge(`Due ${when}`, 'warn') : h('span', {class: 'muted small'}, `(${when})`));
}

export const BUCKETS = [
  {key: 'overdue', label: 'Overdue', test: d => d < 0, kind: 'danger'},
  {key: 'd3', label: 'Due in ≤ 3 days', test: d => d >= 0 && d <= 3, kind: 'warn'},
  {key: 'd7', label: 'Due in 4–7 days', test: d => d > 3 && d <= 7},
  {key: 'd14', label: 'Due in 8–14 days', test: d => d > 7 && d <= 14},
  {key: 'later', label: 'Due later', test: d => d > 14},
];

export function bucketOf(r, today) {
  const d = daysBetween(today, r.dueOn);
  return BUCKETS.find(b => b.test(d))?.key || 'later';
}

export function requestLink(id, text) {
  return h('a', {href: `#/requests/${id}`, 'data-testid': 'request-link'}, text || id.slice(0, 8));
}
