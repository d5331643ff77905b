package org.steward.retention.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Roles;
import org.steward.retention.internal.control.Holds;
import org.steward.retention.internal.control.Policies;
import org.steward.retention.internal.control.SweepRuns;
import org.steward.retention.internal.entity.LegalHold;
import org.steward.retention.internal.entity.RetentionPolicy;
import org.steward.retention.internal.entity.SweepRun;

@Path("v1/retention")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class RetentionResource {

    @Inject
    Policies policies;

    @Inject
    Holds holds;

    @Inject
    SweepRuns runs;

    @Inject
    Clock clock;

    @GET
    @Path("policies")
    @Operation(summary = "The retention policy of every data category")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public List<PolicyView> listRetentionPolicies() {
        return policies.list().stream().map(PolicyView::of).toList();
    }

    @GET
    @Path("policies/{categoryKey}")
    @Operation(summary = "The retention policy of one data category")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public PolicyView getRetentionPolicy(@PathParam("categoryKey") String categoryKey) {
        return PolicyView.of(policies.get(categoryKey));
    }

    @PUT
    @Path("policies/{categoryKey}")
    @Operation(summary = "Set a data category's retention policy (audited); a category added to the register gets its first one with a rationale")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "201", description = "The category's first policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "retention.policy.change", target = "retention-policy")
    public Response changeRetentionPolicy(@PathParam("categoryKey") String categoryKey, @Valid PolicyInput body,
                                          @Context UriInfo uri) {
        PolicyInput in = Bodies.require(body);
        Policies.Saved saved = policies.set(categoryKey, RetentionPolicy.Trigger.valueOf(in.trigger()),
                in.periodDays(), in.rationale());
        PolicyView view = PolicyView.of(saved.policy());
        return saved.created() ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @POST
    @Path("holds")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HoldView.class)))
    @Operation(summary = "Place a legal hold on a tenant or a subject: automatic deletion is suspended until it ends")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "retention.hold.place", target = "legal-hold")
    public Response placeLegalHold(@Valid HoldInput body, @Context UriInfo uri) {
        HoldInput in = Bodies.require(body);
        LegalHold h = holds.place(LegalHold.Scope.valueOf(in.scope()), in.tenantId(), in.subjectId(),
                in.reason(), in.owner(), in.endsAt(), Boolean.TRUE.equals(in.blocksSubjectRequests()),
                in.blockReason());
        return Response.created(uri.getAbsolutePathBuilder().path(h.id()).build())
                .entity(HoldView.of(h, Times.now(clock))).build();
    }

    @GET
    @Path("holds")
    @Operation(summary = "List legal holds, oldest first (released and ended ones too)")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Audited(action = "retention.hold.list", target = "legal-hold")
    public HoldPage listLegalHolds(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        OffsetDateTime now = Times.now(clock);
        Page<HoldView> p = page.page(holds.list(page), LegalHold::id, h -> HoldView.of(h, now));
        return new HoldPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("holds/{holdId}")
    @Operation(summary = "Get a legal hold")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Audited(action = "retention.hold.read", target = "legal-hold", id = "holdId")
    public HoldView getLegalHold(@PathParam("holdId") String holdId) {
        return HoldView.of(holds.get(holdId), Times.now(clock));
    }

    @POST
    @Path("holds/{holdId}/release")
    @Operation(summary = "Release a legal hold now; the erasures it suspended become due at once")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "retention.hold.release", target = "legal-hold", id = "holdId")
    public HoldView releaseLegalHold(@PathParam("holdId") String holdId) {
        return HoldView.of(holds.release(holdId), Times.now(clock));
    }

    @GET
    @Path("sweeps")
    @Operation(summary = "Recent sweep runs, newest first: when, what was due, what was erased, how long")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public SweepRunPage listSweepRuns(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        Page<SweepRunView> p = page.page(runs.list(page), SweepRun::id, SweepRunView::of);
        return new SweepRunPage(p.items(), p.nextCursor());
    }
}
