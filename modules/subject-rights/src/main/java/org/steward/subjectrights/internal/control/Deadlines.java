package org.steward.subjectrights.internal.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;

/**
 * The law's clocks, from the time of receipt (identity verification pauses nothing).
 * <ul>
 * <li>GDPR and UK GDPR (Art. 12(3)): one calendar month from receipt, counted as Regulation 1182/71 does: the same
 * date of the next month, or its last day when it has no such date (31 January → 28/29 February); a period that
 * ends on a Saturday, Sunday or public holiday ends on the next business day (Art. 3(4)). Extendable by up to two
 * further months (at most three from receipt), noticed to the subject within the first month.</li>
 * <li>CCPA (§1798.130, Regs §7021): acknowledge within 10 business days; answer within 45 calendar days, extendable
 * once by 45 (at most 90), noticed within the first 45. An opt-out of sale or sharing (an OBJECTION or a
 * WITHDRAW_CONSENT under the CCPA, Regs §7026(f)) within 15 business days, not extendable.</li>
 * </ul>
 */
public final class Deadlines {

    /** The dates of one request. {@code extended} says whether the one CCPA extension was used. */
    public record Schedule(LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate dueOn, LocalDate maxDueOn,
                           LocalDate extensionNoticeBy, boolean extendable, boolean extended, boolean ccpa) {

        /** The schedule after an extension to {@code currentDue}. */
        public Schedule extended(LocalDate currentDue) {
            return new Schedule(receivedOn, acknowledgeBy, currentDue, maxDueOn, extensionNoticeBy, extendable, true,
                    ccpa);
        }
    }

    private final BusinessCalendar calendar;

    public Deadlines(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Schedule initial(RequestType type, Jurisdiction jurisdiction, OffsetDateTime receivedAt) {
        LocalDate received = receivedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        if (jurisdiction == Jurisdiction.CCPA) {
            LocalDate ack = calendar.plusBusinessDays(received, 10);
            if (type == RequestType.OBJECTION || type == RequestType.WITHDRAW_CONSENT) {
                LocalDate due = calendar.plusBusinessDays(received, 15);
                return new Schedule(received, ack, due, due, due, false, false, true);
            }
            LocalDate due = received.plusDays(45);
            return new Schedule(received, ack, due, received.plusDays(90), due, true, false, true);
        }
        LocalDate due = calendar.onOrAfter(received.plusMonths(1));
        return new Schedule(received, null, due, calendar.onOrAfter(received.plusMonths(3)), due, true, false, false);
    }

    /** The new due date, checked against the law's limits. */
    public LocalDate extend(Schedule s, LocalDate requestedNewDue, LocalDate today) {
        if (!s.extendable()) {
            throw new DeadlineException("newDueOn", "this request's deadline cannot be extended (a CCPA opt-out is"
                    + " answered within 15 business days)");
        }
        if (s.ccpa() && s.extended()) {
            throw new DeadlineException("newDueOn", "the CCPA allows one extension only");
        }
        if (today.isAfter(s.extensionNoticeBy())) {
            throw new DeadlineException("newDueOn", "an extension must be noticed by " + s.extensionNoticeBy()
                    + ", within the first period");
        }
        if (!requestedNewDue.isAfter(s.dueOn())) {
            throw new DeadlineException("newDueOn", "must be after the current due date " + s.dueOn());
        }
        if (requestedNewDue.isAfter(s.maxDueOn())) {
            throw new DeadlineException("newDueOn", "the law allows at most " + s.maxDueOn());
        }
        return requestedNewDue;
    }
}
