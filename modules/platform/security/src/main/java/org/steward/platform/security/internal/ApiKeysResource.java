package org.steward.platform.security.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Roles;

@RequestScoped
@Transactional
@Path("v1/api-keys")
@Tag(name = "security")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeysResource {

    @Inject
    ApiKeys apiKeys;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Issue an API key for a machine client; the answer is the only time the key is shown")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    @Audited(action = "api-key.issue", target = "api-key")
    public Response issueApiKey(@Valid ApiKeyInput body, @Context UriInfo uri) {
        ApiKeyInput in = Bodies.require(body);
        ApiKeys.Issued issued = apiKeys.issue(in.name().strip(), in.roles(), in.tenantId(), in.expiresAt(),
                caller.get().id());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id()).build())
                .entity(ApiKeyView.of(issued.key(), issued.plaintext())).build();
    }

    @GET
    @Operation(summary = "List API keys (never the keys themselves)")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Audited(action = "api-key.list", target = "api-key")
    public ApiKeyPage listApiKeys(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        Page<ApiKeyView> p = page.page(apiKeys.list(page), ApiKey::id, k -> ApiKeyView.of(k, null));
        return new ApiKeyPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{keyId}")
    @Operation(summary = "Get an API key's metadata")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Audited(action = "api-key.read", target = "api-key", id = "keyId")
    public ApiKeyView getApiKey(@PathParam("keyId") String keyId) {
        return ApiKeyView.of(apiKeys.get(keyId), null);
    }

    @POST
    @Path("{keyId}/revocation")
    @Operation(summary = "Revoke an API key; it stops working at once")
    @Audited(action = "api-key.revoke", target = "api-key", id = "keyId")
    public ApiKeyView revokeApiKey(@PathParam("keyId") String keyId) {
        return ApiKeyView.of(apiKeys.revoke(keyId), null);
    }
}
