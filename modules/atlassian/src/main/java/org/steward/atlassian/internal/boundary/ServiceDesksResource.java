package org.steward.atlassian.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.atlassian.internal.control.ServiceDesks;
import org.steward.atlassian.internal.entity.ServiceDesk;
import org.steward.atlassian.internal.entity.Ticket;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.security.api.Roles;
import org.steward.subjectrights.api.RequestType;

/** The JSM service desks that privacy requests come from (the policy's help center), and their tickets. */
@Path("v1/atlassian/service-desks")
@Tag(name = "atlassian")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ServiceDesksResource {

    static final String DEFAULT_TRANSITION = "Resolve this issue";

    @Inject
    ServiceDesks desks;

    @POST
    @Operation(summary = "Connect a service desk (audited): its portal requests become subject requests, and their"
            + " progress is posted back as comments; the webhook secret is answered once")
    @APIResponse(responseCode = "201", description = "Connected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceDeskView.class)))
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "atlassian.service-desk.connect", target = "service-desk")
    public Response connectServiceDesk(@Valid ServiceDeskInput body, @Context UriInfo uri) {
        ServiceDeskInput in = Bodies.require(body);
        ServiceDesks.Created c = desks.create(settings(in, true));
        return Response.created(uri.getAbsolutePathBuilder().path(c.desk().id()).build())
                .entity(ServiceDeskView.of(c.desk(), c.webhookSecret())).build();
    }

    @GET
    @Operation(summary = "The connected service desks")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public List<ServiceDeskView> listServiceDesks() {
        return desks.list().stream().map(d -> ServiceDeskView.of(d, null)).toList();
    }

    @GET
    @Path("{deskId}")
    @Operation(summary = "A connected service desk, with its poll's state")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public ServiceDeskView getServiceDesk(@PathParam("deskId") String deskId) {
        return ServiceDeskView.of(desks.get(deskId), null);
    }

    @PUT
    @Path("{deskId}")
    @Operation(summary = "Change a service desk's settings (audited); omitted credentials are kept")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "atlassian.service-desk.update", target = "service-desk", id = "deskId")
    public ServiceDeskView updateServiceDesk(@PathParam("deskId") String deskId, @Valid ServiceDeskInput body) {
        return ServiceDeskView.of(desks.update(deskId, settings(Bodies.require(body), false)), null);
    }

    @POST
    @Path("{deskId}/webhook-secret")
    @Operation(summary = "A new webhook secret (audited), answered once; the old one stops working at once")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "atlassian.service-desk.rotate-secret", target = "service-desk", id = "deskId")
    public ServiceDeskView rotateServiceDeskWebhookSecret(@PathParam("deskId") String deskId) {
        ServiceDesks.Created c = desks.rotateWebhookSecret(deskId);
        return ServiceDeskView.of(c.desk(), c.webhookSecret());
    }

    @DELETE
    @Path("{deskId}")
    @Operation(summary = "Disconnect a service desk (audited): its ticket links and unposted comments are deleted;"
            + " the subject requests stay")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "atlassian.service-desk.disconnect", target = "service-desk", id = "deskId")
    public Response disconnectServiceDesk(@PathParam("deskId") String deskId) {
        desks.remove(deskId);
        return Response.noContent().build();
    }

    @GET
    @Path("{deskId}/tickets")
    @Operation(summary = "The desk's tickets Steward saw, newest first, with the subject request each became")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The tickets", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
            implementation = TicketView.class)))
    public List<TicketView> listServiceDeskTickets(@PathParam("deskId") String deskId,
                                                   @QueryParam("limit") String limit) {
        int n = 100;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 500) {
                throw ProblemException.invalid("limit", "must be 1 to 500");
            }
        }
        return desks.tickets(deskId, n).stream().map(r -> TicketView.of((Ticket) r[0], (Long) r[1])).toList();
    }

    private static ServiceDesks.Settings settings(ServiceDeskInput in, boolean create) {
        ServiceDesk.Auth auth = ServiceDesk.Auth.valueOf(in.auth());
        String authorization = null;
        if (auth == ServiceDesk.Auth.BASIC) {
            if (in.accessToken() != null) {
                throw ProblemException.invalid("accessToken", "is for BEARER only");
            }
            if (in.apiToken() != null || in.email() != null) {
                if (in.email() == null || in.apiToken() == null) {
                    throw ProblemException.invalid(in.email() == null ? "email" : "apiToken",
                            "is required with BASIC");
                }
                authorization = "Basic " + Base64.getEncoder().encodeToString((in.email().strip() + ":"
                        + in.apiToken().strip()).getBytes(StandardCharsets.UTF_8));
            }
        } else {
            if (in.apiToken() != null || in.email() != null) {
                throw ProblemException.invalid(in.apiToken() != null ? "apiToken" : "email", "is for BASIC only");
            }
            if (in.accessToken() != null) {
                authorization = "Bearer " + in.accessToken().strip();
            }
        }
        if (!create && in.since() != null) {
            throw ProblemException.invalid("since", "is set when the desk is connected only");
        }
        Map<String, RequestType> types = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        in.requestTypes().forEach((id, type) -> {
            if (id == null || !id.matches("[0-9]{1,32}")) {
                errors.add(new FieldError("requestTypes", "keys must be JSM's numeric request type ids"));
                return;
            }
            try {
                types.put(id, RequestType.valueOf(type));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("requestTypes." + id, "must be a subject request type (ACCESS,"
                        + " RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, PORTABILITY, WITHDRAW_CONSENT,"
                        + " COMPLAINT)"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The request type map is not valid", errors);
        }
        return new ServiceDesks.Settings(in.name(), in.siteUrl(), in.serviceDeskId(), auth, authorization, types,
                in.jurisdiction() == null ? "GDPR" : in.jurisdiction(),
                in.transition() == null ? DEFAULT_TRANSITION : in.transition().strip(),
                in.poll() == null || in.poll(), in.since() == null ? null : in.since().toInstant().toEpochMilli());
    }
}
