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

/** Synchronization configuration profiles (policy §4b). */
@Path("v1/tenants/{tenantId}/subjects")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SyncProfilesResource
        extends RecordsResource<SyncProfileInput, SyncProfilesResource.SyncProfile,
        SyncProfilesResource.SyncProfilePage> {

    public SyncProfilesResource() {
        super(RecordCategory.SYNC_PROFILE, SyncProfileInput.class, SyncProfileInput::obtainedAt,
                SyncProfilesResource::view, SyncProfilePage::new);
    }

    @Schema(name = "SyncProfileRecord")
    public record SyncProfile(@Schema(required = true, format = "uuid") String id,
                              @Schema(required = true, format = "uuid") String subjectId,
                              @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                              @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                              String name, Map<String, String> statusMappings, List<String> issueTypes,
                              Map<String, String> fieldValues, Map<String, String> userEmailMappings) {
    }

    @Schema(name = "SyncProfilePage")
    public record SyncProfilePage(@Schema(required = true, type = SchemaType.ARRAY, implementation = SyncProfile.class)
                                  List<SyncProfile> items, String nextCursor) {
    }

    @Override
    void refuseSensitive(SyncProfileInput in) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", in.name());
        texts(fields, "statusMappings", in.statusMappings());
        if (in.issueTypes() != null) {
            for (int i = 0; i < in.issueTypes().size(); i++) {
                fields.put("issueTypes[" + i + "]", in.issueTypes().get(i));
            }
        }
        texts(fields, "fieldValues", in.fieldValues());
        sensitive.refuseIfSensitive(fields);
    }

    /**
     * A map's keys and values are free text. Its keys are checked together and, when refused, named by the map alone
     * ({@code fieldValues}), so that a refused key is never echoed back; a value is named by its key
     * ({@code fieldValues.note}). The separator keeps a phrase from spanning two keys.
     */
    private void texts(Map<String, String> fields, String map, Map<String, String> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        String keys = String.join(" \u00b7 ", entries.keySet());
        fields.put(map, keys);
        if (sensitive.detect(keys).isEmpty()) {
            entries.forEach((k, v) -> fields.put(map + "." + k, v));
        }
    }

    @POST
    @Path("{subjectId}/sync-profiles")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "SyncProfileRecord")))
    @Operation(summary = "Store a synchronization configuration profile")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.sync-profile.add", target = "record")
    public Response addSyncProfile(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                   @Valid SyncProfileInput body) {
        return add(t, s, body);
    }

    @GET
    @Path("{subjectId}/sync-profiles")
    @Operation(summary = "List a subject's synchronization profiles")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.sync-profile.list", target = "subject", id = "subjectId")
    public SyncProfilePage listSyncProfiles(@PathParam("tenantId") String t,
                                            @PathParam("subjectId") String s,
                                            @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        return list(t, s, limit, cursor);
    }

    @GET
    @Path("{subjectId}/sync-profiles/{recordId}")
    @Operation(summary = "Get one synchronization profile")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.sync-profile.read", target = "record", id = "recordId")
    public SyncProfile getSyncProfile(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                      @PathParam("recordId") String id) {
        return get(t, s, id);
    }

    @PUT
    @Path("{subjectId}/sync-profiles/{recordId}")
    @Operation(summary = "Rectify one sync profile: its content is replaced, checked like a new one")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.sync-profile.rectify", target = "record", id = "recordId")
    public SyncProfile rectifySyncProfile(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
            @PathParam("recordId") String id, @Valid SyncProfileInput body) {
        return rectify(t, s, id, body);
    }

    private static SyncProfile view(Opened<SyncProfileInput> o) {
        PersonalRecord r = o.record();
        SyncProfileInput p = o.content();
        return new SyncProfile(r.rawId(), r.subjectId().asString(), r.obtainedAt(), r.createdAt(),
                p.name(), p.statusMappings(), p.issueTypes() == null ? null : List.copyOf(p.issueTypes()),
                p.fieldValues(), p.userEmailMappings());
    }
}
