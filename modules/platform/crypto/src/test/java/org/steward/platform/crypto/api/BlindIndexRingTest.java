package org.steward.platform.crypto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.internal.Aead;

class BlindIndexRingTest {

    private final BlindIndex v1 = new BlindIndex(1, new BlindIndexFunction(Aead.newKey()));
    private final BlindIndex v2 = new BlindIndex(2, new BlindIndexFunction(Aead.newKey()));

    @Test
    void anOldVersionAndANewVersionIndexDiffer() {
        assertThat(v1.apply(IndexKind.EMAIL, "alice@example.com"))
                .isNotEqualTo(v2.apply(IndexKind.EMAIL, "alice@example.com"));
    }

    @Test
    void theNewestVersionIndexesWrites() {
        BlindIndexRing ring = new BlindIndexRing(List.of(v1, v2));

        assertThat(ring.current()).isSameAs(v2);
        assertThat(ring.versions()).containsExactly(2, 1);
    }

    @Test
    void aLookupConsidersEveryActiveVersionCurrentFirst() {
        String storedBeforeRotation = v1.apply(IndexKind.EMAIL, "Alice@Example.com");
        String storedAfterRotation = v2.apply(IndexKind.EMAIL, "alice@example.com");

        List<String> candidates = new BlindIndexRing(List.of(v1, v2)).candidates(IndexKind.EMAIL,
                " ALICE@example.com ");

        assertThat(candidates).containsExactly(storedAfterRotation, storedBeforeRotation);
    }

    @Test
    void aRetiredVersionIsNoLongerSearched() {
        String storedUnderV1 = v1.apply(IndexKind.USERNAME, "alice");

        assertThat(new BlindIndexRing(List.of(v2)).candidates(IndexKind.USERNAME, "alice"))
                .doesNotContain(storedUnderV1).hasSize(1);
    }

    @Test
    void absentValuesHaveNoIndexAndAnEmptyRingIsAnError() {
        assertThat(v1.apply(IndexKind.EMAIL, null)).isNull();
        assertThatThrownBy(() -> new BlindIndexRing(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
