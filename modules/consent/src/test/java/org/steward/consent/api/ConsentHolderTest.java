package org.steward.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.SubjectId;

class ConsentHolderTest {

    private static final SubjectId SUBJECT = SubjectId.of("0190a000-0000-7000-8000-000000000002");

    @Test
    void aSubjectHolderGivesBackItsTypedIdAndKeepsItsStoredReference() {
        ConsentHolder holder = ConsentHolder.subject(SUBJECT);
        assertThat(holder.subjectId()).contains(SUBJECT);
        assertThat(holder.ref()).isEqualTo("subject:0190a000-0000-7000-8000-000000000002");
    }

    @Test
    void aDeviceHolderHasNoSubject() {
        ConsentHolder holder = ConsentHolder.device("abcdefghijklmnop-_12");
        assertThat(holder.subjectId()).isEmpty();
        assertThat(holder.ref()).isEqualTo("device:abcdefghijklmnop-_12");
    }
}
