package org.steward.subjectrights.internal.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/** Business days: Monday to Friday, except the configured public holidays. */
public final class BusinessCalendar {

    private final Set<LocalDate> holidays;

    public BusinessCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** Parses {@code 2026-12-25,2027-01-01}; blank means none. */
    public static BusinessCalendar parse(String commaList) {
        Set<LocalDate> days = new TreeSet<>();
        if (commaList != null) {
            for (String part : commaList.split(",")) {
                String d = part.strip();
                if (d.isEmpty()) {
                    continue;
                }
                try {
                    days.add(LocalDate.parse(d));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("steward.requests.holidays: '" + d + "' is not an ISO date"
                            + " (yyyy-mm-dd)", e);
                }
            }
        }
        return new BusinessCalendar(days);
    }

    public boolean isBusinessDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(d);
    }

    /** The date {@code n} business days after {@code from} (from itself does not count). */
    public LocalDate plusBusinessDays(LocalDate from, int n) {
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The day itself when it is a business day, else the next one. */
    public LocalDate onOrAfter(LocalDate d) {
        LocalDate x = d;
        while (!isBusinessDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }
}
