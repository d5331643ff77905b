package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.steward.consent.api.CcpaDisclosure;
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
                in.description().strip(), LegalBasis.valueOf(in.legalBasis()),
                in.ccpa() == null ? CcpaDisclosure.NONE : CcpaDisclosure.valueOf(in.ccpa()),
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

    @PATCH
    @Path("purposes/{purposeKey}")
    @Operation(summary = "Edit a purpose: fields given are replaced (never into a sale: 422 on ccpa); decisions follow"
            + " at once")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "purpose.update", target = "purpose", id = "purposeKey")
    public PurposeView updatePurpose(@PathParam("purposeKey") String purposeKey, @Valid PurposeChangeInput body) {
        PurposeChangeInput in = Bodies.require(body);
        return PurposeView.of(purposes.change(purposeKey, new Purposes.Change(strip(in.name()),
                strip(in.description()), in.ccpa() == null ? null : CcpaDisclosure.valueOf(in.ccpa()),
                in.optOutAllowed(), in.email(), in.categories() == null ? null : new TreeSet<>(in.categories()))));
    }

    @POST
    @Path("purposes/{purposeKey}/retirement")
    @Operation(summary = "Retire a purpose: its history stays, nothing can be granted for it (422), its decisions deny"
            + " with PURPOSE_RETIRED; again: unchanged")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "purpose.retire", target = "purpose", id = "purposeKey")
    public PurposeView retirePurpose(@PathParam("purposeKey") String purposeKey, @Valid RetirementInput body) {
        return PurposeView.of(purposes.retire(purposeKey, Bodies.require(body).reason().strip()));
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

    @PATCH
    @Path("data-categories/{categoryKey}")
    @Operation(summary = "Edit a category of personal data: fields given are replaced")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "data-category.update", target = "data-category", id = "categoryKey")
    public CategoryView updateDataCategory(@PathParam("categoryKey") String categoryKey,
                                           @Valid CategoryChangeInput body) {
        CategoryChangeInput in = Bodies.require(body);
        return CategoryView.of(purposes.changeCategory(categoryKey, new Purposes.CategoryChange(strip(in.name()),
                strip(in.description()), strip(in.dataSubjects()))));
    }

    @POST
    @Path("data-categories/{categoryKey}/retirement")
    @Operation(summary = "Retire a category that no current purpose uses (409 naming them otherwise): no purpose may"
            + " take it on any more; again: unchanged")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "data-category.retire", target = "data-category", id = "categoryKey")
    public CategoryView retireDataCategory(@PathParam("categoryKey") String categoryKey,
                                           @Valid RetirementInput body) {
        return CategoryView.of(purposes.retireCategory(categoryKey, Bodies.require(body).reason().strip()));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
