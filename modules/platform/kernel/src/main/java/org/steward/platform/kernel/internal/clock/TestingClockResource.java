package org.steward.platform.kernel.internal.clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;

/**
 * Moves this instance's testing clock. It exists only when {@code STEWARD_TESTING_CLOCK=enabled}: otherwise
 * {@link TestingClockGate} answers 404 before authentication is looked at, and the OpenAPI document leaves it out.
 */
@RequestScoped
@Transactional
@Path(TestingClockResource.PATH)
@Tag(name = TestingClockResource.TAG, description = "Testing aids, present only on a server started with"
        + " STEWARD_TESTING_CLOCK=enabled: move this instance's clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN") // security.api.Roles.ADMIN: the kernel cannot depend on the security part
public class TestingClockResource {

    public static final String PATH = "v1/testing/clock";
    public static final String TAG = "testing";

    private static final Logger LOG = Logger.getLogger(TestingClockResource.class.getName());
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Inject
    ClockProducer clocks;

    @GET
    @Operation(summary = "This instance's testing clock: its time and how far it is from the real one")
    public TestingClockView getTestingClock() {
        return view(clock());
    }

    @PUT
    @Operation(summary = "Put this instance's testing clock at a time (forwards or back); it runs on from there")
    @Audited(action = "testing.clock.set", target = "clock")
    public TestingClockView setTestingClock(@Valid TestingClockInput body) {
        Instant now = Bodies.require(body).now().toInstant();
        if (now.isBefore(EARLIEST) || now.isAfter(LATEST)) {
            throw ProblemException.invalid("now", "must be between the years 1970 and 9999");
        }
        MovableClock clock = clock();
        clock.set(now);
        return moved(clock, "set");
    }

    @POST
    @Path("advance")
    @Operation(summary = "Move this instance's testing clock on by a duration or a period")
    @Audited(action = "testing.clock.advance", target = "clock")
    public TestingClockView advanceTestingClock(@Valid TestingClockAdvance body) {
        TemporalAmount by = amount(Bodies.require(body).by());
        MovableClock clock = clock();
        OffsetDateTime then;
        try {
            then = Times.now(clock).plus(by);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw ProblemException.invalid("by", "moves the clock past the year 9999");
        }
        if (then.toInstant().isAfter(LATEST)) {
            throw ProblemException.invalid("by", "moves the clock past the year 9999");
        }
        clock.advance(by);
        return moved(clock, "advanced by " + by);
    }

    @DELETE
    @Operation(summary = "Put this instance's testing clock back to the real time")
    @Audited(action = "testing.clock.reset", target = "clock")
    public TestingClockView resetTestingClock() {
        MovableClock clock = clock();
        clock.reset();
        return moved(clock, "reset to the real time");
    }

    private MovableClock clock() {
        // The gate already answers 404 when the testing clock is off; this is the second lock.
        return clocks.movable().orElseThrow(NotFoundException::new);
    }

    private static TestingClockView moved(MovableClock clock, String how) {
        TestingClockView view = view(clock);
        LOG.warning("TESTING CLOCK " + how + ": this instance now reads " + view.now() + " ("
                + view.aheadBy() + " ahead of the real clock)");
        return view;
    }

    private static TestingClockView view(MovableClock clock) {
        return TestingClockView.of(Times.now(clock), clock.offset());
    }

    /** A positive ISO-8601 duration (PT36H, P30D) or period (P1M, P1Y). */
    static TemporalAmount amount(String text) {
        TemporalAmount amount;
        try {
            amount = Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            try {
                amount = Period.parse(text);
            } catch (DateTimeParseException notAPeriod) {
                throw ProblemException.invalid("by",
                        "must be an ISO-8601 duration or period, such as P30D, PT36H or P1M");
            }
        }
        boolean positive = amount instanceof Duration d ? !d.isNegative() && !d.isZero()
                : positive((Period) amount);
        if (!positive) {
            throw ProblemException.invalid("by", "must move the clock forwards; PUT a time to move it back");
        }
        return amount;
    }

    private static boolean positive(Period p) {
        boolean anyNegative = p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0;
        return !anyNegative && !p.isZero();
    }
}
