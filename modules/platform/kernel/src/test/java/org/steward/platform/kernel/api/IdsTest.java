package org.steward.platform.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void newIdsAreVersion7WithTheRfcVariant() {
        for (int i = 0; i < 1000; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        }
    }

    @Test
    void newIdsCarryTheCurrentTimeInMilliseconds() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();

        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }

    @Test
    void idsFromDifferentMillisecondsSortInCreationOrderAsStrings() throws InterruptedException {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            created.add(Ids.newId().toString());
            long now = System.currentTimeMillis();
            while (System.currentTimeMillis() == now) {
                Thread.sleep(0, 200_000);
            }
        }
        for (int i = 1; i < created.size(); i++) {
            assertThat(created.get(i)).as("id %d after id %d", i, i - 1).isGreaterThan(created.get(i - 1));
        }
    }

    @Test
    void newIdsAreUnique() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.newId())).isTrue();
        }
    }

    @Test
    void parseOrNullParsesAUuid() {
        UUID id = Ids.newId();

        assertThat(Ids.parseOrNull(id.toString())).isEqualTo(id);
        assertThat(Ids.parseOrNull(id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void parseOrNullReturnsNullForAnythingElse() {
        assertThat(Ids.parseOrNull(null)).isNull();
        assertThat(Ids.parseOrNull("")).isNull();
        assertThat(Ids.parseOrNull("not-a-uuid")).isNull();
        assertThat(Ids.parseOrNull("1-2-3-4-5")).as("UUID.fromString accepts short forms").isNull();
        assertThat(Ids.parseOrNull("0189c6a4-3b1f-7abc-8def-0123456789zz")).isNull();
        assertThat(Ids.parseOrNull(" 0189c6a4-3b1f-7abc-8def-0123456789ab")).isNull();
    }
}
