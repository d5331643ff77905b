package org.steward.sharing.internal.boundary;

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
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.internal.control.Callbacks;
import org.steward.sharing.internal.entity.Propagation;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * Recipients' signed confirmations: no login, the signature is the credential. A webhook recipient signs with the
 * secret it was given ({@code Steward-Signature: t=…,v1=…}); an OpenDSR processor with its private key
 * ({@code X-OpenDSR-Signature}). A bad, stale or replayed signature is a 400 that names the header.
 */
@Path("v1/public/sharing")
@Tag(name = "sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class CallbacksResource {

    @Inject
    Callbacks callbacks;

    @Inject
    Clock clock;

    @jakarta.persistence.PersistenceContext(unitName = "steward")
    jakarta.persistence.EntityManager em;

    @POST
    @Path("propagations/{propagationId}/callback")
    @Operation(summary = "A webhook recipient's signed answer: {\"status\":\"COMPLETED\"|\"IN_PROGRESS\"|\"REFUSED\","
            + "\"note\":…}; COMPLETED confirms the task")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @PermitAll
    @Audited(action = "sharing.propagation.callback", target = "propagation", id = "propagationId")
    public PropagationView receivePropagationCallback(@PathParam("propagationId") String propagationId,
                                                      @HeaderParam("Steward-Signature") String signature,
                                                      byte[] body) {
        return view(callbacks.webhook(propagationId, signature, body == null ? new byte[0] : body));
    }

    @POST
    @Path("opendsr/callback")
    @Operation(summary = "An OpenDSR processor's status callback, signed with its certificate's key")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @PermitAll
    @Audited(action = "sharing.propagation.opendsr-callback", target = "propagation")
    public PropagationView receiveOpenDsrCallback(@HeaderParam("X-OpenDSR-Processor-Domain") String domain,
                                                  @HeaderParam("X-OpenDSR-Signature") String signature,
                                                  byte[] body) {
        return view(callbacks.openDsr(domain, signature, body == null ? new byte[0] : body));
    }

    private PropagationView view(Propagation p) {
        return PropagationView.of(p, em.find(Subprocessor.class, p.recipientId()), Times.now(clock));
    }
}
