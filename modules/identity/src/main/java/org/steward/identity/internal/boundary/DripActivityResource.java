package org.steward.identity.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.identity.internal.control.PersonalRecords.Opened;
import org.steward.identity.internal.entity.PersonalRecord;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.security.api.Roles;

/** A subject's activity with regard to our drip-feed emails (policy §4b). */
@Path("v1/tenants/{tenantId}/subjects")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class DripActivityResource
        extends RecordsResource<DripActivityInput, DripActivityResource.DripActivity,
        DripActivityResource.DripActivityPage> {

    public DripActivityResource() {
        super(RecordCategory.DRIP_ACTIVITY, DripActivityInput.class, DripActivityInput::obtainedAt,
                DripActivityResource::view, DripActivityPage::new);
    }

    @Schema(name = "DripActivityRecord")
    public record DripActivity(@Schema(required = true, format = "uuid") String id,
                               @Schema(required = true, format = "uuid") String subjectId,
                               @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                               @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                               String sequence, Integer step,
                               @Schema(enumeration = {"SENT", "DELIVERED", "OPENED", "CLICKED", "BOUNCED",
                                       "UNSUBSCRIBED"}) String event) {
    }

    @Schema(name = "DripActivityPage")
    public record DripActivityPage(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = DripActivity.class)
            List<DripActivity> items, String nextCursor) {
    }

    @POST
    @Path("{subjectId}/drip-activity")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DripActivityRecord")))
    @Operation(summary = "Store a subject's activity with regard to a drip email")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.drip-activity.add", target = "record")
    public Response addDripActivity(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                    @Valid DripActivityInput body) {
        return add(t, s, body);
    }

    @GET
    @Path("{subjectId}/drip-activity")
    @Operation(summary = "List a subject's drip-email activity records")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.drip-activity.list", target = "subject", id = "subjectId")
    public DripActivityPage listDripActivity(@PathParam("tenantId") String t,
                                             @PathParam("subjectId") String s,
                                             @QueryParam("limit") String limit,
                                             @QueryParam("cursor") String cursor) {
        return list(t, s, limit, cursor);
    }

    @GET
    @Path("{subjectId}/drip-activity/{recordId}")
    @Operation(summary = "Get one drip-email activity record")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.drip-activity.read", target = "record", id = "recordId")
    public DripActivity getDripActivity(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                        @PathParam("recordId") String id) {
        return get(t, s, id);
    }

    @PUT
    @Path("{subjectId}/drip-activity/{recordId}")
    @Operation(summary = "Rectify one drip-email activity record: its content is replaced, checked like a new one")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.drip-activity.rectify", target = "record", id = "recordId")
    public DripActivity rectifyDripActivity(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
            @PathParam("recordId") String id, @Valid DripActivityInput body) {
        return rectify(t, s, id, body);
    }

    private static DripActivity view(Opened<DripActivityInput> o) {
        PersonalRecord r = o.record();
        DripActivityInput d = o.content();
        return new DripActivity(r.rawId(), r.subjectId().asString(), r.obtainedAt(), r.createdAt(),
                d.sequence(), d.step(), d.event());
    }
}
