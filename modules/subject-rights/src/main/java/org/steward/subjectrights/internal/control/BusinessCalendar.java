package org.steward.subjectrights.internal.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Business days: every day but Saturday, Sunday and the configured holidays ({@code steward.requests.holidays}). One
 * list serves every jurisdiction: the operator configures the holidays of the place it answers requests from.
 */
public final class BusinessCalendar {

    private final Set<LocalDate> holidays;

    public BusinessCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** No holidays: weekends only. */
    public static BusinessCalendar weekendsOnly() {
        return new BusinessCalendar(Set.of());
    }

    /**
     * The holidays of a comma list of ISO dates ({@code 2025-12-25, 2026-01-01}); blank (or null) is none, and an
     * empty entry (a trailing comma) is skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is not an ISO date, so that a typo in the
     *                                  configuration stops the start instead of silently moving a deadline
     */
    public static BusinessCalendar parse(String commaList) {
        Set<LocalDate> days = new HashSet<>();
        if (commaList != null) {
            for (String entry : commaList.split(",")) {
                String day = entry.strip();
                if (day.isEmpty()) {
                    continue;
                }
                try {
                    days.add(LocalDate.parse(day));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "steward.requests.holidays: \"" + day + "\" is not an ISO date (yyyy-mm-dd)", e);
                }
            }
        }
        return new BusinessCalendar(days);
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code days}-th business day after {@code from} (which itself does not count); 0 is {@code from}. */
    public LocalDate plusBusinessDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("business days must not be negative: " + days);
        }
        LocalDate day = from;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** {@code day} if it is a business day, else the next one: where a period ending on a day off ends. */
    public LocalDate onOrNextBusinessDay(LocalDate day) {
        LocalDate d = day;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
