package org.steward.platform.security.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.security.api.Roles;

/**
 * Liveness with authentication: a client checks that the server is up and that its credentials are accepted,
 * without touching any data. It does nothing else, which also makes it the baseline of the load benchmarks
 * (bench/): the same app, behind the same authentication, with no work of its own. The POST is the write benchmarks'
 * baseline: it reads a request body like a write does, and then writes nothing.
 */
@Path("v1/ping")
@Tag(name = "security")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PingResource {

    @Schema(name = "Pong")
    public record Pong(@Schema(required = true) String status) {
    }

    private static final Pong OK = new Pong("ok");

    @GET
    @Operation(summary = "Answers {\"status\":\"ok\"} to any authenticated caller: the server is up and the credentials work")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public Pong ping() {
        return OK;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reads and discards the request body, then answers like the GET: a write's round trip with no write")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public Pong pingWithBody(byte[] body) {
        return OK;
    }
}
