package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.internal.control.ConsentRates;
import org.steward.consent.internal.control.Purposes;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Roles;

/** Consent rates per purpose over time, for the console's chart: counts only, no holder is named. */
@Path("v1/consent/rates")
@Tag(name = "consent")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class ConsentRatesResource {

    public record WeekView(@Schema(required = true, description = "The Monday (UTC) the week starts on") LocalDate weekStart,
                           @Schema(required = true, description = "Holders with a recorded state at the week's end")
                           int holders,
                           @Schema(required = true, description = "Holders per state (GRANTED, WITHDRAWN, OPTED_OUT,"
                                   + " OPTED_IN, OBJECTED) at the week's end") Map<String, Integer> states,
                           @Schema(required = true, description = "Actions recorded during the week, by the state"
                                   + " they led to") Map<String, Integer> changes) {
    }

    @Schema(name = "ConsentRates")
    public record RatesView(@Schema(required = true) String purpose,
                            @Schema(format = "uuid") String tenantId,
                            @Schema(required = true, type = SchemaType.ARRAY, implementation = WeekView.class)
                            List<WeekView> weeks) {
    }

    @Inject
    ConsentRates rates;

    @Inject
    Purposes purposes;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "A purpose's consent over the last weeks (1 to 104, default 12): holders per state at each"
            + " week's end and the week's actions, optionally for one tenant")
    public RatesView getConsentRates(@QueryParam("purpose") String purpose, @QueryParam("tenantId") String tenantId,
                                     @QueryParam("weeks") String weeks) {
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.invalid("purpose", "is required");
        }
        purposes.get(purpose);
        if (tenantId != null && Ids.parseOrNull(tenantId) == null) {
            throw ProblemException.invalid("tenantId", "must be a UUID");
        }
        int n = 12;
        if (weeks != null) {
            try {
                n = Integer.parseInt(weeks);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 104) {
                throw ProblemException.invalid("weeks", "must be a whole number from 1 to 104");
            }
        }
        List<WeekView> out = rates.weekly(purpose, tenantId, n, Times.now(clock)).stream()
                .map(w -> new WeekView(w.start(), w.holders(), names(w.states()), names(w.changes()))).toList();
        return new RatesView(purpose, tenantId, out);
    }

    private static Map<String, Integer> names(Map<ConsentStatus, Integer> counts) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
