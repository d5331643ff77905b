package org.steward.subjectrights.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.subjectrights.internal.entity.Request;

/** Puts {@link Deadlines} on requests: the dates at intake, and the checks of an extension. */
@ApplicationScoped
public class RequestSchedules {

    @Inject
    RequestConfig config;

    private Deadlines deadlines;

    @PostConstruct
    void init() {
        deadlines = new Deadlines(BusinessCalendar.parse(config.holidays()));
    }

    public void schedule(Request r) {
        Deadlines.Schedule s = deadlines.initial(r.type(), r.jurisdiction(), r.receivedAt());
        r.schedule(s.acknowledgeBy(), s.dueOn(), s.maxDueOn());
    }

    /** The checked new due date; 422 naming {@code newDueOn} beyond the law's limits. */
    public LocalDate extend(Request r, LocalDate newDue, LocalDate today) {
        if (newDue == null) {
            throw ProblemException.invalid("newDueOn", "an extension names the new due date");
        }
        Deadlines.Schedule s = deadlines.initial(r.type(), r.jurisdiction(), r.receivedAt());
        try {
            return deadlines.extend(r.extendedAt() == null ? s : s.extended(r.dueOn()), newDue, today);
        } catch (DeadlineException e) {
            throw ProblemException.invalid(e.field() == null ? "newDueOn" : e.field(), e.getMessage());
        }
    }
}
