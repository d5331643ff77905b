package org.steward.consent.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.internal.control.Ropa;
import org.steward.consent.internal.control.RopaParties;
import org.steward.platform.kernel.api.Times;

/**
 * The published privacy notice (GDPR Art. 13/14, CCPA notice at collection): the very record of processing that
 * Steward enforces (purposes, legal bases, categories, retention, recipients, transfers), so the notice the privacy
 * center shows and the behaviour cannot drift apart. It names no data subject, so anyone may read it.
 */
@Path("v1/public/privacy-notice")
@Tag(name = "consent")
@RequestScoped
@Transactional
public class PrivacyNoticeResource {

    @Inject
    Ropa ropa;

    @Inject
    RopaParties parties;

    @Inject
    Clock clock;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The live privacy notice: what is collected, why, on what legal basis, how long it is kept"
            + " and who receives it, from the register Steward enforces (the record of processing's public content)")
    @APIResponse(responseCode = "200", description = "The notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ropa")))
    public Response getPrivacyNotice(@Context SecurityContext security) {
        return Response.ok(RopaView.of(parties.head(security.isSecure()), Times.now(clock), ropa.currentActivities())).build();
    }
}
