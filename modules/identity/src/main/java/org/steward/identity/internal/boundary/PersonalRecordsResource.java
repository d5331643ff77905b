package org.steward.identity.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.identity.internal.control.PersonalRecords;
import org.steward.identity.internal.control.PersonalRecords.Opened;
import org.steward.identity.internal.entity.PersonalRecord;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.sensitive.SensitiveDataDetector;
import org.steward.platform.security.api.Roles;

/** The personal-data records of policy §4b, one sub-collection per record type under the subject. */
// Same root path as SubjectsResource: JAX-RS picks one root class per request by its path, and Jersey merges
// classes that share a path, so both classes' sub-paths stay reachable.
@Path("v1/tenants/{tenantId}/subjects")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class PersonalRecordsResource {

    @Inject
    PersonalRecords records;

    @Inject
    SensitiveDataDetector sensitive;

    @Context
    UriInfo uri;

    @POST
    @Path("{subjectId}/contacts")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordViews.Contact.class)))
    @Operation(summary = "Store contact data a subject gave us")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.contact.add", target = "record")
    public Response addContact(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                               @Valid ContactInput body) {
        ContactInput in = Bodies.require(body);
        sensitive.refuseIfSensitive("message", in.message());
        return created(records.add(t, s, RecordCategory.CONTACT, in, in.obtainedAt()), PersonalRecordsResource::contact);
    }

    @GET
    @Path("{subjectId}/contacts")
    @Operation(summary = "List a subject's contact records")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.contact.list", target = "subject", id = "subjectId")
    public RecordViews.ContactPage listContacts(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        var p = page.page(records.list(t, s, RecordCategory.CONTACT, ContactInput.class, page), o -> o.record().rawId(),
                PersonalRecordsResource::contact);
        return new RecordViews.ContactPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{subjectId}/contacts/{recordId}")
    @Operation(summary = "Get one contact record")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.contact.read", target = "record", id = "recordId")
    public RecordViews.Contact getContact(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                       @PathParam("recordId") String id) {
        return contact(records.get(t, s, RecordCategory.CONTACT, id, ContactInput.class));
    }

    @POST
    @Path("{subjectId}/feedback")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordViews.Feedback.class)))
    @Operation(summary = "Store feedback a subject sent")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.feedback.add", target = "record")
    public Response addFeedback(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                @Valid FeedbackInput body) {
        FeedbackInput in = Bodies.require(body);
        sensitive.refuseIfSensitive("text", in.text());
        return created(records.add(t, s, RecordCategory.FEEDBACK, in, in.obtainedAt()), PersonalRecordsResource::feedback);
    }

    @GET
    @Path("{subjectId}/feedback")
    @Operation(summary = "List a subject's feedback records")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.feedback.list", target = "subject", id = "subjectId")
    public RecordViews.FeedbackPage listFeedback(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        var p = page.page(records.list(t, s, RecordCategory.FEEDBACK, FeedbackInput.class, page),
                o -> o.record().rawId(), PersonalRecordsResource::feedback);
        return new RecordViews.FeedbackPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{subjectId}/feedback/{recordId}")
    @Operation(summary = "Get one feedback record")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.feedback.read", target = "record", id = "recordId")
    public RecordViews.Feedback getFeedback(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                         @PathParam("recordId") String id) {
        return feedback(records.get(t, s, RecordCategory.FEEDBACK, id, FeedbackInput.class));
    }

    @POST
    @Path("{subjectId}/connections")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordViews.Connection.class)))
    @Operation(summary = "Store a sync connection's details; the personal access token is write-only")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.connection.add", target = "record")
    public Response addConnection(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                  @Valid ConnectionInput body) {
        ConnectionInput in = Bodies.require(body);
        return created(records.add(t, s, RecordCategory.CONNECTION, in, in.obtainedAt()),
                PersonalRecordsResource::connection);
    }

    @GET
    @Path("{subjectId}/connections")
    @Operation(summary = "List a subject's connection records (tokens are never returned)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.connection.list", target = "subject", id = "subjectId")
    public RecordViews.ConnectionPage listConnections(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                                  @QueryParam("limit") String limit,
                                                  @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        var p = page.page(records.list(t, s, RecordCategory.CONNECTION, ConnectionInput.class, page),
                o -> o.record().rawId(), PersonalRecordsResource::connection);
        return new RecordViews.ConnectionPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{subjectId}/connections/{recordId}")
    @Operation(summary = "Get one connection record (the token is never returned)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.connection.read", target = "record", id = "recordId")
    public RecordViews.Connection getConnection(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                             @PathParam("recordId") String id) {
        return connection(records.get(t, s, RecordCategory.CONNECTION, id, ConnectionInput.class));
    }

    @POST
    @Path("{subjectId}/sync-profiles")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordViews.SyncProfile.class)))
    @Operation(summary = "Store a synchronization configuration profile")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.sync-profile.add", target = "record")
    public Response addSyncProfile(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                   @Valid SyncProfileInput body) {
        SyncProfileInput in = Bodies.require(body);
        if (in.fieldValues() != null) {
            in.fieldValues().forEach((k, v) -> sensitive.refuseIfSensitive("fieldValues." + k, v));
        }
        return created(records.add(t, s, RecordCategory.SYNC_PROFILE, in, in.obtainedAt()),
                PersonalRecordsResource::syncProfile);
    }

    @GET
    @Path("{subjectId}/sync-profiles")
    @Operation(summary = "List a subject's synchronization profiles")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.sync-profile.list", target = "subject", id = "subjectId")
    public RecordViews.SyncProfilePage listSyncProfiles(@PathParam("tenantId") String t,
                                                    @PathParam("subjectId") String s,
                                                    @QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        var p = page.page(records.list(t, s, RecordCategory.SYNC_PROFILE, SyncProfileInput.class, page),
                o -> o.record().rawId(), PersonalRecordsResource::syncProfile);
        return new RecordViews.SyncProfilePage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{subjectId}/sync-profiles/{recordId}")
    @Operation(summary = "Get one synchronization profile")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.sync-profile.read", target = "record", id = "recordId")
    public RecordViews.SyncProfile getSyncProfile(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                               @PathParam("recordId") String id) {
        return syncProfile(records.get(t, s, RecordCategory.SYNC_PROFILE, id, SyncProfileInput.class));
    }

    @POST
    @Path("{subjectId}/drip-activity")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordViews.DripActivity.class)))
    @Operation(summary = "Store a subject's activity with regard to a drip email")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.drip-activity.add", target = "record")
    public Response addDripActivity(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                    @Valid DripActivityInput body) {
        DripActivityInput in = Bodies.require(body);
        return created(records.add(t, s, RecordCategory.DRIP_ACTIVITY, in, in.obtainedAt()),
                PersonalRecordsResource::dripActivity);
    }

    @GET
    @Path("{subjectId}/drip-activity")
    @Operation(summary = "List a subject's drip-email activity records")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.drip-activity.list", target = "subject", id = "subjectId")
    public RecordViews.DripActivityPage listDripActivity(@PathParam("tenantId") String t,
                                                     @PathParam("subjectId") String s,
                                                     @QueryParam("limit") String limit,
                                                     @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        var p = page.page(records.list(t, s, RecordCategory.DRIP_ACTIVITY, DripActivityInput.class, page),
                o -> o.record().rawId(), PersonalRecordsResource::dripActivity);
        return new RecordViews.DripActivityPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{subjectId}/drip-activity/{recordId}")
    @Operation(summary = "Get one drip-email activity record")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.drip-activity.read", target = "record", id = "recordId")
    public RecordViews.DripActivity getDripActivity(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                                 @PathParam("recordId") String id) {
        return dripActivity(records.get(t, s, RecordCategory.DRIP_ACTIVITY, id, DripActivityInput.class));
    }

    private <T, V> Response created(Opened<T> opened, Function<Opened<T>, V> view) {
        return Response.created(uri.getAbsolutePathBuilder().path(opened.record().rawId()).build())
                .entity(view.apply(opened)).build();
    }

    private static RecordViews.Contact contact(Opened<ContactInput> o) {
        PersonalRecord r = o.record();
        ContactInput c = o.content();
        return new RecordViews.Contact(r.rawId(), r.subjectId().asString(), at(r), r.createdAt(), c.name(),
                c.email(), c.username(), c.message());
    }

    private static RecordViews.Feedback feedback(Opened<FeedbackInput> o) {
        PersonalRecord r = o.record();
        FeedbackInput f = o.content();
        return new RecordViews.Feedback(r.rawId(), r.subjectId().asString(), at(r), r.createdAt(), f.name(),
                f.email(), f.text());
    }

    private static RecordViews.Connection connection(Opened<ConnectionInput> o) {
        PersonalRecord r = o.record();
        ConnectionInput c = o.content();
        return new RecordViews.Connection(r.rawId(), r.subjectId().asString(), at(r), r.createdAt(), c.siteUrl(),
                c.userEmail(), c.personalAccessToken() != null && !c.personalAccessToken().isEmpty());
    }

    private static RecordViews.SyncProfile syncProfile(Opened<SyncProfileInput> o) {
        PersonalRecord r = o.record();
        SyncProfileInput p = o.content();
        return new RecordViews.SyncProfile(r.rawId(), r.subjectId().asString(), at(r), r.createdAt(), p.name(),
                p.statusMappings(), p.issueTypes() == null ? null : List.copyOf(p.issueTypes()), p.fieldValues(),
                p.userEmailMappings());
    }

    private static RecordViews.DripActivity dripActivity(Opened<DripActivityInput> o) {
        PersonalRecord r = o.record();
        DripActivityInput d = o.content();
        return new RecordViews.DripActivity(r.rawId(), r.subjectId().asString(), at(r), r.createdAt(), d.sequence(),
                d.step(), d.event());
    }

    private static OffsetDateTime at(PersonalRecord r) {
        return r.obtainedAt();
    }
}
