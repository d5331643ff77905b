package org.steward.subjectrights.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTypeTest {

    @Test
    void namesTheProvisionOfEachJurisdiction() {
        assertThat(RequestType.ACCESS.legalReference(Jurisdiction.GDPR)).isEqualTo("GDPR Art. 15");
        assertThat(RequestType.ERASURE.legalReference(Jurisdiction.UK_GDPR)).isEqualTo("UK GDPR Art. 17");
        assertThat(RequestType.ERASURE.legalReference(Jurisdiction.CCPA)).isEqualTo("Cal. Civ. Code §1798.105");
        for (RequestType type : RequestType.values()) {
            for (Jurisdiction j : Jurisdiction.values()) {
                assertThat(type.legalReference(j)).as("%s %s", type, j).isNotBlank();
            }
        }
    }
}
