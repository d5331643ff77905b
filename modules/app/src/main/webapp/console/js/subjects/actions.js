// The privacy officer's actions on a subject: restrict / lift, flag as a minor, erase. Each asks first.

import {api} from '../api.js';
import {actionButton, clear, confirmDialog, every, formView, h, humanize, problemView, progress, timeEl, toast} from '../ui.js';

export function subjectActions(ctx, restrictionP) {
  const {base, subject} = ctx;
  const area = h('div', {class: 'action-area', 'aria-live': 'polite'});
  const buttons = h('div', {class: 'actions', role: 'group', 'aria-label': 'Actions on this subject'});
  const el = h('section', {class: 'panel', 'data-testid': 'subject-actions'}, h('h2', null, 'Actions'), buttons, area);

  const openForm = (title, form) => { clear(area, h('h3', null, title), form); form.querySelector('input, textarea, select')?.focus(); };

  restrictionP.then(r => {
    if (r.restricted) {
      buttons.append(actionButton('Lift the restriction', async () => {
        if (!await confirmDialog('Decisions about this subject go back to following their consents and the legal bases. Recipients told of the restriction are told it is lifted.',
          {confirmLabel: 'Lift the restriction', title: 'Lift the processing restriction?'})) return;
        await api('DELETE', `${base}/restriction`);
        toast('The restriction is lifted.');
        ctx.reload();
      }, {testid: 'subject-lift', id: 'subject-lift'}));
    } else {
      buttons.append(actionButton('Restrict processing', async () => openForm('Restrict processing (GDPR Art. 18)', formView([
        {name: 'requestRef', id: 'restrict-ref', label: 'Reason: the request or ticket it answers', required: true, maxlength: 200,
          hint: 'A reference such as a request id or a ticket key, not personal data.'},
      ], async v => {
        if (!await confirmDialog('Every decision about this subject will deny until the restriction is lifted, and the recipients of their data are told.',
          {confirmLabel: 'Restrict', danger: true, title: 'Restrict processing?'})) return;
        await api('POST', `${base}/restriction`, {requestRef: v.requestRef});
        toast('Processing is restricted.');
        ctx.reload();
      }, {submitLabel: 'Restrict', danger: true, id: 'restrict-form', testid: 'restrict-form'})),
      {testid: 'subject-restrict', id: 'subject-restrict'}));
    }
    addTheRest();
  }, () => addTheRest());

  function addTheRest() {
    if (!subject.minor) {
      buttons.append(actionButton('Flag as a minor', async () => {
        if (!await confirmDialog('A minor’s data is erased promptly (policy §8): flagging queues the erasure of everything held about this subject. This cannot be undone.',
          {confirmLabel: 'Flag as a minor', danger: true, title: 'Flag this subject as a minor?'})) return;
        await api('POST', `${base}/minor`);
        toast('Flagged as a minor: the erasure is queued.');
        ctx.reload();
      }, {kind: 'danger', testid: 'subject-minor', id: 'subject-minor'}));
    }
    buttons.append(actionButton('Erase subject', async () => openForm('Erase the subject (GDPR Art. 17)', formView([
      {name: 'reference', id: 'erase-reference', label: 'Reference of the request', required: true, maxlength: 200,
        hint: 'For example the help-centre ticket key. Not personal data.'},
    ], async v => {
      if (!await confirmDialog('Every module deletes this subject’s data at the next sweep, and the subject’s key is destroyed: nothing can be recovered. A signed certificate records it.',
        {confirmLabel: 'Erase', danger: true, title: 'Erase this subject?'})) return;
      const erasure = await api('POST', `${base}/erasure`, {reference: v.reference});
      toast('The erasure is queued for the next sweep.');
      follow(erasure);
    }, {submitLabel: 'Erase', danger: true, id: 'erase-form', testid: 'erase-form'})),
    {kind: 'danger', testid: 'subject-erase', id: 'subject-erase'}));
  }

  // The sweep runs about once a minute: follow the erasure until it is done.
  function follow(erasure) {
    const prog = progress('Progress');
    const info = h('p', {'data-testid': 'erasure-status'});
    buttons.querySelectorAll('button').forEach(b => { b.disabled = true; });
    clear(area, h('h3', null, 'Erasure of the subject'), prog, info);
    if (ctx.onErasure) ctx.onErasure();
    const show = e => {
      clear(info, `Erasure ${e.id}: ${humanize(e.status)}`, e.heldBy ? ' — suspended by a legal hold' : '',
        e.status === 'DONE' ? ['; completed ', timeEl(e.completedAt), `, ${e.recordsErased ?? 0} records erased.`] : ['; due ', timeEl(e.dueAt), '.']);
      if (e.status === 'DONE') prog.done('Done'); else prog.update(0, 1, 'Waiting for the sweep…');
    };
    show(erasure);
    if (erasure.status === 'DONE') return;
    const stop = every(5000, async () => {
      try {
        const e = await api('GET', `/api/v1/erasures/${erasure.id}`);
        show(e);
        if (e.status === 'DONE') {
          stop();
          if (ctx.onErasure) ctx.onErasure();
          toast('The subject is erased.');
          area.append(h('p', null, 'The subject no longer exists. ', h('a', {href: '#/subjects'}, 'Find another subject'), ' or ',
            h('a', {href: '#/retention'}, 'see the certificate in Retention'), '.'));
        }
      } catch (e) {
        stop();
        area.append(problemView(e));
      }
    });
  }

  return el;
}
