package org.steward.identity.internal.boundary;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.identity.api.LicenceStatus;

@Schema(name = "Licence")
public record LicenceView(@Schema(required = true) String key, @Schema(required = true) LicenceStatus status,
                          @Schema(required = true, format = "date") LocalDate expiresOn,
                          @Schema(description = "The reason given when the licence was terminated") String terminationReason) {
}
