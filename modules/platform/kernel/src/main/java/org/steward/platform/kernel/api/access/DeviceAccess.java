package org.steward.platform.kernel.api.access;

import org.steward.platform.kernel.api.DeviceId;

/** An export of one website visitor's device records, for the request {@code requestId}. */
public record DeviceAccess(String requestId, DeviceId deviceId) {
}
