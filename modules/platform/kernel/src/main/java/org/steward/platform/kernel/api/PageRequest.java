package org.steward.platform.kernel.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination over time-ordered ids. The cursor is the opaque last id of the previous page, so pages stay
 * stable while rows are added, and no offset scan grows with the page number.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest parse(String limit, String cursor) {
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw ProblemException.invalid("limit", "must be from 1 to " + MAX_LIMIT);
            }
        }
        return new PageRequest(n, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    /** Asks the store for one row more than the limit: its presence is what says there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }

    public <E, T> Page<T> page(List<E> rows, Function<E, String> idOf, Function<E, T> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(idOf.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    private static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (Ids.parseOrNull(id) != null) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("cursor", "is not a cursor that this API returned");
    }
}
