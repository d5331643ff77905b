package org.steward.sharing.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.entity.Delivery;

@Schema(name = "NoticeDelivery", description = "One notice to one subscription")
public record DeliveryView(@Schema(required = true, format = "uuid") String id,
                           @Schema(required = true, format = "uuid") String subscriptionId,
                           @Schema(required = true, enumeration = {"PENDING", "DELIVERED", "FAILING", "DROPPED"})
                           String state,
                           @Schema(required = true) int attempts,
                           String lastError,
                           @Schema(format = "date-time") OffsetDateTime deliveredAt,
                           @Schema(required = true, format = "date-time") OffsetDateTime nextAttemptAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.subscriptionId(), d.state().name(), d.attempts(), d.lastError(),
                d.deliveredAt(), d.nextAttemptAt());
    }
}
