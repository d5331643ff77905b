package org.steward.retention.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.erasure.ErasureId;
import org.steward.platform.security.api.Roles;
import org.steward.retention.internal.control.ErasureQueue;

@Path("v1/tenants/{tenantId}/subjects/{subjectId}/erasure")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SubjectErasureResource {

    @Inject
    ErasureQueue queue;

    @POST
    @APIResponse(responseCode = "202", description = "Accepted: queued for the next sweep, which ends with a certificate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Erasure")))
    @Operation(summary = "Erase a subject at their own request (GDPR Art. 17): every module's rows, then the subject's data key")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "erasure.request", target = "subject", id = "subjectId")
    public Response requestSubjectErasure(@PathParam("tenantId") String tenantId,
                                          @PathParam("subjectId") String subjectId, @Valid ErasureRequestInput body,
                                          @Context UriInfo uri) {
        ErasureRequestInput in = Bodies.require(body);
        if (Ids.parseOrNull(tenantId) == null) {
            throw ProblemException.notFound("Tenant", tenantId);
        }
        if (Ids.parseOrNull(subjectId) == null) {
            throw ProblemException.notFound("Subject", subjectId);
        }
        ErasureId id = queue.requestSubjectErasure(TenantId.of(tenantId), SubjectId.of(subjectId),
                in.reference().strip());
        return Response.accepted(ErasureView.of(queue.get(id.asString())))
                .location(uri.getBaseUriBuilder().path("v1/erasures").path(id.asString()).build()).build();
    }
}
