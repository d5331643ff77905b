package org.steward.consent.internal.boundary;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.control.Notices;
import org.steward.consent.internal.control.Purposes;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.security.api.Roles;

/** Purposes, data categories and notices: readable by every staff role and machine client, changed by admins. */
@Path("v1/consent")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class PurposesResource {

    @Inject
    Purposes purposes;

    @Inject
    Notices notices;

    @GET
    @Path("purposes")
    @Operation(summary = "List the purposes of processing with their legal basis")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public PurposeView.Items listPurposes() {
        return new PurposeView.Items(purposes.list().stream().map(PurposeView::of).toList());
    }

    @POST
    @Path("purposes")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurposeView.class)))
    @Operation(summary = "Add a purpose of processing")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "purpose.create", target = "purpose")
    public Response createPurpose(@Valid PurposeInput body, @Context UriInfo uri) {
        PurposeInput in = Bodies.require(body);
        Set<String> categories = new TreeSet<>(in.categories());
        PurposeView created = PurposeView.of(purposes.create(new Purposes.Spec(in.key(), in.name().strip(),
                in.description().strip(), LegalBasis.valueOf(in.legalBasis()), Boolean.TRUE.equals(in.saleOrSharing()),
                Boolean.TRUE.equals(in.optOutAllowed()), Boolean.TRUE.equals(in.email()), categories)));
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()).entity(created).build();
    }

    @GET
    @Path("purposes/{purposeKey}")
    @Operation(summary = "Get a purpose")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public PurposeView getPurpose(@PathParam("purposeKey") String purposeKey) {
        return PurposeView.of(purposes.get(purposeKey));
    }

    @GET
    @Path("purposes/{purposeKey}/notices")
    @Operation(summary = "List every version of a purpose's notice, per language")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public NoticeView.Items listNotices(@PathParam("purposeKey") String purposeKey) {
        return new NoticeView.Items(notices.list(purposeKey).stream().map(NoticeView::of).toList());
    }

    @PUT
    @Path("purposes/{purposeKey}/notices/{language}")
    @APIResponse(responseCode = "201", description = "A new version was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "200", description = "The text equals the latest version's: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @Operation(summary = "Publish a purpose's notice text in a language; a changed text becomes a new version")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "notice.publish", target = "notice")
    public Response publishNotice(@PathParam("purposeKey") String purposeKey, @PathParam("language") String language,
                                  @Valid NoticeInput body) {
        NoticeInput in = Bodies.require(body);
        Notices.Published p = notices.publish(purposeKey, language, in.text());
        return Response.status(p.created() ? 201 : 200).entity(NoticeView.of(p.notice())).build();
    }

    @GET
    @Path("data-categories")
    @Operation(summary = "List the categories of personal data")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public CategoryView.Items listDataCategories() {
        return new CategoryView.Items(purposes.categories().stream().map(CategoryView::of).toList());
    }

    @POST
    @Path("data-categories")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @Operation(summary = "Add a category of personal data")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "data-category.create", target = "data-category")
    public Response createDataCategory(@Valid CategoryInput body) {
        CategoryInput in = Bodies.require(body);
        return Response.status(201).entity(CategoryView.of(purposes.createCategory(in.key(), in.name().strip(),
                in.description().strip(), in.dataSubjects().strip()))).build();
    }
}
