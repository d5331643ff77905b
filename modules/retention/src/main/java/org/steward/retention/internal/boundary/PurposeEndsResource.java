package org.steward.retention.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.PurposeCatalog;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.security.api.Roles;
import org.steward.retention.internal.control.Policies;
import org.steward.retention.internal.control.PurposeEnds;
import org.steward.retention.internal.entity.PurposeEnd;
import org.steward.retention.internal.entity.RetentionPolicy;

/** When purposes ended for a subject: the trigger of PURPOSE_FULFILLED retention policies. */
@Path("v1/tenants/{tenantId}/subjects/{subjectId}/purpose-ends")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class PurposeEndsResource {

    @Inject
    PurposeEnds ends;

    @Inject
    Policies policies;

    @Inject
    PurposeCatalog catalog;

    @GET
    @Operation(summary = "The purposes that ended for a subject, and when their data becomes erasable")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "purpose-end.list", target = "subject", id = "subjectId")
    public List<PurposeEndView> listPurposeEnds(@PathParam("tenantId") String tenantId,
                                                @PathParam("subjectId") String subjectId) {
        return ends.of(tenantId, subjectId).stream().map(this::view).toList();
    }

    @PUT
    @Path("{purposeKey}")
    @Operation(summary = "Record that a purpose was fulfilled or discontinued for a subject (e.g. the drip sequence ended)")
    @APIResponse(responseCode = "200", description = "Recorded; a later end replaces an earlier one")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "purpose-end.record", target = "subject", id = "subjectId")
    public PurposeEndView recordPurposeEnd(@PathParam("tenantId") String tenantId,
                                           @PathParam("subjectId") String subjectId,
                                           @PathParam("purposeKey") String purposeKey, @Valid PurposeEndInput body) {
        PurposeEndInput in = Bodies.require(body);
        return view(ends.declare(tenantId, subjectId, purposeKey, in.endedAt(), PurposeEnd.Cause.valueOf(in.cause())));
    }

    @DELETE
    @Path("{purposeKey}")
    @Operation(summary = "Withdraw a pending end: the purpose runs again for the subject (records already erased stay erased)")
    @APIResponse(responseCode = "204", description = "The pending end was withdrawn")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "purpose-end.withdraw", target = "subject", id = "subjectId")
    public void withdrawPurposeEnd(@PathParam("tenantId") String tenantId, @PathParam("subjectId") String subjectId,
                                   @PathParam("purposeKey") String purposeKey) {
        ends.resume(tenantId, subjectId, purposeKey);
    }

    private PurposeEndView view(PurposeEnd end) {
        OffsetDateTime erasable = null;
        for (String category : catalog.categoriesOf(end.purposeKey())) {
            RetentionPolicy p = policies.find(category).orElse(null);
            if (p != null && p.trigger() == RetentionPolicy.Trigger.PURPOSE_FULFILLED) {
                OffsetDateTime at = end.endedAt().plusDays(p.periodDays());
                erasable = erasable == null || at.isAfter(erasable) ? at : erasable;
            }
        }
        return PurposeEndView.of(end, erasable);
    }
}
