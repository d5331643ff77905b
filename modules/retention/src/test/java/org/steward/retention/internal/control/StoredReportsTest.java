package org.steward.retention.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.erasure.ErasureReport;

class StoredReportsTest {

    @Test
    void theTypedReportIsStoredAsJsonAndReadBack() {
        DataKeyId key = new DataKeyId(UUID.fromString("3f1c2a4e-0000-4000-8000-000000000001"));
        ErasureReport report = new ErasureReport();
        report.part("identity").deleted("feedback", 3);
        report.part("identity").dataKey(key);
        report.part("consent").deleted("consent-events", 2);
        report.part("platform");

        String json = StoredReports.write(report);

        assertThat(json).isEqualTo("{\"parts\":["
                + "{\"module\":\"consent\",\"deleted\":[{\"category\":\"consent-events\",\"count\":2}],"
                + "\"dataKeys\":[]},"
                + "{\"module\":\"identity\",\"deleted\":[{\"category\":\"feedback\",\"count\":3}],"
                + "\"dataKeys\":[\"3f1c2a4e-0000-4000-8000-000000000001\"]}]}");
        ErasureReport back = StoredReports.read(json);
        assertThat(back.entries()).isEqualTo(report.entries());
        assertThat(back.dataKeys()).containsExactly(key);
        assertThat(StoredReports.write(back)).isEqualTo(json);
    }

    @Test
    void reportsStoredBeforeAsPairsAreStillRead() {
        ErasureReport legacy = StoredReports.read("identity/feedback=3;consent/consent-events=2;identity/contact=1");
        assertThat(legacy.entries()).containsExactly(new ErasureReport.Entry("consent", "consent-events", 2),
                new ErasureReport.Entry("identity", "contact", 1), new ErasureReport.Entry("identity", "feedback", 3));
        assertThat(legacy.total()).isEqualTo(6);
        // A chunk after the upgrade adds to it, and the row is then JSON.
        ErasureReport chunk = new ErasureReport();
        chunk.part("identity").deleted("feedback", 4);
        legacy.add(chunk);
        assertThat(StoredReports.read(StoredReports.write(legacy)).entries())
                .contains(new ErasureReport.Entry("identity", "feedback", 7));
        assertThat(StoredReports.read(null).total()).isZero();
        assertThat(StoredReports.read("").parts()).isEmpty();
        assertThatThrownBy(() -> StoredReports.read("garbage")).isInstanceOf(IllegalStateException.class);
    }
}
