package org.steward.platform.audit.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.security.api.Roles;

@Path("v1/audit")
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    @Inject
    AuditQueries queries;

    @Inject
    AuditVerifier verifier;

    @GET
    @Operation(summary = "List audit entries in chain order, filtered by time, actor, target and action")
    public AuditPage listAuditEntries(
            @Parameter(description = "Entries at or after this date-time (ISO-8601 with offset)") @QueryParam("from") String from,
            @Parameter(description = "Entries before this date-time (ISO-8601 with offset)") @QueryParam("to") String to,
            @Parameter(description = "The actor's id") @QueryParam("actor") String actor,
            @Parameter(description = "Such as tenant, subject, record, endpoint") @QueryParam("targetType") String targetType,
            @Parameter(description = "The target's id") @QueryParam("targetId") String targetId,
            @Parameter(description = "Such as subject.rectify") @QueryParam("action") String action,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queries.page(AuditFilter.parse(from, to, actor, targetType, targetId, action, limit, cursor));
    }

    @POST
    @Path("verify")
    @Operation(summary = "Recompute the whole hash chain and name the first broken entry")
    public VerificationView verifyAuditChain() {
        return VerificationView.of(verifier.verify());
    }
}
