package org.steward.retention.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.erasure.ErasureId;
import org.steward.platform.security.api.Roles;
import org.steward.retention.internal.control.ErasureQueue;

/**
 * A website visitor's request to erase their device's data (the consent choices their cookie banner recorded), made
 * to the privacy office with the device id the banner shows. Devices belong to the vendor's own website, bound to no
 * tenant: a privacy officer's call, not a tenant's service key's.
 */
@Path("v1/devices/{deviceId}/erasure")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class DeviceErasureResource {

    @Inject
    ErasureQueue queue;

    @POST
    @APIResponse(responseCode = "202", description = "Accepted: queued for the next sweep, which ends with a certificate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Erasure")))
    @Operation(summary = "Erase a website visitor's device at their request (GDPR Art. 17): every row about it")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Audited(action = "erasure.request", target = "device")
    public Response requestDeviceErasure(@PathParam("deviceId") String deviceId, @Valid ErasureRequestInput body,
                                         @Context UriInfo uri) {
        ErasureRequestInput in = Bodies.require(body);
        DeviceId device;
        try {
            device = DeviceId.of(deviceId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("deviceId", "must be 16 to 128 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        ErasureId id = queue.requestDeviceErasure(device, in.reference().strip());
        return Response.accepted(ErasureView.of(queue.get(id.asString())))
                .location(uri.getBaseUriBuilder().path("v1/erasures").path(id.asString()).build()).build();
    }
}
