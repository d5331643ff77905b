package org.steward.platform.kernel.api.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.SubjectId;

class ErasureReportTest {

    private static final DataKeyId K1 = new DataKeyId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final DataKeyId K2 = new DataKeyId(UUID.fromString("00000000-0000-0000-0000-000000000002"));

    @Test
    void eachParticipantReportsOnItsOwnPartAndTheEntriesAreInModuleAndCategoryOrder() {
        ErasureReport report = new ErasureReport();
        ErasureReport.Part identity = report.part("identity");
        ErasureReport.Part consent = report.part("consent");
        identity.deleted("subject-identifiers", 1);
        identity.deleted("feedback", 3);
        identity.deleted("feedback", 2);
        identity.dataKey(K1);
        identity.dataKey(null);
        consent.deleted("consent-events", 4);
        consent.deleted("consent-state", 0);
        report.part("platform");

        assertThat(report.part("identity")).isSameAs(identity);
        assertThat(report.entries()).containsExactly(new ErasureReport.Entry("consent", "consent-events", 4),
                new ErasureReport.Entry("identity", "feedback", 5),
                new ErasureReport.Entry("identity", "subject-identifiers", 1));
        assertThat(report.parts()).extracting(ErasureReport.Part::module).as("a part with nothing is left out")
                .containsExactly("consent", "identity");
        assertThat(report.dataKeys()).containsExactly(K1);
        assertThat(report.total()).isEqualTo(10);
        assertThat(identity.total()).isEqualTo(6);
        assertThatThrownBy(() -> identity.deleted(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report.part("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsAddUp() {
        ErasureReport first = new ErasureReport();
        first.part("identity").deleted("feedback", 3);
        first.part("identity").dataKey(K1);
        ErasureReport second = new ErasureReport();
        second.part("identity").deleted("feedback", 2);
        second.part("identity").dataKey(K1);
        second.part("identity").dataKey(K2);
        second.part("retention").deleted("purpose-ends", 1);

        first.add(second);

        assertThat(first.entries()).containsExactly(new ErasureReport.Entry("identity", "feedback", 5),
                new ErasureReport.Entry("retention", "purpose-ends", 1));
        assertThat(first.dataKeys()).containsExactly(K1, K2);
        assertThat(first.total()).isEqualTo(6);
    }

    @Test
    void aCategoryChunkNamesPurposeEndsIfAndOnlyIfItIsPurposeFulfilled() {
        ErasureId id = new ErasureId(UUID.randomUUID());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        SubjectId subject = new SubjectId(UUID.randomUUID());
        CategoryErasure ended = CategoryErasure.purposeEnded(id, "welcome-email", now, Map.of(subject, now), now);
        assertThat(ended.kind()).isEqualTo(PolicyKind.PURPOSE_FULFILLED);
        assertThat(ended.limit()).isEqualTo(1);
        assertThat(ended.trigger()).isEqualTo(ErasureTrigger.POLICY);
        assertThat(CategoryErasure.byAge(id, "feedback", PolicyKind.FIXED, now, 10, Set.of(), Set.of(), now)
                .purposeEnds()).isEmpty();
        assertThatThrownBy(() -> CategoryErasure.byAge(id, "feedback", PolicyKind.PURPOSE_FULFILLED, now, 10, Set.of(),
                Set.of(), now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CategoryErasure.purposeEnded(id, "welcome-email", now, Map.of(), now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CategoryErasure(id, "feedback", PolicyKind.FIXED, now, 10, Set.of(), Set.of(),
                Map.of(subject, now), now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeviceIdIsAnOpaqueValueOfTheConsentBannersFormat() {
        assertThat(DeviceId.of("dev-0123456789abcdef").asString()).isEqualTo("dev-0123456789abcdef");
        assertThatThrownBy(() -> DeviceId.of("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceId.of("jane.doe@example.com-xx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
