package org.steward.identity.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.identity.api.HostingMode;
import org.steward.identity.internal.control.Tenants;
import org.steward.identity.internal.entity.Tenant;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.security.api.Roles;
import org.steward.platform.security.api.TenantScope;

@Path("v1/tenants")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class TenantsResource {

    @Inject
    Tenants tenants;

    @Inject
    TenantScope scope;

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView.class)))
    @Operation(summary = "Register a tenant (licensee) with its licence")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "tenant.register", target = "tenant")
    public Response registerTenant(@Valid TenantInput body, @Context UriInfo uri) {
        TenantInput in = Bodies.require(body);
        Tenant t = tenants.register(in.name().strip(), in.siteUrl().strip(), HostingMode.valueOf(in.hostingMode()), in.licence().key(),
                in.licence().expiresOn());
        return Response.created(uri.getAbsolutePathBuilder().path(t.rawId()).build()).entity(TenantView.of(t))
                .build();
    }

    @GET
    @Operation(summary = "List tenants, oldest first")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR})
    @Audited(action = "tenant.list", target = "tenant")
    public TenantPage listTenants(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        String bound = scope.boundTenant();
        if (bound != null) {
            // A caller bound to one tenant sees that tenant only.
            return new TenantPage(List.of(TenantView.of(tenants.get(bound))), null);
        }
        Page<TenantView> p = page.page(tenants.list(page), Tenant::rawId, TenantView::of);
        return new TenantPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{tenantId}")
    @Operation(summary = "Get a tenant")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Audited(action = "tenant.read", target = "tenant", id = "tenantId")
    public TenantView getTenant(@PathParam("tenantId") String tenantId) {
        return TenantView.of(tenants.get(tenantId));
    }

    @PUT
    @Path("{tenantId}")
    @Operation(summary = "Change a tenant's name or site")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "tenant.update", target = "tenant", id = "tenantId")
    public TenantView updateTenant(@PathParam("tenantId") String tenantId, @Valid TenantUpdate body) {
        TenantUpdate in = Bodies.require(body);
        return TenantView.of(tenants.update(tenantId, in.name().strip(), in.siteUrl().strip()));
    }

    @PUT
    @Path("{tenantId}/licence")
    @Operation(summary = "Renew or change a tenant's licence; an expired licence becomes active again")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "tenant.licence.renew", target = "tenant", id = "tenantId")
    public TenantView renewLicence(@PathParam("tenantId") String tenantId, @Valid LicenceInput body) {
        LicenceInput in = Bodies.require(body);
        return TenantView.of(tenants.renew(tenantId, in.key(), in.expiresOn()));
    }

    @POST
    @Path("{tenantId}/licence/termination")
    @Operation(summary = "Terminate a licence before its expiry; this erases every subject of the tenant")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "tenant.licence.terminate", target = "tenant", id = "tenantId")
    public TenantView terminateLicence(@PathParam("tenantId") String tenantId, @Valid TerminationInput body) {
        TerminationInput in = Bodies.require(body);
        return TenantView.of(tenants.terminate(tenantId, Boolean.TRUE.equals(in.acknowledgeErasure()),
                in.reason()));
    }

    @GET
    @Path("{tenantId}/licence/history")
    @Operation(summary = "The licence's history: registration, renewals, expiry, termination")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Audited(action = "tenant.licence.history", target = "tenant", id = "tenantId")
    public List<LicenceChangeView> licenceHistory(@PathParam("tenantId") String tenantId) {
        return tenants.history(tenantId).stream().map(LicenceChangeView::of).toList();
    }
}
