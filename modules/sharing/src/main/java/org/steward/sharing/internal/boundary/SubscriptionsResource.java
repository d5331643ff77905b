package org.steward.sharing.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.security.api.Roles;
import org.steward.sharing.internal.control.Subscriptions;
import org.steward.sharing.internal.entity.Subscription;

/** A tenant's subscriptions to subprocessor change notices. */
@Path("v1/tenants/{tenantId}/notice-subscriptions")
@Tag(name = "sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SubscriptionsResource {

    @Inject
    Subscriptions subscriptions;

    @POST
    @Operation(summary = "Subscribe the tenant to change notices (audited), by email or by signed webhook; a"
            + " webhook's signing secret is answered once")
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "sharing.subscription.create", target = "notice-subscription")
    public Response subscribeToNotices(@PathParam("tenantId") String tenantId, @Valid SubscriptionInput body,
                                       @Context UriInfo uri) {
        SubscriptionInput in = Bodies.require(body);
        Subscription.Channel channel = Subscription.Channel.valueOf(in.channel());
        String address = channel == Subscription.Channel.EMAIL ? in.email() : in.url();
        if (address == null || address.isBlank()) {
            throw ProblemException.invalid(channel == Subscription.Channel.EMAIL ? "email" : "url",
                    "is required for a " + channel + " subscription");
        }
        Subscriptions.Created c = subscriptions.subscribe(tenantId, channel, address);
        return Response.created(uri.getAbsolutePathBuilder().path(c.subscription().id()).build())
                .entity(SubscriptionView.of(c.subscription(), c.address(), c.secret())).build();
    }

    @GET
    @Operation(summary = "The tenant's subscriptions, cancelled ones too")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    public List<SubscriptionView> listNoticeSubscriptions(@PathParam("tenantId") String tenantId) {
        return subscriptions.of(tenantId).stream()
                .map(s -> SubscriptionView.of(s, subscriptions.address(s), null)).toList();
    }

    @DELETE
    @Path("{subscriptionId}")
    @Operation(summary = "Cancel a subscription (audited): notices not yet delivered to it are dropped")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "sharing.subscription.cancel", target = "notice-subscription", id = "subscriptionId")
    public SubscriptionView cancelNoticeSubscription(@PathParam("tenantId") String tenantId,
                                                     @PathParam("subscriptionId") String subscriptionId) {
        Subscription s = subscriptions.cancel(tenantId, subscriptionId);
        return SubscriptionView.of(s, subscriptions.address(s), null);
    }
}
