package org.steward.subjectrights.internal.boundary;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.subjectrights.api.RequestState;

/**
 * The answer to a filing. The same for an address we hold data about and one we do not. {@code statusToken} is given
 * once, when identity counts as checked at filing (staff, a client app, a device); otherwise after verification.
 */
@Schema(name = "FiledRequest")
public record FiledView(String id, RequestState state, boolean joinedOpenRequest, LocalDate dueOn,
                        @Schema(description = "Send as X-Request-Token to follow the request") String statusToken,
                        String next) {
}
