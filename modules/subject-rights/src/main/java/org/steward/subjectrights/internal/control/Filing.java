package org.steward.subjectrights.internal.control;

import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.entity.Request;

/**
 * A request as filed, after the boundary checked its shape: who it is about ({@code identifierKind} and
 * {@code identifier}, with {@code tenantId} for an accountId or a subject id), where to write to, and who files it.
 */
public record Filing(RequestType type, Jurisdiction jurisdiction, Request.IdentifierKind identifierKind,
                     String identifier, String tenantId, String contactEmail, Details details,
                     Request.Channel channel, String channelRef, Request.FiledBy filedBy, String identityCheck,
                     Agent agent) {

    /** A CCPA authorized agent and the subject's signed permission (a reference to the document, and its hash). */
    public record Agent(String name, String email, String permissionReference, String permissionSha256) {
    }
}
