package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.CurrentStates;
import org.steward.consent.internal.control.GpcSignal;
import org.steward.consent.internal.control.History;
import org.steward.consent.internal.control.Holders;
import org.steward.consent.internal.control.ProofHasher;
import org.steward.consent.internal.control.PublicUrl;
import org.steward.consent.internal.control.Purposes;
import org.steward.consent.internal.control.Receipt;
import org.steward.consent.internal.control.Receipts;
import org.steward.consent.internal.control.Unsubscribes;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.Roles;

/** A subject's consents: record an action (with a signed receipt), read the current state, export the history. */
@Path("v1/tenants/{tenantId}/subjects/{subjectId}/consents")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SubjectConsentsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Holders holders;

    @Inject
    Purposes purposes;

    @Inject
    ConsentRecorder recorder;

    @Inject
    CurrentStates states;

    @Inject
    History history;

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    ProofHasher proofHasher;

    @Inject
    Receipts receipts;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    @Inject
    GpcSignal gpc;

    @POST
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsentRecordedView.class)))
    @Operation(summary = "Record a consent action (grant, withdraw, opt out or in, object); answers a signed receipt")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "consent.record", target = "subject", id = "subjectId")
    public Response recordConsent(@PathParam("tenantId") String tenantId, @PathParam("subjectId") String subjectId,
                                  @Parameter(description = "Global Privacy Control received from the subject's"
                                          + " browser, passed on by a SERVICE caller: 1 also records an opt-out of"
                                          + " sharing, after the action (other roles: ignored)")
                                  @HeaderParam(GpcSignal.HEADER) String secGpc,
                                  @Valid ConsentInput body, @Context HttpServletRequest request) {
        ConsentInput in = Bodies.require(body);
        ConsentHolder holder = holders.subject(tenantId, subjectId);
        ConsentSource source = in.source() == null ? ConsentSource.API : ConsentSource.valueOf(in.source());
        if (source == ConsentSource.GPC) {
            throw ProblemException.invalid("source", "GPC is recorded from the Sec-GPC header of the public endpoints");
        }
        ConsentEvent.Proof proof = Proofs.of(request, proofHasher);
        ConsentRecorder.Recorded r = recorder.record(new ConsentRecorder.Command(holder, tenantId, in.purpose(),
                ConsentAction.valueOf(in.action()), in.noticeVersion(), in.noticeLanguage(), source, null, in.expiresAt(),
                proof, null));
        // After the explicit action, like the public endpoints: a subject whose browser sends GPC stays opted out.
        List<Receipt> gpcReceipts = caller.get().has(Role.SERVICE)
                ? gpc.honour(holder, tenantId, secGpc, proof).stream().map(ConsentRecorder.Recorded::receipt).toList()
                : List.of();
        return Response.status(201).entity(ConsentRecordedView.of(r, purposes.named(in.purpose(), "purpose"),
                Times.now(clock), gpcReceipts))
                .build();
    }

    @GET
    @Operation(summary = "The subject's current state for every purpose (NONE where nothing was recorded)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "consent.read", target = "subject", id = "subjectId")
    public ConsentStateView.Items listConsentStates(@PathParam("tenantId") String tenantId,
                                                    @PathParam("subjectId") String subjectId) {
        ConsentHolder holder = holders.subject(tenantId, subjectId);
        return new ConsentStateView.Items(holder.ref(), everyPurpose(purposes.list(), states.of(holder),
                Times.now(clock)));
    }

    @GET
    @Path("history")
    @Operation(summary = "Export the subject's full consent history (every event, oldest first, with its proof)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "consent.history.export", target = "subject", id = "subjectId")
    public ConsentEventView.History exportConsentHistory(@PathParam("tenantId") String tenantId,
                                                         @PathParam("subjectId") String subjectId) {
        ConsentHolder holder = holders.subject(tenantId, subjectId);
        return new ConsentEventView.History(holder.ref(), tenantId, Times.now(clock),
                history.of(holder).stream().map(ConsentEventView::of).toList());
    }

    @GET
    @Path("receipts/{receiptId}")
    @Operation(summary = "One of the subject's consent receipts, signed, by its id (as answered when it was recorded)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "consent.receipt.read", target = "subject", id = "subjectId")
    public Receipt getReceipt(@PathParam("tenantId") String tenantId, @PathParam("subjectId") String subjectId,
                              @PathParam("receiptId") String receiptId) {
        ConsentHolder holder = holders.subject(tenantId, subjectId);
        return receipts.of(holder, receiptId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "The subject has no receipt with this id", List.of(new FieldError("receiptId", "no such receipt"))));
    }

    @POST
    @Path("unsubscribe-links")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "UnsubscribeLink")))
    @Operation(summary = "Mint a signed one-click unsubscribe link (RFC 8058) for an email purpose")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.SERVICE})
    @Audited(action = "consent.unsubscribe-link.create", target = "subject", id = "subjectId")
    public Response createUnsubscribeLink(@PathParam("tenantId") String tenantId,
                                          @PathParam("subjectId") String subjectId,
                                          @Valid UnsubscribeLinkInput body, @Context UriInfo uri) {
        UnsubscribeLinkInput in = Bodies.require(body);
        publicUrl.base(); // 409 before anything else when the server does not know its public address
        String token = unsubscribes.mint(tenantId, subjectId, in.purpose());
        // Only the path comes from the request (where the API is deployed); the host is the configured one.
        String path = uri.getBaseUriBuilder().path(UnsubscribeResource.class).build(token).getRawPath();
        String url = publicUrl.link(path).toString();
        return Response.status(201).entity(UnsubscribeLinkView.of(url, token, in.purpose())).build();
    }

    static List<ConsentStateView> everyPurpose(List<Purpose> all, List<ConsentState> recorded, OffsetDateTime now) {
        Map<String, ConsentState> byPurpose = new HashMap<>();
        recorded.forEach(s -> byPurpose.put(s.purposeKey(), s));
        return all.stream().map(p -> ConsentStateView.of(p, byPurpose.get(p.key()), now)).toList();
    }
}
