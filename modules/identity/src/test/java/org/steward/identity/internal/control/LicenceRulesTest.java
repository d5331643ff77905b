package org.steward.identity.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.steward.identity.api.LicenceStatus;

class LicenceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void anActiveLicenceWhoseLastDayIsPastIsDue() {
        assertThat(LicenceRules.isDue(LicenceStatus.ACTIVE, TODAY.minusDays(1), TODAY)).isTrue();
        assertThat(LicenceRules.isDue(LicenceStatus.ACTIVE, TODAY.minusYears(3), TODAY)).isTrue();
        // Across a month end in a non-leap year: 28 February is past on 1 March.
        assertThat(LicenceRules.isDue(LicenceStatus.ACTIVE, LocalDate.of(2026, 2, 28), TODAY)).isTrue();
    }

    @Test
    void aLicenceIsStillValidOnItsLastDay() {
        assertThat(LicenceRules.isDue(LicenceStatus.ACTIVE, TODAY, TODAY)).isFalse();
    }

    @Test
    void aLicenceEndingInTheFutureIsNotDue() {
        assertThat(LicenceRules.isDue(LicenceStatus.ACTIVE, TODAY.plusDays(1), TODAY)).isFalse();
        assertThat(LicenceRules.isDue(LicenceStatus.ACTIVE, TODAY.plusYears(1), TODAY)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = LicenceStatus.class, names = {"EXPIRED", "TERMINATED"})
    void aLicenceThatIsNoLongerActiveIsNeverDueAgain(LicenceStatus status) {
        assertThat(LicenceRules.isDue(status, TODAY.minusDays(1), TODAY)).isFalse();
        assertThat(LicenceRules.isDue(status, TODAY.minusYears(5), TODAY)).isFalse();
        assertThat(LicenceRules.isDue(status, TODAY, TODAY)).isFalse();
    }

    @Test
    void activeAndExpiredLicencesCanBeRenewed() {
        assertThat(LicenceRules.canRenew(LicenceStatus.ACTIVE)).isTrue();
        assertThat(LicenceRules.canRenew(LicenceStatus.EXPIRED)).isTrue();
    }

    @Test
    void aTerminatedLicenceCannotBeRenewed() {
        assertThat(LicenceRules.canRenew(LicenceStatus.TERMINATED)).isFalse();
    }
}
