package org.steward.platform.security.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.steward.platform.security.api.Roles;

@RequestScoped
@Transactional
@Path("v1/users")
@Tag(name = "security")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UsersResource {

    @Inject
    Users users;

    @POST
    @Operation(summary = "Create a user")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @Audited(action = "user.create", target = "user")
    public Response createUser(@Valid UserInput body, @Context UriInfo uri) {
        UserInput in = Bodies.require(body);
        User u = users.create(in.username(), in.password(), in.roles(), in.tenantId());
        return Response.created(uri.getAbsolutePathBuilder().path(u.id()).build()).entity(UserView.of(u)).build();
    }

    @GET
    @Operation(summary = "List users")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Audited(action = "user.list", target = "user")
    public UserPage listUsers(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        Page<UserView> p = page.page(users.list(page), User::id, UserView::of);
        return new UserPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{userId}")
    @Operation(summary = "Get a user")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Audited(action = "user.read", target = "user", id = "userId")
    public UserView getUser(@PathParam("userId") String userId) {
        return UserView.of(users.get(userId));
    }

    @PATCH
    @Path("{userId}")
    @Operation(summary = "Change a user's password, roles or enabled flag")
    @Audited(action = "user.change", target = "user", id = "userId")
    public UserView changeUser(@PathParam("userId") String userId, @Valid UserUpdate body) {
        UserUpdate in = Bodies.require(body);
        return UserView.of(users.change(userId, in.roles(), in.tenantId(), in.enabled(), in.password()));
    }
}
