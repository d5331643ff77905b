package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.control.Decisions;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.security.api.Roles;

/**
 * The decision that every module and client asks before processing: served from an in-JVM cache that every change
 * invalidates, on this instance and on every other cluster member, before the change's response returns.
 * Not audited per call: it is the hot path (every email send, every analytics event), and it reads no personal data
 * values, only the holder's consent states. Changes to those states are audited where they are made.
 */
@Path("v1/consent")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DecisionResource {

    @Inject
    Decisions decisions;

    @GET
    @Path("decision")
    @Operation(summary = "May this purpose's processing happen for the subject (or website visitor's device) now?")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public DecisionView getConsentDecision(
            @Parameter(description = "A subject id; give this or device") @QueryParam("subject") String subject,
            @Parameter(description = "A website visitor's device id; give this or subject")
            @QueryParam("device") String device,
            @Parameter(description = "The purpose key (exactly one; use /decisions for several)")
            @QueryParam("purpose") List<String> purpose) {
        ConsentHolder holder = decisions.holder(subject, device);
        if (purpose == null || purpose.size() != 1) {
            throw ProblemException.invalid("purpose", "give exactly one purpose; ask /api/v1/consent/decisions for"
                    + " several");
        }
        return DecisionView.of(decisions.decide(holder, purpose).get(0));
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
            @QueryParam("purpose") List<String> purpose) {
        ConsentHolder holder = decisions.holder(subject, device);
        if (purpose != null && purpose.size() > 100) {
            throw ProblemException.invalid("purpose", "at most 100 purposes at once");
        }
        List<String> keys = purpose == null || purpose.isEmpty() ? decisions.allPurposeKeys() : purpose;
        return new DecisionView.Items(holder.ref(),
                decisions.decide(holder, keys).stream().map(DecisionView::of).toList());
    }
}
