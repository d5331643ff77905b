package org.steward.subjectrights.internal.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;

/**
 * The legal clock of a request, from the day it was received (UTC). Identity verification pauses nothing: every date
 * runs from receipt.
 *
 * <ul>
 *   <li>GDPR and UK GDPR (Art. 12(3)): one calendar month, not 30 days, so 31 January is due on 28/29 February;
 *       extendable by two further months, the notice going out within the first month. A month ending on a Saturday,
 *       Sunday or holiday ends on the next business day (Regulation 1182/71 Art. 3(4), which the ICO follows too).</li>
 *   <li>CCPA (Civ. Code §1798.130(a)(2), 11 CCR §7021): receipt confirmed within 10 business days; the answer within
 *       45 calendar days (no roll: the statute counts days), extendable once, to 90 days in all, with notice within
 *       the first 45.</li>
 *   <li>CCPA opt-out of sale or sharing (11 CCR §7026(f)), i.e. an objection or a withdrawal of consent under CCPA: 15
 *       business days, not extendable, and no confirmation of receipt (§7021 asks one only for requests to know,
 *       delete or correct).</li>
 * </ul>
 * A complaint runs on the jurisdiction's ordinary clock.
 */
public final class Deadlines {

    private static final int CCPA_ACKNOWLEDGE_BUSINESS_DAYS = 10;
    private static final int CCPA_ANSWER_DAYS = 45;
    private static final int CCPA_MAX_DAYS = 90;
    private static final int CCPA_OPT_OUT_BUSINESS_DAYS = 15;

    private final BusinessCalendar calendar;

    public Deadlines(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The dates of a request.
     *
     * @param acknowledgeBy     when receipt must be confirmed (CCPA), or null where the law asks none
     * @param dueOn             when the answer is due (the extended date once extended)
     * @param maxDueOn          the latest any extension may reach ({@code dueOn} where none is allowed)
     * @param extensionNoticeBy the last day an extension may be notified (the original due date), null if not extendable
     */
    public record Schedule(LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate dueOn, LocalDate maxDueOn,
                           LocalDate extensionNoticeBy, boolean extendable, boolean extended) {

        /** A copy as extended to {@code currentDue}. */
        public Schedule extended(LocalDate currentDue) {
            return new Schedule(receivedOn, acknowledgeBy, currentDue, maxDueOn, extensionNoticeBy, extendable, true);
        }

        /** CCPA's ordinary clock (the only one with a confirmation of receipt) extends once; GDPR's as often as its
         *  maximum allows. */
        boolean extendsOnlyOnce() {
            return acknowledgeBy != null;
        }
    }

    public Schedule initial(RequestType type, Jurisdiction jurisdiction, OffsetDateTime receivedAt) {
        LocalDate received = receivedAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return switch (jurisdiction) {
            case GDPR, UK_GDPR -> {
                LocalDate due = calendar.onOrNextBusinessDay(received.plusMonths(1));
                yield new Schedule(received, null, due, calendar.onOrNextBusinessDay(received.plusMonths(3)), due,
                        true, false);
            }
            case CCPA -> {
                if (type == RequestType.OBJECTION || type == RequestType.WITHDRAW_CONSENT) {
                    LocalDate due = calendar.plusBusinessDays(received, CCPA_OPT_OUT_BUSINESS_DAYS);
                    yield new Schedule(received, null, due, due, null, false, false);
                }
                LocalDate due = received.plusDays(CCPA_ANSWER_DAYS);
                yield new Schedule(received, calendar.plusBusinessDays(received, CCPA_ACKNOWLEDGE_BUSINESS_DAYS), due,
                        received.plusDays(CCPA_MAX_DAYS), due, true, false);
            }
        };
    }

    /**
     * Checks an extension to {@code requestedNewDue}, notified {@code today}, and returns the new due date. The reason
     * and the notice to the subject are the caller's.
     *
     * @throws DeadlineException on field {@code newDueOn} when the law does not allow it
     */
    public LocalDate extend(Schedule s, LocalDate requestedNewDue, LocalDate today) {
        if (!s.extendable()) {
            throw refused("this request cannot be extended: an opt-out of sale or sharing is due within 15 business days");
        }
        if (s.extended() && s.extendsOnlyOnce()) {
            throw refused("this request was already extended, and CCPA allows one extension only");
        }
        if (today.isAfter(s.extensionNoticeBy())) {
            throw refused("an extension must be notified by the original due date, " + s.extensionNoticeBy());
        }
        if (requestedNewDue == null) {
            throw refused("a new due date is required");
        }
        if (!requestedNewDue.isAfter(s.dueOn())) {
            throw refused("the new due date must be after the current one, " + s.dueOn());
        }
        if (requestedNewDue.isAfter(s.maxDueOn())) {
            throw refused("the new due date is beyond the legal maximum, " + s.maxDueOn());
        }
        return requestedNewDue;
    }

    private static DeadlineException refused(String message) {
        return new DeadlineException("newDueOn", message);
    }
}
