package org.steward.platform.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A signed-in console user. Found by the hash of the cookie's token; ends at its expiry or after idling too long. */
@Entity
@Table(name = "platform_console_session")
public class ConsoleSession {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "csrf_hash", nullable = false, length = 64)
    private String csrfHash;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected ConsoleSession() {
    }

    ConsoleSession(String tokenHash, String csrfHash, String userId, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.csrfHash = csrfHash;
        this.userId = userId;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = expiresAt;
    }

    boolean liveAt(OffsetDateTime now, Duration idle) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }

    /** Whether the last-seen time is old enough to be worth a write (at most one a minute per session). */
    boolean seenLongAgo(OffsetDateTime now) {
        return lastSeenAt.plusMinutes(1).isBefore(now);
    }

    void seen(OffsetDateTime now) {
        lastSeenAt = now;
    }

    String csrfHash() {
        return csrfHash;
    }

    String userId() {
        return userId;
    }

    OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
