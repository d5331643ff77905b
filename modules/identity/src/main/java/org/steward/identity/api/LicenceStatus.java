package org.steward.identity.api;

/** A licence's state. {@code EXPIRED} and {@code TERMINATED} both lead to the erasure of the tenant (policy §10). */
public enum LicenceStatus {
    ACTIVE, EXPIRED, TERMINATED
}
