package org.steward.subjectrights.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessCalendar THANKSGIVING = BusinessCalendar.parse("2025-11-27, 2025-11-28");

    @Test
    void parsesACommaListOfIsoDates() {
        assertThat(BusinessCalendar.parse(" 2025-12-25 ,2026-01-01,").holidays())
                .containsExactlyInAnyOrder(LocalDate.of(2025, 12, 25), LocalDate.of(2026, 1, 1));
    }

    @Test
    void blankIsNoHolidays() {
        assertThat(BusinessCalendar.parse("").holidays()).isEmpty();
        assertThat(BusinessCalendar.parse("  ").holidays()).isEmpty();
        assertThat(BusinessCalendar.parse(null).holidays()).isEmpty();
    }

    @Test
    void aMalformedDateIsRefusedByName() {
        assertThatThrownBy(() -> BusinessCalendar.parse("2025-12-25,2025-13-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"2025-13-01\"");
        assertThatThrownBy(() -> BusinessCalendar.parse("25/12/2025"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"25/12/2025\"");
    }

    @Test
    void weekendsAndHolidaysAreNotBusinessDays() {
        assertThat(THANKSGIVING.isBusinessDay(LocalDate.of(2025, 11, 26))).isTrue();
        assertThat(THANKSGIVING.isBusinessDay(LocalDate.of(2025, 11, 27))).isFalse();
        assertThat(THANKSGIVING.isBusinessDay(LocalDate.of(2025, 11, 29))).isFalse(); // Saturday
        assertThat(THANKSGIVING.isBusinessDay(LocalDate.of(2025, 11, 30))).isFalse(); // Sunday
        assertThat(THANKSGIVING.isBusinessDay(LocalDate.of(2025, 12, 1))).isTrue();
    }

    @Test
    void countsBusinessDaysAfterTheStartAcrossWeekendsAndHolidays() {
        LocalDate friday = LocalDate.of(2025, 11, 21);
        assertThat(BusinessCalendar.weekendsOnly().plusBusinessDays(friday, 1)).isEqualTo(LocalDate.of(2025, 11, 24));
        assertThat(BusinessCalendar.weekendsOnly().plusBusinessDays(friday, 10)).isEqualTo(LocalDate.of(2025, 12, 5));
        assertThat(THANKSGIVING.plusBusinessDays(friday, 3)).isEqualTo(LocalDate.of(2025, 11, 26));
        assertThat(THANKSGIVING.plusBusinessDays(friday, 4)).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(THANKSGIVING.plusBusinessDays(friday, 0)).isEqualTo(friday);
        // From a Saturday, Monday is the first business day.
        assertThat(THANKSGIVING.plusBusinessDays(LocalDate.of(2025, 11, 22), 1)).isEqualTo(LocalDate.of(2025, 11, 24));
    }

    @Test
    void rollsADayOffToTheNextBusinessDay() {
        assertThat(THANKSGIVING.onOrNextBusinessDay(LocalDate.of(2025, 11, 27))).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(THANKSGIVING.onOrNextBusinessDay(LocalDate.of(2025, 11, 26))).isEqualTo(LocalDate.of(2025, 11, 26));
    }
}
