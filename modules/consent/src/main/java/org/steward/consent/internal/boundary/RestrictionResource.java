package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.control.Holders;
import org.steward.consent.internal.control.Restrictions;
import org.steward.consent.internal.entity.ProcessingRestriction;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.security.api.Roles;

/**
 * GDPR Art. 18 restriction of processing, set and lifted by a privacy officer: while a subject is restricted every
 * consent decision for it is {@code allowed: false} (reason {@code RESTRICTED}). Fires the commands
 * {@link org.steward.consent.api.RestrictProcessing} / {@link org.steward.consent.api.LiftProcessingRestriction},
 * the same ones the subject-rights module will fire for its requests.
 */
@Path("v1/tenants/{tenantId}/subjects/{subjectId}/restriction")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class RestrictionResource {

    @Inject
    Holders holders;

    @Inject
    Restrictions restrictions;

    @POST
    @APIResponse(responseCode = "201", description = "Restricted (200: it already was)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ProcessingRestriction")))
    @Operation(summary = "Restrict the subject's processing (GDPR Art. 18): every decision denies until lifted")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Audited(action = "consent.restriction.create", target = "subject", id = "subjectId")
    public Response restrictProcessing(@PathParam("tenantId") String tenantId,
                                       @PathParam("subjectId") String subjectId, @Valid RestrictionInput body) {
        ConsentHolder subject = holders.subject(tenantId, subjectId);
        boolean existed = restrictions.of(subject).isPresent();
        String requestRef = body == null || body.requestRef() == null || body.requestRef().isEmpty() ? null
                : body.requestRef();
        ProcessingRestriction r = restrictions.restrict(tenantId, subject, requestRef);
        return Response.status(existed ? 200 : 201).entity(RestrictionView.of(r, subjectId)).build();
    }

    @GET
    @Operation(summary = "Whether the subject's processing is restricted, and since when")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR})
    @Audited(action = "consent.restriction.read", target = "subject", id = "subjectId")
    public RestrictionView getProcessingRestriction(@PathParam("tenantId") String tenantId,
                                                    @PathParam("subjectId") String subjectId) {
        ConsentHolder subject = holders.subject(tenantId, subjectId);
        return restrictions.of(subject).map(r -> RestrictionView.of(r, subjectId))
                .orElseGet(() -> RestrictionView.none(subjectId));
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Lifted, or was not restricted")
    @Operation(summary = "Lift the subject's restriction of processing (GDPR Art. 18(3))")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Audited(action = "consent.restriction.lift", target = "subject", id = "subjectId")
    public Response liftProcessingRestriction(@PathParam("tenantId") String tenantId,
                                              @PathParam("subjectId") String subjectId) {
        ConsentHolder subject = holders.subject(tenantId, subjectId);
        restrictions.lift(tenantId, subject, null);
        return Response.noContent().build();
    }
}
