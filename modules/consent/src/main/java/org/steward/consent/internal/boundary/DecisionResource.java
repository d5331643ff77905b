package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.control.DecisionRules;
import org.steward.consent.internal.control.Decisions;
import org.steward.consent.internal.control.ForwardedGpc;
import org.steward.consent.internal.control.GpcSignal;
import org.steward.consent.internal.control.ProofHasher;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.Roles;

/**
 * The decision that every module and client asks before processing: served from an in-JVM cache that every change
 * invalidates, on this instance and on every other cluster member, before the change's response returns.
 * Not audited per call: it is the hot path (every email send, every analytics event), and it reads no personal data
 * values, only the holder's consent states. Changes to those states are audited where they are made, and so is the
 * one write a decision can make: a {@code Sec-GPC: 1} that a SERVICE caller passes on for the holder
 * ({@link ForwardedGpc}). Staff callers' headers are ignored: a privacy officer's own browser may send GPC.
 */
@Path("v1/consent")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DecisionResource {

    private static final String GPC_DESCRIPTION = "Global Privacy Control received from the holder's browser, passed"
            + " on by a SERVICE caller; 1 records an opt-out of sharing before deciding (other roles: ignored)";
    private static final String JURISDICTION_DESCRIPTION = "GDPR (sharing for cross-context behavioural advertising"
            + " needs consent) or CCPA (allowed until opted out); default: steward.consent.default-jurisdiction";

    @Inject
    CurrentCaller caller;

    @Inject
    Decisions decisions;

    @Inject
    ForwardedGpc forwardedGpc;

    @Inject
    ProofHasher proofHasher;

    @GET
    @Path("decision")
    @Operation(summary = "May this purpose's processing happen for the subject (or website visitor's device) now?")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public DecisionView getConsentDecision(
            @Parameter(description = "A subject id; give this or device") @QueryParam("subject") String subject,
            @Parameter(description = "A website visitor's device id; give this or subject")
            @QueryParam("device") String device,
            @Parameter(description = "The purpose key (exactly one; use /decisions for several)")
            @QueryParam("purpose") List<String> purpose,
            @Parameter(description = JURISDICTION_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"GDPR", "CCPA"})) @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = GPC_DESCRIPTION) @HeaderParam(GpcSignal.HEADER) String secGpc,
            @Context HttpServletRequest request) {
        ConsentHolder holder = decisions.holder(subject, device);
        if (purpose == null || purpose.size() != 1) {
            throw ProblemException.invalid("purpose", "give exactly one purpose; ask /api/v1/consent/decisions for"
                    + " several");
        }
        DecisionRules.Jurisdiction applied = decisions.jurisdiction(jurisdiction);
        boolean gpc = honourGpc(holder, secGpc, request);
        return DecisionView.of(decisions.decide(holder, purpose, applied).get(0), applied, gpc);
    }

    @GET
    @Path("decisions")
    @Operation(summary = "Decisions for several purposes at once (purpose repeated), or for every purpose (none given)")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public DecisionView.Items listConsentDecisions(
            @Parameter(description = "A subject id; give this or device") @QueryParam("subject") String subject,
            @Parameter(description = "A website visitor's device id; give this or subject")
            @QueryParam("device") String device,
            @Parameter(description = "Purpose keys, repeated (?purpose=a&purpose=b); none: every purpose")
            @QueryParam("purpose") List<String> purpose,
            @Parameter(description = JURISDICTION_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"GDPR", "CCPA"})) @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = GPC_DESCRIPTION) @HeaderParam(GpcSignal.HEADER) String secGpc,
            @Context HttpServletRequest request) {
        ConsentHolder holder = decisions.holder(subject, device);
        if (purpose != null && purpose.size() > 100) {
            throw ProblemException.invalid("purpose", "at most 100 purposes at once");
        }
        DecisionRules.Jurisdiction applied = decisions.jurisdiction(jurisdiction);
        List<String> keys = purpose == null || purpose.isEmpty() ? decisions.allPurposeKeys() : purpose;
        boolean gpc = honourGpc(holder, secGpc, request);
        return new DecisionView.Items(holder.ref(), gpc,
                decisions.decide(holder, keys, applied).stream().map(d -> DecisionView.of(d, applied, gpc)).toList());
    }

    /** Records a passed-on GPC signal (once) before the decision reads the state; true when the signal counts. */
    private boolean honourGpc(ConsentHolder holder, String secGpc, HttpServletRequest request) {
        if (!GpcSignal.present(secGpc) || !caller.get().has(Role.SERVICE)) {
            return false;
        }
        if (decisions.gpcWouldRecord(holder)) {
            forwardedGpc.record(holder, decisions.tenantOf(holder), Proofs.of(request, proofHasher));
        }
        return true;
    }
}
