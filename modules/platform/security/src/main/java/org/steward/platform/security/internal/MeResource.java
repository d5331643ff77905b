package org.steward.platform.security.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.Roles;

@Path("v1/me")
@Tag(name = "security")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Schema(name = "Me")
    public record Me(@Schema(required = true) String id, @Schema(required = true) Caller.Kind kind,
                     @Schema(required = true, type = SchemaType.ARRAY, implementation = Role.class) List<Role> roles,
                     @Schema(format = "uuid") String tenantId) {
    }

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Who the server takes the caller to be")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    public Me me() {
        Caller c = caller.get();
        return new Me(c.id(), c.kind(), c.roles().stream().sorted().toList(), c.tenantId());
    }
}
