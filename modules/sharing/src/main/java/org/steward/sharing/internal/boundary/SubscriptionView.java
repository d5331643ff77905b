package org.steward.sharing.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.entity.Subscription;

@Schema(name = "NoticeSubscription")
public record SubscriptionView(@Schema(required = true, format = "uuid") String id,
                               @Schema(required = true, format = "uuid") String tenantId,
                               @Schema(required = true, enumeration = {"EMAIL", "WEBHOOK"}) String channel,
                               @Schema(required = true, description = "The address or the URL") String address,
                               @Schema(description = "WEBHOOK: the signing secret, answered only when created")
                               String secret,
                               @Schema(required = true) boolean active,
                               @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                               @Schema(format = "date-time") OffsetDateTime cancelledAt) {

    static SubscriptionView of(Subscription s, String address, String secret) {
        return new SubscriptionView(s.id(), s.tenantId(), s.channel().name(), address, secret,
                s.cancelledAt() == null, s.createdAt(), s.cancelledAt());
    }
}
