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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** Feedback a subject sent (policy §4b). */
@Path("v1/tenants/{tenantId}/subjects")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class FeedbackResource
        extends RecordsResource<FeedbackInput, FeedbackResource.Feedback, FeedbackResource.FeedbackPage> {

    public FeedbackResource() {
        super(RecordCategory.FEEDBACK, FeedbackInput.class, FeedbackInput::obtainedAt, FeedbackResource::view,
                FeedbackPage::new);
    }

    @Schema(name = "FeedbackRecord")
    public record Feedback(@Schema(required = true, format = "uuid") String id,
                           @Schema(required = true, format = "uuid") String subjectId,
                           @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                           @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                           String name, @Schema(format = "email") String email, String text) {
    }

    @Schema(name = "FeedbackPage")
    public record FeedbackPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = Feedback.class)
                               List<Feedback> items, String nextCursor) {
    }

    @Override
    void refuseSensitive(FeedbackInput in) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", in.name());
        fields.put("text", in.text());
        sensitive.refuseIfSensitive(fields);
    }

    @POST
    @Path("{subjectId}/feedback")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "FeedbackRecord")))
    @Operation(summary = "Store feedback a subject sent")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.feedback.add", target = "record")
    public Response addFeedback(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                @Valid FeedbackInput body) {
        return add(t, s, body);
    }

    @GET
    @Path("{subjectId}/feedback")
    @Operation(summary = "List a subject's feedback records")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.feedback.list", target = "subject", id = "subjectId")
    public FeedbackPage listFeedback(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                     @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        return list(t, s, limit, cursor);
    }

    @GET
    @Path("{subjectId}/feedback/{recordId}")
    @Operation(summary = "Get one feedback record")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.feedback.read", target = "record", id = "recordId")
    public Feedback getFeedback(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                @PathParam("recordId") String id) {
        return get(t, s, id);
    }

    @PUT
    @Path("{subjectId}/feedback/{recordId}")
    @Operation(summary = "Rectify one feedback record: its content is replaced, checked like a new one")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.feedback.rectify", target = "record", id = "recordId")
    public Feedback rectifyFeedback(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
            @PathParam("recordId") String id, @Valid FeedbackInput body) {
        return rectify(t, s, id, body);
    }

    private static Feedback view(Opened<FeedbackInput> o) {
        PersonalRecord r = o.record();
        FeedbackInput f = o.content();
        return new Feedback(r.rawId(), r.subjectId().asString(), r.obtainedAt(), r.createdAt(), f.name(),
                f.email(), f.text());
    }
}
