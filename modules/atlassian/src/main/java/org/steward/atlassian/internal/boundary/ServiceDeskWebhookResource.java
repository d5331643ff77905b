package org.steward.atlassian.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.atlassian.internal.control.PortalIntake;
import org.steward.atlassian.internal.entity.Ticket;
import org.steward.platform.kernel.api.Audited;

/**
 * JSM Automation's (or a Jira webhook's) notice of a new portal request: no login, the signature is the credential.
 * Only the issue key is taken from it; the request itself is read from JSM, so a forged body can file nothing.
 */
@Path("v1/public/atlassian/service-desks/{deskId}/webhook")
@Tag(name = "atlassian")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ServiceDeskWebhookResource {

    @Inject
    PortalIntake intake;

    @POST
    @Operation(summary = "A signed notice of a portal request ({\"issue\":{\"key\":\"PRIV-12\"}}, X-Hub-Signature:"
            + " sha256=<HMAC-SHA256 of the body>); the request is filed once, however often it is sent")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "202", description = "Recorded; it is read from JSM and filed by the next run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TicketView.class)))
    @PermitAll
    @Audited(action = "atlassian.service-desk.webhook", target = "service-desk", id = "deskId")
    public Response receiveServiceDeskWebhook(@PathParam("deskId") String deskId,
                                              @HeaderParam(PortalIntake.SIGNATURE_HEADER) String signature,
                                              byte[] body) {
        Ticket t = intake.webhook(deskId, signature, body == null ? new byte[0] : body);
        return Response.status(202).entity(TicketView.of(t, 0)).build();
    }
}
