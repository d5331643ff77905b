package org.steward.platform.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void readsTheGivenClockInUtcTruncatedToMicroseconds() {
        Clock fixed = Clock.fixed(Instant.parse("2027-03-04T05:06:07.123456789Z"), ZoneId.of("Asia/Seoul"));

        OffsetDateTime now = Times.now(fixed);

        assertThat(now).isEqualTo(OffsetDateTime.parse("2027-03-04T05:06:07.123456Z"));
        assertThat(now.getOffset()).isEqualTo(ZoneOffset.UTC);
    }
}
