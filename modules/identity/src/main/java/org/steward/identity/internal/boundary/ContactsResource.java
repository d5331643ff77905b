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

/** Contact data a subject gave us (policy §4b). */
@Path("v1/tenants/{tenantId}/subjects")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ContactsResource
        extends RecordsResource<ContactInput, ContactsResource.Contact, ContactsResource.ContactPage> {

    public ContactsResource() {
        super(RecordCategory.CONTACT, ContactInput.class, ContactInput::obtainedAt, ContactsResource::view,
                ContactPage::new);
    }

    @Schema(name = "ContactRecord")
    public record Contact(@Schema(required = true, format = "uuid") String id,
                          @Schema(required = true, format = "uuid") String subjectId,
                          @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                          @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                          String name, @Schema(format = "email") String email, String username, String message) {
    }

    @Schema(name = "ContactPage")
    public record ContactPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = Contact.class)
                              List<Contact> items, String nextCursor) {
    }

    @Override
    void refuseSensitive(ContactInput in) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", in.name());
        fields.put("message", in.message());
        sensitive.refuseIfSensitive(fields);
    }

    @POST
    @Path("{subjectId}/contacts")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ContactRecord")))
    @Operation(summary = "Store contact data a subject gave us")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.contact.add", target = "record")
    public Response addContact(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                               @Valid ContactInput body) {
        return add(t, s, body);
    }

    @GET
    @Path("{subjectId}/contacts")
    @Operation(summary = "List a subject's contact records")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.contact.list", target = "subject", id = "subjectId")
    public ContactPage listContacts(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                                    @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        return list(t, s, limit, cursor);
    }

    @GET
    @Path("{subjectId}/contacts/{recordId}")
    @Operation(summary = "Get one contact record")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "record.contact.read", target = "record", id = "recordId")
    public Contact getContact(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
                              @PathParam("recordId") String id) {
        return get(t, s, id);
    }

    @PUT
    @Path("{subjectId}/contacts/{recordId}")
    @Operation(summary = "Rectify one contact record: its content is replaced, checked like a new one")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "record.contact.rectify", target = "record", id = "recordId")
    public Contact rectifyContact(@PathParam("tenantId") String t, @PathParam("subjectId") String s,
            @PathParam("recordId") String id, @Valid ContactInput body) {
        return rectify(t, s, id, body);
    }

    private static Contact view(Opened<ContactInput> o) {
        PersonalRecord r = o.record();
        ContactInput c = o.content();
        return new Contact(r.rawId(), r.subjectId().asString(), r.obtainedAt(), r.createdAt(), c.name(),
                c.email(), c.username(), c.message());
    }
}
