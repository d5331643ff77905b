// Staff file a request on a subject's behalf, recording the channel and how identity was checked.

import {apiFull} from '../api.js';
import {clear, formView, h, pageTitle, toast} from '../ui.js';
import {listTenants} from '../tenants.js';
import {TYPES, TYPE_LABELS} from './common.js';

export const FILERS = ['PRIVACY_OFFICER', 'SUPPORT_AGENT'];

const CHANNELS = [['EMAIL', 'Email'], ['SUPPORT_TICKET', 'Support ticket'], ['PHONE', 'Phone'], ['POST', 'Post']];

export async function renderFile(main) {
  main.append(pageTitle('File a request on a subject’s behalf'),
    h('p', null, h('a', {href: '#/requests'}, '← Back to the queue')),
    h('p', {class: 'muted'}, 'Record how the request reached you and how you checked who the subject is. Without an identity check the subject is mailed a code, like any other requester.'));
  let tenants = [];
  try { tenants = await listTenants(); } catch { /* the tenant is only needed for an accountId */ }
  const result = h('div', {'aria-live': 'polite'});
  const form = formView([
    {name: 'type', id: 'file-type', label: 'Type', type: 'select', required: true,
      options: [{value: '', label: 'Choose…'}, ...TYPES.map(t => ({value: t, label: TYPE_LABELS[t]}))]},
    {name: 'jurisdiction', id: 'file-jurisdiction', label: 'Law', type: 'select', required: true,
      options: [{value: '', label: 'Choose…'}, {value: 'GDPR', label: 'GDPR'}, {value: 'UK_GDPR', label: 'UK GDPR'}, {value: 'CCPA', label: 'CCPA'}]},
    {name: 'identifierKind', id: 'file-identifier-kind', label: 'Identifier', type: 'select', value: 'email',
      options: [{value: 'email', label: 'Email address'}, {value: 'accountId', label: 'Atlassian accountId (with its tenant)'}]},
    {name: 'identifier', id: 'file-identifier', label: 'The subject’s email or accountId', required: true, maxlength: 254},
    {name: 'tenantId', id: 'file-tenant', label: 'Tenant (for an accountId)', type: 'select',
      options: [{value: '', label: '—'}, ...tenants.map(t => ({value: t.id, label: t.name}))]},
    {name: 'contactEmail', id: 'file-contact', label: 'Contact email', type: 'email', hint: 'Where mail about the request goes, when the identifier is not an email.'},
    {name: 'channel', id: 'file-channel', label: 'Channel', type: 'select', required: true,
      options: [{value: '', label: 'Choose…'}, ...CHANNELS.map(([value, label]) => ({value, label}))]},
    {name: 'channelReference', id: 'file-channel-ref', label: 'Ticket key', maxlength: 100, hint: 'Required for a support ticket.'},
    {name: 'identityCheck', id: 'file-identity-check', label: 'How identity was checked', type: 'textarea', maxlength: 500,
      hint: 'For example: “Called back on the number on file”. Leave empty to have a code mailed to the subject.'},
    {name: 'complaint', id: 'file-complaint', label: 'Complaint (for a complaint)', type: 'textarea', maxlength: 4000},
  ], async v => {
    const subject = v.identifierKind === 'accountId' ? {accountId: v.identifier, tenantId: v.tenantId || undefined} : {email: v.identifier};
    const body = {type: v.type, jurisdiction: v.jurisdiction, subject, channel: v.channel};
    if (v.contactEmail) body.contactEmail = v.contactEmail;
    if (v.channelReference) body.channelReference = v.channelReference;
    if (v.identityCheck) body.identityCheck = v.identityCheck;
    if (v.type === 'COMPLAINT' && v.complaint) body.details = {complaint: v.complaint};
    const res = await apiFull('POST', '/api/v1/requests', body);
    const filed = res.data;
    toast(filed.joinedOpenRequest ? 'Joined an open request of the same subject and type.' : 'Request filed.');
    clear(result, h('div', {class: 'notice', 'data-testid': 'file-result'},
      h('p', null, filed.joinedOpenRequest ? 'This joined an open request of the same subject and type. ' : 'Filed. ',
        h('a', {href: `#/requests/${filed.id}`, 'data-testid': 'filed-request-link'}, 'Open the request')),
      filed.state === 'VERIFYING' ? h('p', null, 'A code was mailed to the subject to check their identity.') : null));
    form.reset();
  }, {submitLabel: 'File the request', id: 'file-form', testid: 'file-form'});
  main.append(form, result);
}
