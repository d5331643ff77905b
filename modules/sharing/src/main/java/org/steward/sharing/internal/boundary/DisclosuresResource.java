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
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.security.api.Roles;
import org.steward.sharing.internal.control.Disclosures;
import org.steward.sharing.internal.control.Register;
import org.steward.sharing.internal.entity.Disclosure;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * The disclosure ledger. Client apps report every disclosure of personal data here, or ask first (the check); a
 * sale, a recipient that is not an active subprocessor or a category it does not receive is a 422, and a subject's
 * opt-out, objection, GPC signal, restriction or missing consent for a marketing or analytics recipient a 409: the
 * data must not be sent. Refusals are audited.
 */
@Path("v1/disclosures")
@Tag(name = "sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class DisclosuresResource {

    @Inject
    Disclosures disclosures;

    @Inject
    Register register;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @POST
    @Operation(summary = "Record a disclosure (audited); idempotent by clientId within the tenant (200 and"
            + " replayed: true when already recorded)")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "200", description = "Already recorded under this clientId",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosureView.class)))
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.disclosure.record", target = "disclosure")
    public Response recordDisclosure(@Valid DisclosureInput body) {
        Disclosures.Recorded r = disclosures.record(Bodies.require(body).report());
        return Response.status(r.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(DisclosureView.of(r.disclosure(), r.recipient(), r.replayed())).build();
    }

    @POST
    @Path("batch")
    @Operation(summary = "Record up to 500 disclosures at once (audited), all or none: one that may not be disclosed"
            + " refuses the batch, and the problem names every such item (items[i].field)")
    @APIResponse(responseCode = "200", description = "Recorded (each item says whether it was a replay)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosureBatchView.class)))
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.disclosure.record-batch", target = "disclosure")
    public DisclosureBatchView recordDisclosureBatch(@Valid DisclosureBatchInput body) {
        List<DisclosureInput> items = Bodies.require(body).items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw ProblemException.invalid("items[" + i + "]", "must be a disclosure, not null");
            }
        }
        List<Disclosures.Recorded> recorded = disclosures.recordAll(items.stream().map(DisclosureInput::report)
                .toList(), "items");
        return new DisclosureBatchView(recorded.stream()
                .map(r -> DisclosureView.of(r.disclosure(), r.recipient(), r.replayed())).toList());
    }

    @POST
    @Path("check")
    @Operation(summary = "Ask before sharing: the same answer as recording it, and nothing recorded (a refusal is"
            + " audited)")
    @APIResponse(responseCode = "200", description = "Allowed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckView.class)))
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.disclosure.check", target = "disclosure")
    public CheckView checkDisclosure(@Valid DisclosureInput body) {
        Disclosures.Checked c = disclosures.check(Bodies.require(body).report());
        return new CheckView(true, c.recipient().id(), c.recipient().name(), List.copyOf(c.categories()),
                c.purpose().key(), c.purpose().basis().name());
    }

    @GET
    @Operation(summary = "The ledger, newest first, filtered by tenant, subject and recipient (audited: it says whose"
            + " data went where)")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "sharing.disclosure.list", target = "disclosure")
    public DisclosurePage listDisclosures(@QueryParam("tenantId") String tenantId,
                                          @QueryParam("subjectId") String subjectId,
                                          @QueryParam("recipient") String recipient,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        uuid("tenantId", tenantId);
        uuid("subjectId", subjectId);
        String recipientId = null;
        if (recipient != null && !recipient.isEmpty()) {
            Subprocessor s = register.find(recipient);
            if (s == null) {
                throw ProblemException.invalid("recipient", "no subprocessor has this id or name");
            }
            recipientId = s.id();
        }
        List<Disclosure> rows = disclosures.list(empty(tenantId), empty(subjectId), recipientId, page.after(),
                page.fetchSize());
        Page<DisclosureView> p = page.page(rows, Disclosure::id,
                d -> DisclosureView.of(d, em.find(Subprocessor.class, d.recipientId()), false));
        return new DisclosurePage(p.items(), p.nextCursor());
    }

    private static void uuid(String name, String value) {
        if (value != null && !value.isEmpty() && Ids.parseOrNull(value) == null) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
