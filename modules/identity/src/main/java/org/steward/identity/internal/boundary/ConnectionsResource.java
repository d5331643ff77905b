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

/** A sync connection's details (policy §4b). The personal access token is write-only: views say {@code hasToken}. */
@Path("v1/tenants/{tenantId}/subjects")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ConnectionsResource
        extends RecordsResource<ConnectionInput, ConnectionsResource.Connection, ConnectionsResource.ConnectionPage> {

    public ConnectionsResource() {
        super(RecordCategory.CONNECTION, ConnectionInput.class, ConnectionInput::obtainedAt, ConnectionsResource::view,
                ConnectionPage::new);
    }

    @Schema(name = "ConnectionRecord")
    public record Connection(@Schema(required = true, format = "uuid") String id,
                             @Schema(required = true, format = "uuid") String subjectId,
                             @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                             @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                             @Schema(format = "uri") String siteUrl, @Schema(format = "email") String userEmail,
                             @Schema(required = true) boolean hasToken) {
    }

    @Schema(name = "ConnectionPage")
    public record ConnectionPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = Connection.class)
                                 List<Connection> items, String nextCursor) {
    }

    @POST
    @Path("{subjectId}/connections")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ConnectionRecord")))
    @Operation(summary = "Store a sync connection's details; the personal access token is write-only")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.connection.add", target = "record")
    public Response addConnection(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                  @Valid ConnectionInput body) {
        return add(t, s, body);
    }

    @GET
    @Path("{subjectId}/connections")
    @Operation(summary = "List a subject's connection records (tokens are never returned)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.connection.list", target = "subject", id = "subjectId")
    public ConnectionPage listConnections(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                          @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        return list(t, s, limit, cursor);
    }

    @GET
    @Path("{subjectId}/connections/{recordId}")
    @Operation(summary = "Get one connection record (the token is never returned)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.connection.read", target = "record", id = "recordId")
    public Connection getConnection(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                    @PathParam("recordId") String id) {
        return get(t, s, id);
    }

    @PUT
    @Path("{subjectId}/connections/{recordId}")
    @Operation(summary = "Rectify one connection record (the token must be sent again): its content is replaced, checked like a new one")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.connection.rectify", target = "record", id = "recordId")
    public Connection rectifyConnection(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
            @PathParam("recordId") String id, @Valid ConnectionInput body) {
        return rectify(t, s, id, body);
    }

    private static Connection view(Opened<ConnectionInput> o) {
        PersonalRecord r = o.record();
        ConnectionInput c = o.content();
        return new Connection(r.rawId(), r.subjectId().asString(), r.obtainedAt(), r.createdAt(),
                c.siteUrl(), c.userEmail(), c.personalAccessToken() != null && !c.personalAccessToken().isEmpty());
    }
}
