package org.steward.subjectrights.internal.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;

/** A data-subject request as filed. */
@Schema(name = "RequestInput", description = "A data-subject request. The data subject files it with no account"
        + " (identity is then checked by a code sent by mail); staff (PRIVACY_OFFICER, SUPPORT_AGENT) file on the"
        + " subject's behalf and record the channel and how identity was checked; a SERVICE key files for a"
        + " signed-in user of its tenant.")
public record RequestInput(
        @Schema(required = true, enumeration = {"ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION",
                "PORTABILITY", "WITHDRAW_CONSENT", "COMPLAINT"}) @NotNull @Pattern(regexp = TYPES,
                message = "must be one of " + TYPES) String type,
        @Schema(required = true, enumeration = {"GDPR", "UK_GDPR", "CCPA"}) @NotNull @Pattern(regexp = JURISDICTIONS,
                message = "must be GDPR, UK_GDPR or CCPA") String jurisdiction,
        @NotNull @Valid SubjectIdentifier subject,
        @Schema(format = "email", maxLength = 254, description = "Where mail about the request goes, when the"
                + " identifier is not an email") @Email @Size(max = 254) String contactEmail,
        @Valid RequestDetailsInput details,
        @Schema(description = "Staff only: how the request reached us",
                enumeration = {"EMAIL", "SUPPORT_TICKET", "PHONE", "POST"})
        @Pattern(regexp = "EMAIL|SUPPORT_TICKET|PHONE|POST", message = "must be EMAIL, SUPPORT_TICKET, PHONE or POST")
        String channel,
        @Schema(maxLength = 100, description = "Staff only: the support ticket's key (required for SUPPORT_TICKET)")
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:/#-]{1,100}", message = "must be a ticket key")
        String channelReference,
        @Schema(maxLength = 500, description = "Staff only: how the subject's identity was checked. Without it the"
                + " subject is sent a code like any other requester.") @Size(min = 1, max = 500) String identityCheck,
        @Schema(description = "CCPA only: the authorized agent who files for the consumer") @Valid AgentInput agent) {

    /** Exactly one way to name the subject. */
    @Schema(name = "SubjectIdentifier", description = "Exactly one of email, accountId (with tenantId), deviceId"
            + " (the consent banner's device id: access and erasure only) or subjectId (with tenantId; staff and"
            + " SERVICE keys only).")
    public record SubjectIdentifier(
            @Schema(format = "email", maxLength = 254) @Email @Size(max = 254) String email,
            @Schema(maxLength = 128) @Pattern(regexp = "[A-Za-z0-9:-]{1,128}",
                    message = "must be 1 to 128 characters of A-Z, a-z, 0-9, ':' and '-'") String accountId,
            @Schema(format = "uuid") @Size(max = 36) String tenantId,
            @Schema(maxLength = 64) @Pattern(regexp = "[A-Za-z0-9_-]{8,64}",
                    message = "must be a device id of 8 to 64 characters of A-Z, a-z, 0-9, '_' and '-'") String deviceId,
            @Schema(format = "uuid") @Size(max = 36) String subjectId) {
    }

    @Schema(name = "RequestDetails", description = "What the request asks beyond its type")
    public record RequestDetailsInput(
            @Schema(description = "RECTIFICATION: field → corrected value (email, username, accountId,"
                    + " displayName)") Map<String, String> corrections,
            @Schema(type = SchemaType.ARRAY, implementation = String.class,
                    description = "OBJECTION, WITHDRAW_CONSENT: the purpose keys; absent or empty means all")
            List<String> purposes,
            @Schema(maxLength = 4000, description = "COMPLAINT: its subject matter") @Size(max = 4000) String complaint,
            @Schema(description = "RESTRICTION: true to lift an earlier restriction") Boolean lift,
            @Schema(description = "ERASURE: SUBJECT (default) or TENANT: the licensee's own erasure, which terminates"
                    + " the licence (policy §10; staff only, with acknowledgeErasure)",
                    enumeration = {"SUBJECT", "TENANT"})
            @Pattern(regexp = "SUBJECT|TENANT", message = "must be SUBJECT or TENANT") String scope,
            @Schema(description = "ERASURE of a TENANT: must be true, as for the licence termination")
            Boolean acknowledgeErasure) {
    }

    static final String TYPES = "ACCESS|RECTIFICATION|ERASURE|RESTRICTION|OBJECTION|PORTABILITY|WITHDRAW_CONSENT"
            + "|COMPLAINT";
    static final String JURISDICTIONS = "GDPR|UK_GDPR|CCPA";

    RequestType requestType() {
        return RequestType.valueOf(type);
    }

    Jurisdiction law() {
        return Jurisdiction.valueOf(jurisdiction);
    }

    @Schema(name = "AuthorizedAgent", description = "A CCPA authorized agent (Cal. Code Regs. §7063) and the"
            + " consumer's signed permission; the consumer still verifies their identity.")
    public record AgentInput(
            @NotNull @Size(min = 1, max = 200) String name,
            @NotNull @Email @Size(max = 254) String email,
            @Schema(description = "Where the signed permission is kept (a document id)") @NotNull @Size(min = 1, max = 200)
            String permissionReference,
            @Schema(description = "SHA-256 of the signed permission document, hex") @NotNull
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex characters") String permissionSha256) {
    }
}
