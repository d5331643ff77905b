package org.steward.identity.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.identity.internal.control.Subjects;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.sensitive.SensitiveDataDetector;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Roles;

@Path("v1/tenants/{tenantId}/subjects")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SubjectsResource {

    @Inject
    Subjects subjects;

    @Inject
    CurrentCaller caller;

    @Inject
    SensitiveDataDetector sensitive;

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectView.class)))
    @Operation(summary = "Register a data subject")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "subject.register", target = "subject")
    public Response registerSubject(@PathParam("tenantId") String tenantId, @Valid SubjectInput body,
                             @Context UriInfo uri) {
        SubjectInput in = Bodies.require(body);
        sensitive.refuseIfSensitive("displayName", in.displayName());
        Subjects.Decrypted d = subjects.register(tenantId, identifiers(in));
        return Response.created(uri.getAbsolutePathBuilder().path(d.subject().rawId()).build()).entity(view(d))
                .build();
    }

    @POST
    @Path("search")
    @Operation(summary = "Find a subject by exactly one identifier (email, username or accountId), sent in the body"
            + " so that it stays out of URLs and access logs; the same answer as the GET with that identifier")
    @APIResponse(responseCode = "200", description = "The subjects found (none, or one)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "subject.list", target = "tenant", id = "tenantId")
    public SubjectPage searchSubjects(@PathParam("tenantId") String tenantId, @Valid SubjectSearchInput body) {
        SubjectSearchInput in = Bodies.require(body);
        if (in.email() == null && in.username() == null && in.accountId() == null) {
            throw ProblemException.invalid("email", "give exactly one of email, username or accountId");
        }
        return listSubjects(tenantId, in.email(), in.username(), in.accountId(), null, null, null);
    }

    @GET
    @Operation(summary = "List subjects, or find one by exactly one identifier (email, username or accountId)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "subject.list", target = "tenant", id = "tenantId")
    public SubjectPage listSubjects(@PathParam("tenantId") String tenantId,
                            @Parameter(description = "Find by email (case-insensitive)") @QueryParam("email") String email,
                            @Parameter(description = "Find by username (case-insensitive)") @QueryParam("username") String username,
                            @Parameter(description = "Find by Atlassian accountId") @QueryParam("accountId") String accountId,
                            @Parameter(description = "true: only subjects whose profile is stale (Atlassian reported"
                                    + " the account updated), to fetch again", schema = @Schema(enumeration = {"true",
                                    "false"})) @QueryParam("stale") String stale,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        if (stale != null && !stale.equals("true") && !stale.equals("false")) {
            throw ProblemException.invalid("stale", "must be true or false");
        }
        List<FieldError> given = new ArrayList<>();
        IndexKind kind = null;
        String value = null;
        if (email != null) {
            given.add(new FieldError("email", "given"));
            kind = IndexKind.EMAIL;
            value = email;
        }
        if (username != null) {
            given.add(new FieldError("username", "given"));
            kind = IndexKind.USERNAME;
            value = username;
        }
        if (accountId != null) {
            given.add(new FieldError("accountId", "given"));
            kind = IndexKind.ACCOUNT_ID;
            value = accountId;
        }
        if (given.size() > 1) {
            throw new ProblemException(ProblemType.VALIDATION, "Find by one identifier at a time",
                    given.stream().map(f -> new FieldError(f.field(), "only one identifier may be given")).toList());
        }
        if (kind != null) {
            if (value.isBlank() || value.length() > 254) {
                throw ProblemException.invalid(given.get(0).field(), "must be 1 to 254 characters");
            }
            List<SubjectView> found = subjects.findBy(tenantId, kind, value).stream().map(this::read).toList();
            return new SubjectPage(found, null);
        }
        Page<SubjectView> p = page.page(subjects.list(tenantId, page, "true".equals(stale)), Subject::rawId,
                this::read);
        return new SubjectPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{subjectId}")
    @Operation(summary = "Get a subject")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "subject.read", target = "subject", id = "subjectId")
    public SubjectView getSubject(@PathParam("tenantId") String tenantId, @PathParam("subjectId") String subjectId) {
        return read(subjects.find(tenantId, subjectId));
    }

    @PATCH
    @Path("{subjectId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rectify a subject (GDPR Art. 16): fields given are replaced, absent ones kept")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "subject.rectify", target = "subject", id = "subjectId")
    public SubjectView rectifySubject(@PathParam("tenantId") String tenantId, @PathParam("subjectId") String subjectId,
                               @Valid SubjectInput body) {
        SubjectInput in = Bodies.require(body);
        sensitive.refuseIfSensitive("displayName", in.displayName());
        return view(subjects.rectify(tenantId, subjectId, identifiers(in)));
    }

    @POST
    @Path("{subjectId}/minor")
    @Operation(summary = "Flag a subject as a minor (policy §8); their data is then erased promptly")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "subject.flag-minor", target = "subject", id = "subjectId")
    public SubjectView flagSubjectAsMinor(@PathParam("tenantId") String tenantId,
                                   @PathParam("subjectId") String subjectId) {
        return view(subjects.flagAsMinor(tenantId, subjectId));
    }

    /** An auditor's view leaves every identifier out, and nothing is decrypted for it ({@link AuditorView}). */
    private SubjectView read(Subject s) {
        if (AuditorView.sealed(caller.get())) {
            return new SubjectView(s.rawId(), s.tenantId().asString(), null, null, null, null, s.minor(),
                    s.createdAt(), s.updatedAt(), s.profileRetrievedAt(), s.profileStaleAt());
        }
        return view(subjects.decrypt(s));
    }

    private static Subjects.Identifiers identifiers(SubjectInput in) {
        return new Subjects.Identifiers(in.email(), in.username(), in.accountId(), in.displayName());
    }

    private static SubjectView view(Subjects.Decrypted d) {
        Subject s = d.subject();
        Subjects.Identifiers i = d.identifiers();
        return new SubjectView(s.rawId(), s.tenantId().asString(), i.email(), i.username(), i.accountId(),
                i.displayName(), s.minor(), s.createdAt(), s.updatedAt(), s.profileRetrievedAt(),
                s.profileStaleAt());
    }
}
