package org.steward.retention.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.erasure.ErasureId;

/**
 * Where an erasure stands: {@code done} once it committed, with its signed certificate's id; {@code heldBy} names a
 * legal hold that stops it (null otherwise).
 */
public record ErasureStatus(ErasureId erasureId, boolean done, String certificateId, OffsetDateTime completedAt,
                            String heldBy) {
}
