package org.steward.subjectrights.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.control.Deadlines.Schedule;

class DeadlinesTest {

    private final Deadlines weekendsOnly = new Deadlines(BusinessCalendar.weekendsOnly());

    private static OffsetDateTime noonUtc(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 12, 0, 0, 0, ZoneOffset.UTC);
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private LocalDate gdprDue(int year, int month, int day) {
        return weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(year, month, day)).dueOn();
    }

    @Test
    void gdprIsOneCalendarMonthWithTheMonthEndRule() {
        assertThat(gdprDue(2025, 1, 31)).isEqualTo(date(2025, 2, 28)); // non-leap
        assertThat(gdprDue(2024, 1, 31)).isEqualTo(date(2024, 2, 29)); // leap
        assertThat(gdprDue(2025, 1, 30)).isEqualTo(date(2025, 2, 28));
        assertThat(gdprDue(2024, 1, 29)).isEqualTo(date(2024, 2, 29));
        assertThat(gdprDue(2025, 2, 28)).isEqualTo(date(2025, 3, 28));
        assertThat(gdprDue(2024, 2, 29)).isEqualTo(date(2024, 3, 29));
        assertThat(gdprDue(2025, 3, 31)).isEqualTo(date(2025, 4, 30));
        assertThat(gdprDue(2024, 12, 31)).isEqualTo(date(2025, 1, 31));
    }

    @Test
    void aMonthEndingOnASaturdayEndsOnMonday() {
        // 1 March 2025 is a Saturday.
        Schedule s = weekendsOnly.initial(RequestType.ERASURE, Jurisdiction.UK_GDPR, noonUtc(2025, 2, 1));
        assertThat(s.dueOn()).isEqualTo(date(2025, 3, 3));
        assertThat(s.extensionNoticeBy()).isEqualTo(date(2025, 3, 3));
    }

    @Test
    void aHolidayAfterTheWeekendMovesTheEndOnAgain() {
        // Due Saturday 19 April 2025; Easter Monday (21 April) is a holiday.
        Deadlines easter = new Deadlines(BusinessCalendar.parse("2025-04-18,2025-04-21"));
        assertThat(easter.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 3, 19)).dueOn())
                .isEqualTo(date(2025, 4, 22));
        assertThat(weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 3, 19)).dueOn())
                .isEqualTo(date(2025, 4, 21));
    }

    @Test
    void gdprHasNoAcknowledgementAndAThreeMonthMaximumThatRollsToo() {
        Schedule s = weekendsOnly.initial(RequestType.PORTABILITY, Jurisdiction.GDPR, noonUtc(2025, 5, 31));
        assertThat(s.receivedOn()).isEqualTo(date(2025, 5, 31));
        assertThat(s.acknowledgeBy()).isNull();
        assertThat(s.dueOn()).isEqualTo(date(2025, 6, 30));
        assertThat(s.maxDueOn()).isEqualTo(date(2025, 9, 1)); // 31 August 2025 is a Sunday
        assertThat(s.extendable()).isTrue();
        assertThat(s.extended()).isFalse();
        assertThat(weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 1, 31)).maxDueOn())
                .isEqualTo(date(2025, 4, 30));
    }

    @Test
    void theReceivedDayIsTheUtcDay() {
        // 23:30 in New York on 31 January is 1 February in UTC, whose month ends on Saturday 1 March.
        OffsetDateTime lateInNewYork = OffsetDateTime.of(2025, 1, 31, 23, 30, 0, 0, ZoneOffset.ofHours(-5));
        Schedule s = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, lateInNewYork);
        assertThat(s.receivedOn()).isEqualTo(date(2025, 2, 1));
        assertThat(s.dueOn()).isEqualTo(date(2025, 3, 3));
        // 00:30 in Athens on 1 February is still 31 January in UTC.
        OffsetDateTime earlyInAthens = OffsetDateTime.of(2025, 2, 1, 0, 30, 0, 0, ZoneOffset.ofHours(2));
        assertThat(weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, earlyInAthens).dueOn())
                .isEqualTo(date(2025, 2, 28));
        OffsetDateTime lastMinute = OffsetDateTime.of(2025, 1, 31, 23, 59, 59, 0, ZoneOffset.UTC);
        assertThat(weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.CCPA, lastMinute).dueOn())
                .isEqualTo(date(2025, 3, 17));
    }

    @Test
    void ccpaIsAcknowledgedIn10BusinessDaysAndAnsweredIn45CalendarDays() {
        Deadlines thanksgiving = new Deadlines(BusinessCalendar.parse("2025-11-27,2025-11-28"));
        Schedule s = thanksgiving.initial(RequestType.ACCESS, Jurisdiction.CCPA, noonUtc(2025, 11, 21));
        assertThat(s.acknowledgeBy()).isEqualTo(date(2025, 12, 9));
        assertThat(s.dueOn()).isEqualTo(date(2026, 1, 5));
        assertThat(s.maxDueOn()).isEqualTo(date(2026, 2, 19));
        assertThat(s.extensionNoticeBy()).isEqualTo(date(2026, 1, 5));
        assertThat(s.extendable()).isTrue();
        assertThat(weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.CCPA, noonUtc(2025, 11, 21)).acknowledgeBy())
                .isEqualTo(date(2025, 12, 5));
    }

    @Test
    void ccpa45DaysDoNotRollOffAWeekend() {
        Schedule s = weekendsOnly.initial(RequestType.ERASURE, Jurisdiction.CCPA, noonUtc(2025, 1, 8));
        assertThat(s.dueOn()).isEqualTo(date(2025, 2, 22)); // a Saturday: the statute counts days
        assertThat(s.maxDueOn()).isEqualTo(date(2025, 4, 8));
    }

    @Test
    void aCcpaOptOutIs15BusinessDaysAndNotExtendable() {
        Deadlines thanksgiving = new Deadlines(BusinessCalendar.parse("2025-11-27,2025-11-28"));
        for (RequestType optOut : new RequestType[]{RequestType.OBJECTION, RequestType.WITHDRAW_CONSENT}) {
            Schedule s = thanksgiving.initial(optOut, Jurisdiction.CCPA, noonUtc(2025, 11, 21));
            assertThat(s.dueOn()).as(optOut.name()).isEqualTo(date(2025, 12, 16));
            assertThat(s.maxDueOn()).isEqualTo(s.dueOn());
            assertThat(s.extendable()).isFalse();
            assertThat(s.acknowledgeBy()).isNull();
        }
        assertThat(weekendsOnly.initial(RequestType.OBJECTION, Jurisdiction.CCPA, noonUtc(2025, 11, 21)).dueOn())
                .isEqualTo(date(2025, 12, 12));
        // The same types under GDPR run on the month.
        assertThat(weekendsOnly.initial(RequestType.OBJECTION, Jurisdiction.GDPR, noonUtc(2025, 11, 21)).dueOn())
                .isEqualTo(date(2025, 12, 22)); // 21 December 2025 is a Sunday
    }

    @Test
    void aComplaintRunsOnTheOrdinaryClock() {
        assertThat(weekendsOnly.initial(RequestType.COMPLAINT, Jurisdiction.CCPA, noonUtc(2025, 1, 8)))
                .isEqualTo(weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.CCPA, noonUtc(2025, 1, 8)));
        assertThat(weekendsOnly.initial(RequestType.COMPLAINT, Jurisdiction.GDPR, noonUtc(2025, 1, 31)))
                .isEqualTo(weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 1, 31)));
    }

    @Test
    void gdprExtendsToTheMaximumWithNoticeUpToTheOriginalDueDate() {
        Schedule s = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 1, 31));
        assertThat(weekendsOnly.extend(s, date(2025, 4, 30), date(2025, 2, 28))).isEqualTo(date(2025, 4, 30));
        assertThat(weekendsOnly.extend(s, date(2025, 3, 1), date(2025, 2, 1))).isEqualTo(date(2025, 3, 1));
    }

    @Test
    void gdprAllowsASecondExtensionWithinTheMaximum() {
        Schedule s = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 1, 31))
                .extended(date(2025, 3, 31));
        assertThat(s.dueOn()).isEqualTo(date(2025, 3, 31));
        assertThat(s.extended()).isTrue();
        assertThat(weekendsOnly.extend(s, date(2025, 4, 30), date(2025, 2, 20))).isEqualTo(date(2025, 4, 30));
        refused(() -> weekendsOnly.extend(s, date(2025, 3, 31), date(2025, 2, 20)), "after the current one");
    }

    @Test
    void anExtensionMustMoveTheDateOn() {
        Schedule s = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 1, 31));
        refused(() -> weekendsOnly.extend(s, date(2025, 2, 28), date(2025, 2, 10)), "after the current one");
        refused(() -> weekendsOnly.extend(s, date(2025, 2, 27), date(2025, 2, 10)), "after the current one");
        refused(() -> weekendsOnly.extend(s, null, date(2025, 2, 10)), "required");
    }

    @Test
    void anExtensionBeyondTheMaximumIsRefused() {
        Schedule gdpr = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 1, 31));
        refused(() -> weekendsOnly.extend(gdpr, date(2025, 5, 1), date(2025, 2, 10)), "legal maximum");
        Schedule ccpa = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.CCPA, noonUtc(2025, 1, 8));
        assertThat(weekendsOnly.extend(ccpa, date(2025, 4, 8), date(2025, 2, 22))).isEqualTo(date(2025, 4, 8));
        refused(() -> weekendsOnly.extend(ccpa, date(2025, 4, 9), date(2025, 2, 1)), "legal maximum");
    }

    @Test
    void anExtensionNotifiedAfterTheOriginalDueDateIsRefused() {
        Schedule gdpr = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.GDPR, noonUtc(2025, 1, 31));
        refused(() -> weekendsOnly.extend(gdpr, date(2025, 3, 31), date(2025, 3, 1)), "original due date");
        // Still the original date after a first extension.
        refused(() -> weekendsOnly.extend(gdpr.extended(date(2025, 3, 31)), date(2025, 4, 30), date(2025, 3, 3)),
                "original due date");
        Schedule ccpa = weekendsOnly.initial(RequestType.ACCESS, Jurisdiction.CCPA, noonUtc(2025, 1, 8));
        refused(() -> weekendsOnly.extend(ccpa, date(2025, 4, 8), date(2025, 2, 23)), "original due date");
    }

    @Test
    void ccpaExtendsOnceOnly() {
        Schedule ccpa = weekendsOnly.initial(RequestType.ERASURE, Jurisdiction.CCPA, noonUtc(2025, 1, 8));
        Schedule once = ccpa.extended(weekendsOnly.extend(ccpa, date(2025, 3, 10), date(2025, 2, 1)));
        refused(() -> weekendsOnly.extend(once, date(2025, 4, 8), date(2025, 2, 2)), "one extension only");
    }

    @Test
    void anOptOutCannotBeExtended() {
        Schedule optOut = weekendsOnly.initial(RequestType.WITHDRAW_CONSENT, Jurisdiction.CCPA, noonUtc(2025, 1, 8));
        refused(() -> weekendsOnly.extend(optOut, optOut.dueOn().plusDays(1), date(2025, 1, 9)), "cannot be extended");
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DeadlineException.class,
                e -> assertThat(e.field()).isEqualTo("newDueOn")).hasMessageContaining(message);
    }
}
