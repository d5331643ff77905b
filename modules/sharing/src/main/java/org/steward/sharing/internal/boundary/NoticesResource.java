package org.steward.sharing.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.steward.platform.security.api.Roles;
import org.steward.platform.security.api.TenantScope;
import org.steward.sharing.internal.control.Notices;
import org.steward.sharing.internal.entity.ChangeNotice;
import org.steward.sharing.internal.entity.Objection;
import org.steward.sharing.internal.entity.Subprocessor;

/** Change notices as staff see them (with objection counts and deliveries), and tenants' objections. */
@Path("v1/sharing/notices")
@Tag(name = "sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class NoticesResource {

    @Inject
    Notices notices;

    @Inject
    TenantScope scope;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @GET
    @Operation(summary = "Change notices, newest first, with how many tenants objected to each")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public NoticePage listSubprocessorNotices(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        Page<NoticeView> p = page.page(notices.feed(page), ChangeNotice::id, this::view);
        return new NoticePage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{noticeId}")
    @Operation(summary = "One change notice")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    public NoticeView getSubprocessorNotice(@PathParam("noticeId") String noticeId) {
        ChangeNotice n = notices.get(noticeId);
        return scope.boundTenant() == null ? view(n) : NoticeView.of(n, em.find(Subprocessor.class,
                n.subprocessorId()), null);
    }

    @POST
    @Path("{noticeId}/objections")
    @Operation(summary = "Object to a notice's change for a tenant (audited), within its objection window; after"
            + " it a 409. Objecting twice keeps the first objection")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObjectionView.class)))
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "sharing.notice.object", target = "notice", id = "noticeId")
    public Response objectToNotice(@PathParam("noticeId") String noticeId, @Valid ObjectionInput body) {
        ObjectionInput in = Bodies.require(body);
        scope.check(in.tenantId());
        Objection o = notices.object(noticeId, in.tenantId(), in.reason());
        return Response.status(Response.Status.CREATED).entity(ObjectionView.of(o)).build();
    }

    @GET
    @Path("{noticeId}/objections")
    @Operation(summary = "The tenants' objections to a notice")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public List<ObjectionView> listNoticeObjections(@PathParam("noticeId") String noticeId) {
        return notices.objections(noticeId).stream().map(ObjectionView::of).toList();
    }

    @GET
    @Path("{noticeId}/deliveries")
    @Operation(summary = "Who the notice was sent to, and whether it got through")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public List<DeliveryView> listNoticeDeliveries(@PathParam("noticeId") String noticeId) {
        notices.get(noticeId);
        return notices.deliveries(noticeId).stream().map(DeliveryView::of).toList();
    }

    private NoticeView view(ChangeNotice n) {
        return NoticeView.of(n, em.find(Subprocessor.class, n.subprocessorId()), notices.objectionCount(n.id()));
    }
}
