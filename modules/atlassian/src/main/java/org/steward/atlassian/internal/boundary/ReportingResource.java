package org.steward.atlassian.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.atlassian.internal.connector.OAuthTokens;
import org.steward.atlassian.internal.control.ReportingSetup;
import org.steward.atlassian.internal.entity.Reporting;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Roles;

/** A CLOUD tenant's personal data reporting to Atlassian: its configuration and its status. */
@Path("v1/tenants/{tenantId}/atlassian/reporting")
@Tag(name = "atlassian")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ReportingResource {

    @Inject
    ReportingSetup setup;

    @Inject
    Clock clock;

    @PUT
    @Operation(summary = "Configure the tenant's reporting (audited): the first cycle starts within the next run,"
            + " then every cycle (7 days, or as Atlassian's Cycle-Period says)")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "atlassian.reporting.configure", target = "tenant", id = "tenantId")
    public ReportingView configureAtlassianReporting(@PathParam("tenantId") String tenantId,
                                                     @Valid ReportingInput body) {
        ReportingInput in = Bodies.require(body);
        Reporting.Mode mode = Reporting.Mode.valueOf(in.mode());
        String credential;
        OAuthTokens.Client client = null;
        if (mode == Reporting.Mode.OAUTH) {
            refuse(in.sharedSecret(), "sharedSecret", "is for CONNECT only");
            refuse(in.appKey(), "appKey", "is for CONNECT only");
            credential = in.accessToken();
            boolean anyClient = in.clientId() != null || in.clientSecret() != null || in.refreshToken() != null;
            if (anyClient) {
                refuse(in.accessToken(), "accessToken", "give an access token or a client, not both");
                for (String[] f : new String[][]{{"clientId", in.clientId()}, {"clientSecret", in.clientSecret()},
                        {"refreshToken", in.refreshToken()}}) {
                    if (f[1] == null) {
                        throw ProblemException.invalid(f[0], "is required with an OAuth 2.0 client");
                    }
                }
                client = new OAuthTokens.Client(in.tokenUrl() == null ? OAuthTokens.DEFAULT_TOKEN_URL
                        : in.tokenUrl().strip(), in.clientId().strip(), in.clientSecret(), in.refreshToken());
            } else {
                refuse(in.tokenUrl(), "tokenUrl", "is for an OAuth 2.0 client only");
            }
        } else {
            refuse(in.accessToken(), "accessToken", "is for OAUTH only");
            for (String[] f : new String[][]{{"clientId", in.clientId()}, {"clientSecret", in.clientSecret()},
                    {"refreshToken", in.refreshToken()}, {"tokenUrl", in.tokenUrl()}}) {
                refuse(f[1], f[0], "is for OAUTH only");
            }
            credential = in.sharedSecret();
        }
        Reporting r = setup.configure(tenantId, new ReportingSetup.Settings(mode, in.baseUrl(), in.appKey(),
                credential, client, in.onUpdated() == null ? Reporting.OnUpdated.MARK_STALE
                : Reporting.OnUpdated.valueOf(in.onUpdated()), in.enabled() == null || in.enabled()));
        return ReportingView.of(r, Times.now(clock));
    }

    @GET
    @Operation(summary = "The tenant's reporting: the last and the next cycle, the accounts reported, closed and"
            + " updated, the last error and the backoff")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public ReportingView getAtlassianReporting(@PathParam("tenantId") String tenantId) {
        return ReportingView.of(setup.get(tenantId), Times.now(clock));
    }

    @DELETE
    @Operation(summary = "Stop reporting the tenant (audited): its configuration and credential are deleted")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "atlassian.reporting.remove", target = "tenant", id = "tenantId")
    public Response removeAtlassianReporting(@PathParam("tenantId") String tenantId) {
        setup.remove(tenantId);
        return Response.noContent().build();
    }

    private static void refuse(String value, String field, String message) {
        if (value != null) {
            throw ProblemException.invalid(field, message);
        }
    }
}
