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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Roles;

@Path("v1/audit")
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    @Inject
    AuditVerifications verifications;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditQueries queries;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditSealing sealing;

    @GET
    @Operation(summary = "List audit entries in chain order, filtered by time, actor, target and action",
            description = "Entries accepted before the request are sealed into the chain first, so the list shows them.")
    public AuditPage listAuditEntries(
            @Parameter(description = "Entries at or after this date-time (ISO-8601 with offset)") @QueryParam("from") String from,
            @Parameter(description = "Entries before this date-time (ISO-8601 with offset)") @QueryParam("to") String to,
            @Parameter(description = "The actor's id") @QueryParam("actor") String actor,
            @Parameter(description = "Such as tenant, subject, record, endpoint") @QueryParam("targetType") String targetType,
            @Parameter(description = "The target's id") @QueryParam("targetId") String targetId,
            @Parameter(description = "Such as subject.rectify") @QueryParam("action") String action,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        AuditFilter filter = AuditFilter.parse(from, to, actor, targetType, targetId, action, limit, cursor);
        sealing.sealAll();
        return queries.page(filter);
    }

    @POST
    @Path("verify")
    @Operation(summary = "Recompute the whole hash chain and name the first broken entry",
            description = "Entries accepted before the request are sealed first, so the check covers them.")
    public VerificationView verifyAuditChain() {
        sealing.sealAll();
        ChainCheck.Result result = verifier.verify();
        verifications.record(caller.get().id(), result);
        return VerificationView.of(result);
    }

    @Schema(name = "AuditVerificationRun")
    public record RunView(@Schema(required = true) java.time.OffsetDateTime verifiedAt,
                          @Schema(required = true, description = "The id of who ran it") String actor,
                          @Schema(required = true) boolean valid,
                          @Schema(required = true) long checked,
                          @Schema(description = "Absent when the chain was intact") VerificationView.Broken firstBroken) {
    }

    @GET
    @Path("verifications")
    @Operation(summary = "The latest runs of \"verify chain\", newest first (at most 50): when, by whom, what they found")
    public List<RunView> listAuditVerifications(@QueryParam("limit") String limit) {
        int n = 10;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > 50) {
                throw org.steward.platform.kernel.api.ProblemException.invalid("limit", "must be 1 to 50");
            }
        }
        return verifications.latest(n).stream().map(v -> new RunView(v.verifiedAt(), v.actor(), v.valid(), v.checked(),
                v.firstBrokenSeq() == null ? null : new VerificationView.Broken(v.firstBrokenSeq(), v.firstBrokenWhy())))
                .toList();
    }
}
