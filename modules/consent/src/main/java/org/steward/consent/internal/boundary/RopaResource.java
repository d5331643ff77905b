package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.internal.control.Ropa;
import org.steward.consent.internal.control.RopaParties;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Roles;

/** The Art. 30 record of processing activities, as JSON or as CSV (RFC 4180) for spreadsheets and regulators. */
@Path("v1/inventory/ropa")
@Tag(name = "consent")
@RequestScoped
@Transactional
public class RopaResource {

    static final String CSV = "text/csv";

    @Inject
    Ropa ropa;

    @Inject
    Clock clock;

    @Inject
    RopaParties parties;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Export the record of processing activities (GDPR Art. 30); Accept: text/csv for CSV")
    @APIResponse(responseCode = "200", description = "The record",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ropa")),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public Response exportRopa(@Context HttpHeaders headers, @Context SecurityContext security) {
        List<Ropa.Activity> activities = ropa.activities();
        RopaParties.Head head = parties.head(security.isSecure());
        if (wantsCsv(headers.getAcceptableMediaTypes())) {
            return Response.ok(Ropa.csv(head, activities), CSV + "; charset=utf-8; header=present")
                    .header("Content-Disposition", "attachment; filename=\"ropa.csv\"").build();
        }
        return Response.ok(RopaView.of(head, Times.now(clock), activities), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV when the client prefers it to JSON; the list is sorted by quality already. */
    static boolean wantsCsv(List<MediaType> acceptable) {
        MediaType csv = MediaType.valueOf(CSV);
        for (MediaType m : acceptable) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()) {
                return false;
            }
            if (m.isCompatible(csv) && !m.isWildcardType() && !m.isWildcardSubtype()) {
                return true;
            }
        }
        return false;
    }
}
