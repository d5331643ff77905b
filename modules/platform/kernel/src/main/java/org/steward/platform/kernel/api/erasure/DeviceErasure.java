package org.steward.platform.kernel.api.erasure;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.steward.platform.kernel.api.DeviceId;

/**
 * Erase every row about one website visitor's device (a pseudonymous id, bound to no tenant: the vendor's own
 * website), at the visitor's request.
 *
 * @param erasureId the erasure's id (for logs: never log anything else about it)
 * @param deviceId  the device
 * @param trigger   why
 * @param at        the erasure's time
 */
public record DeviceErasure(ErasureId erasureId, DeviceId deviceId, ErasureTrigger trigger, OffsetDateTime at) {

    public DeviceErasure {
        Objects.requireNonNull(erasureId, "erasureId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
    }
}
