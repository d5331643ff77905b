package org.steward.platform.crypto.api;

/**
 * A blind-index rotation started or was resumed: {@code currentVersion} indexes writes. Modules that store blind
 * indexes observe it to re-index at once rather than at their job's next period.
 */
public record BlindIndexReindexRequested(int currentVersion) {
}
