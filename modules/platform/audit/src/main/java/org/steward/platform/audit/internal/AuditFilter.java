package org.steward.platform.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;

/**
 * The query parameters of the audit list, checked: a bad value is a 400 that names its parameter. The cursor is the
 * opaque last seq of the previous page.
 */
public record AuditFilter(OffsetDateTime from, OffsetDateTime to, String actor, String targetType, String targetId,
                   String action, int limit, long afterSeq) {

    private static final String CURSOR_PREFIX = "seq:";

    static AuditFilter parse(String from, String to, String actor, String targetType, String targetId,
                             String action, String limit, String cursor) {
        OffsetDateTime f = time("from", from);
        OffsetDateTime t = time("to", to);
        if (f != null && t != null && !t.isAfter(f)) {
            throw ProblemException.invalid("to", "must be later than from");
        }
        int n = PageRequest.parse(limit, null).limit();
        return new AuditFilter(f, t, text("actor", actor), text("targetType", targetType),
                text("targetId", targetId), text("action", action), n, cursor == null || cursor.isEmpty() ? 0
                        : decode(cursor));
    }

    static String cursorAfter(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(CURSOR_PREFIX)) {
                long seq = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (seq > 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below (NumberFormatException is one)
        }
        throw ProblemException.invalid("cursor", "is not a cursor that this API returned");
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 date-time with an offset, such as"
                    + " 2025-01-31T00:00:00Z");
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 255) {
            throw ProblemException.invalid(field, "must be at most 255 characters");
        }
        return value;
    }
}
