package org.steward.platform.crypto.api;

/**
 * A command: re-index the blind indexes now. A blind-index rotation started or was resumed, and
 * {@code currentVersion} indexes writes; modules that store blind indexes observe it to re-index at once rather
 * than at their job's next period.
 */
public record ReindexBlindIndex(int currentVersion) {
}
