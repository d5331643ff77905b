package org.steward.platform.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void theLimitDefaultsTo50() {
        PageRequest request = PageRequest.parse(null, null);

        assertThat(request.limit()).isEqualTo(50).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(request.after()).isNull();
        assertThat(request.fetchSize()).isEqualTo(51);
    }

    @Test
    void acceptsLimitsFrom1To200() {
        assertThat(PageRequest.parse("1", null).limit()).isEqualTo(1);
        assertThat(PageRequest.parse(" 200 ", null).limit()).isEqualTo(200);
        assertThat(PageRequest.parse("200", null).fetchSize()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "abc", "", "1.5", "99999999999"})
    void refusesOtherLimitsNamingTheLimitField(String limit) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.parse(limit, null));

        assertThat(e).as("limit %s", limit).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit");
        assertThat(e.getMessage()).contains("200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "!!!", "bm90LWEtdXVpZA", "MTIz"})
    void refusesACursorThatIsNotOneOfOurs(String cursor) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.parse(null, cursor));

        assertThat(e).as("cursor %s", cursor).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void anEmptyCursorMeansTheFirstPage() {
        assertThat(PageRequest.parse("10", "").after()).isNull();
    }

    @Test
    void aRawUuidIsNotACursor() {
        // The cursor is opaque: only what page() produced is accepted.
        String raw = Ids.newId().toString();

        ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.parse(null, raw));
        assertThat(e).isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void pageSetsTheNextCursorOnlyWhenThereAreMoreRowsThanTheLimit() {
        PageRequest request = PageRequest.parse("3", null);
        List<UUID> ids = ids(4);

        Page<String> full = request.page(ids.subList(0, 3), UUID::toString, UUID::toString);
        assertThat(full.items()).hasSize(3);
        assertThat(full.nextCursor()).as("exactly the limit: last page").isNull();

        Page<String> fewer = request.page(ids.subList(0, 2), UUID::toString, UUID::toString);
        assertThat(fewer.nextCursor()).isNull();

        Page<String> empty = request.page(List.<UUID>of(), UUID::toString, UUID::toString);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.nextCursor()).isNull();

        Page<String> more = request.page(ids, UUID::toString, u -> "view of " + u);
        assertThat(more.items()).containsExactly("view of " + ids.get(0), "view of " + ids.get(1),
                "view of " + ids.get(2));
        assertThat(more.nextCursor()).isNotNull();
    }

    @Test
    void theNextCursorRoundTripsToTheLastShownId() {
        PageRequest request = PageRequest.parse("2", null);
        List<UUID> ids = ids(3);

        Page<UUID> page = request.page(ids, UUID::toString, Function.identity());

        assertThat(page.nextCursor()).matches("[A-Za-z0-9_-]+").doesNotContain(ids.get(1).toString());
        PageRequest next = PageRequest.parse("2", page.nextCursor());
        assertThat(next.after()).isEqualTo(ids.get(1).toString());
        assertThat(next.limit()).isEqualTo(2);
    }

    @Test
    void aCursorIsUnpaddedBase64UrlOfTheId() {
        UUID id = Ids.newId();
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString()
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(PageRequest.parse(null, cursor).after()).isEqualTo(id.toString());
    }

    private static List<UUID> ids(int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Ids.newId());
        }
        return out;
    }
}
