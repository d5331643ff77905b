package org.steward.platform.kernel.api.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

class SensitiveDataDetectorTest {

    private final SensitiveDataDetector detector = new SensitiveDataDetector(new SensitiveDataRules(Map.of(
            SensitiveCategory.HEALTH, List.of("chemotherapy"),
            SensitiveCategory.CRIMINAL_CONVICTION, List.of("criminal record"))));

    @Test
    void theProblemNamesEveryFlaggedFieldAndItsCategoryButNeverTheText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Ada");
        fields.put("text", "I start chemotherapy next week");
        fields.put("note", null);
        fields.put("fieldValues.bio", "She has a criminal record");

        ProblemException p = catchThrowableOfType(() -> detector.refuseIfSensitive(fields), ProblemException.class);

        assertThat(p.type()).isEqualTo(ProblemType.SENSITIVE_DATA);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("text", "fieldValues.bio");
        assertThat(p.errors().get(0).message()).contains("HEALTH");
        assertThat(p.errors().get(1).message()).contains("CRIMINAL_CONVICTION");
        assertThat(p.getMessage()).contains("text").contains("HEALTH")
                .doesNotContain("chemotherapy").doesNotContain("criminal record");
        assertThat(p.errors().toString()).doesNotContain("chemotherapy").doesNotContain("criminal record");
    }

    @Test
    void cleanFieldsPass() {
        assertThatCode(() -> detector.refuseIfSensitive("displayName", "Christian Müller")).doesNotThrowAnyException();
        assertThatCode(() -> detector.refuseIfSensitive("text", null)).doesNotThrowAnyException();
    }
}
