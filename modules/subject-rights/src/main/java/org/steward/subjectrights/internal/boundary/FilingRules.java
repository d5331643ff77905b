package org.steward.subjectrights.internal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steward.consent.api.PurposeCatalog;
import org.steward.identity.api.SubjectDirectory;
import org.steward.identity.api.SubjectRectification;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.TenantScope;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.control.Details;
import org.steward.subjectrights.internal.control.Filing;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.Request.IdentifierKind;

/**
 * Turns a filed body and its caller into a {@link Filing}, or refuses it with every broken rule named: who may name a
 * subject how, which details go with which type, and what only staff may say. Nothing is written before this passes.
 */
@ApplicationScoped
public class FilingRules {

    @Inject
    PurposeCatalog purposes;

    @Inject
    SubjectDirectory directory;

    @Inject
    TenantScope tenantScope;

    public Filing check(RequestInput in, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        boolean staff = caller.has(Role.PRIVACY_OFFICER) || caller.has(Role.SUPPORT_AGENT)
                || caller.has(Role.ADMIN);
        boolean service = !staff && caller.has(Role.SERVICE);
        boolean anonymous = !staff && !service;
        RequestInput.SubjectIdentifier s = in.subject();
        RequestInput.RequestDetailsInput d = in.details();
        boolean licensee = d != null && "TENANT".equals(d.scope());

        int given = count(s.email(), s.accountId(), s.deviceId(), s.subjectId());
        IdentifierKind kind = null;
        String identifier = null;
        if (licensee) {
            if (given != 0 || s.tenantId() == null) {
                errors.add(new FieldError("subject", "a TENANT erasure names the tenant (subject.tenantId) only"));
            }
            kind = IdentifierKind.TENANT;
            identifier = s.tenantId();
        } else if (given != 1) {
            errors.add(new FieldError("subject", "exactly one of email, accountId, deviceId and subjectId is"
                    + " required"));
        } else if (s.email() != null) {
            kind = IdentifierKind.EMAIL;
            identifier = s.email();
        } else if (s.accountId() != null) {
            kind = IdentifierKind.ACCOUNT_ID;
            identifier = s.accountId();
        } else if (s.deviceId() != null) {
            kind = IdentifierKind.DEVICE;
            identifier = s.deviceId();
        } else {
            kind = IdentifierKind.SUBJECT;
            identifier = s.subjectId();
        }
        boolean needsTenant = kind == IdentifierKind.ACCOUNT_ID || kind == IdentifierKind.SUBJECT
                || kind == IdentifierKind.TENANT;
        if (needsTenant && s.tenantId() == null) {
            errors.add(new FieldError("subject.tenantId", "required with an accountId or a subjectId"));
        } else if (!needsTenant && s.tenantId() != null) {
            errors.add(new FieldError("subject.tenantId", "only with an accountId or a subjectId"));
        }
        if (s.tenantId() != null && Ids.parseOrNull(s.tenantId()) == null) {
            errors.add(new FieldError("subject.tenantId", "must be a tenant id (a UUID)"));
        }
        if (kind == IdentifierKind.SUBJECT && Ids.parseOrNull(s.subjectId()) == null) {
            errors.add(new FieldError("subject.subjectId", "must be a subject id (a UUID)"));
        }
        if (kind == IdentifierKind.SUBJECT && anonymous) {
            errors.add(new FieldError("subject.subjectId", "only staff and client apps name a subject by id"));
        }
        if (kind == IdentifierKind.DEVICE && in.requestType() != RequestType.ACCESS && in.requestType() != RequestType.ERASURE) {
            errors.add(new FieldError("type", "a device id files ACCESS or ERASURE only"));
        }
        if (service && kind != IdentifierKind.ACCOUNT_ID && kind != IdentifierKind.SUBJECT) {
            errors.add(new FieldError("subject", "a client app files for its signed-in user: accountId or"
                    + " subjectId, with its tenant"));
        }
        if (!staff) {
            if (in.channel() != null) {
                errors.add(new FieldError("channel", "only staff record a channel"));
            }
            if (in.channelReference() != null) {
                errors.add(new FieldError("channelReference", "only staff record a channel"));
            }
            if (in.identityCheck() != null) {
                errors.add(new FieldError("identityCheck", "only staff record an identity check"));
            }
        } else {
            if (in.channel() == null) {
                errors.add(new FieldError("channel", "staff record how the request reached us"));
            } else if ("SUPPORT_TICKET".equals(in.channel()) && in.channelReference() == null) {
                errors.add(new FieldError("channelReference", "a support ticket's key is required"));
            }
        }
        if (in.agent() != null && in.law() != Jurisdiction.CCPA) {
            errors.add(new FieldError("agent", "authorized agents file under the CCPA only"));
        }
        if (in.agent() != null && service) {
            errors.add(new FieldError("agent", "a client app files for its own user"));
        }
        if (kind == IdentifierKind.ACCOUNT_ID && anonymous && in.contactEmail() != null) {
            errors.add(new FieldError("contactEmail", "the code goes to the address we hold for the account"));
        }
        Details details = details(in.requestType(), d, staff, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The request cannot be filed as it is", errors);
        }
        if (needsTenant && (service || caller.tenantId() != null)) {
            tenantScope.check(s.tenantId());
        }
        if (licensee && !Boolean.TRUE.equals(d.acknowledgeErasure())) {
            throw ProblemException.conflict("details.acknowledgeErasure", "erasing the licensee's data terminates"
                    + " the licence and cannot be undone: send acknowledgeErasure: true");
        }
        String contact = in.contactEmail();
        if (kind == IdentifierKind.ACCOUNT_ID && anonymous) {
            contact = directory.withAccountId(TenantId.of(s.tenantId()), s.accountId())
                    .flatMap(ref -> directory.emailOf(ref.subjectId())).orElse(null);
        }
        Request.FiledBy filedBy = service ? Request.FiledBy.SERVICE : staff ? Request.FiledBy.STAFF
                : in.agent() != null ? Request.FiledBy.AGENT : Request.FiledBy.SUBJECT;
        if (staff && in.agent() != null) {
            filedBy = Request.FiledBy.AGENT;
        }
        Request.Channel channel = service ? Request.Channel.APP : staff ? Request.Channel.valueOf(in.channel())
                : Request.Channel.WEB;
        RequestInput.AgentInput a = in.agent();
        return new Filing(in.requestType(), in.law(), kind, identifier, s.tenantId(), contact, details, channel,
                in.channelReference(), filedBy, staff && a == null ? in.identityCheck() : null,
                a == null ? null : new Filing.Agent(a.name(), a.email(), a.permissionReference(),
                        a.permissionSha256()));
    }

    private Details details(RequestType type, RequestInput.RequestDetailsInput d, boolean staff,
                            List<FieldError> errors) {
        if (d == null) {
            d = new RequestInput.RequestDetailsInput(null, null, null, null, null, null);
        }
        if (d.corrections() != null && type != RequestType.RECTIFICATION) {
            errors.add(new FieldError("details.corrections", "only for a RECTIFICATION"));
        }
        Map<String, String> corrections = null;
        if (type == RequestType.RECTIFICATION) {
            if (d.corrections() == null || d.corrections().isEmpty()) {
                errors.add(new FieldError("details.corrections", "a rectification names what to correct"));
            } else {
                corrections = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : d.corrections().entrySet()) {
                    if (!SubjectRectification.FIELDS.contains(e.getKey())) {
                        errors.add(new FieldError("details.corrections." + e.getKey(), "unknown field; one of "
                                + new java.util.TreeSet<>(SubjectRectification.FIELDS)));
                    } else if (e.getValue() != null && e.getValue().length() > 254) {
                        errors.add(new FieldError("details.corrections." + e.getKey(), "at most 254 characters"));
                    }
                    corrections.put(e.getKey(), e.getValue());
                }
            }
        }
        List<String> keys = d.purposes() == null ? List.of() : d.purposes();
        if (!keys.isEmpty() && type != RequestType.OBJECTION && type != RequestType.WITHDRAW_CONSENT) {
            errors.add(new FieldError("details.purposes", "only for an OBJECTION or a WITHDRAW_CONSENT"));
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null || !purposes.exists(keys.get(i))) {
                errors.add(new FieldError("details.purposes[" + i + "]", "unknown purpose"));
            }
        }
        if (type == RequestType.COMPLAINT && (d.complaint() == null || d.complaint().isBlank())) {
            errors.add(new FieldError("details.complaint", "a complaint says what it is about"));
        } else if (type != RequestType.COMPLAINT && d.complaint() != null) {
            errors.add(new FieldError("details.complaint", "only for a COMPLAINT"));
        }
        if (d.lift() != null && type != RequestType.RESTRICTION) {
            errors.add(new FieldError("details.lift", "only for a RESTRICTION"));
        }
        if (d.scope() != null && type != RequestType.ERASURE) {
            errors.add(new FieldError("details.scope", "only for an ERASURE"));
        }
        if ("TENANT".equals(d.scope()) && !staff) {
            errors.add(new FieldError("details.scope", "a licensee's erasure is filed by staff"));
        }
        if (d.acknowledgeErasure() != null && !"TENANT".equals(d.scope())) {
            errors.add(new FieldError("details.acknowledgeErasure", "only for a TENANT erasure"));
        }
        return new Details(corrections, keys.isEmpty() ? null : List.copyOf(keys),
                d.complaint() == null ? null : d.complaint().strip(), d.lift(),
                d.scope(), d.acknowledgeErasure(), null);
    }

    private static int count(Object... values) {
        int n = 0;
        for (Object v : values) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }
}
