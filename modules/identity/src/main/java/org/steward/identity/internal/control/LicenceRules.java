package org.steward.identity.internal.control;

import java.time.LocalDate;
import org.steward.identity.api.LicenceStatus;

/** When a licence is due to expire: it is active and its last day is before today (UTC). */
public final class LicenceRules {

    private LicenceRules() {
    }

    public static boolean isDue(LicenceStatus status, LocalDate expiresOn, LocalDate today) {
        return status == LicenceStatus.ACTIVE && expiresOn.isBefore(today);
    }

    /** A terminated licence is final: the tenant has been erased, so it cannot be renewed. */
    public static boolean canRenew(LicenceStatus status) {
        return status != LicenceStatus.TERMINATED;
    }
}
