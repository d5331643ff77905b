package org.steward.consent.internal.control;

import java.time.OffsetDateTime;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;

/**
 * One consent to import, as parsed and syntactically checked. {@code importKey} makes a re-import idempotent: the
 * external id when the line has one, else the SHA-256 of the line's normalised content.
 */
public record ImportLine(int line, String importKey, String subjectId, String purposeKey, ConsentAction action,
                         Integer noticeVersion, String noticeLanguage, ConsentSource source,
                         OffsetDateTime occurredAt, OffsetDateTime expiresAt) {
}
