package org.steward.it.support;

import java.time.OffsetDateTime;

/**
 * The testing clock of a server started with {@link StewardServer#TESTING_CLOCK}: read, set or advance the time that
 * this one server reads (each instance has its own). Calls go as the bootstrap admin and fail on anything but 200.
 */
public final class TestingClock {

    public static final String PATH = "/api/v1/testing/clock";

    private final Http admin;

    public TestingClock(StewardServer server) {
        this.admin = server.admin();
    }

    /** The time as the server now reads it. */
    public OffsetDateTime now() {
        return OffsetDateTime.parse(ok(admin.get(PATH)).json().getString("now"));
    }

    /** Puts the server's clock at {@code now}; it runs on from there. Returns the server's answer. */
    public Http.Response set(OffsetDateTime now) {
        return ok(admin.put(PATH, "{\"now\":\"" + now + "\"}"));
    }

    /** Moves the server's clock on by an ISO-8601 duration or period ("P30D", "PT36H", "P1M"). */
    public Http.Response advance(String by) {
        return ok(admin.post(PATH + "/advance", "{\"by\":\"" + by + "\"}"));
    }

    /** Back to the real time. */
    public Http.Response reset() {
        return ok(admin.delete(PATH));
    }

    private static Http.Response ok(Http.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("The testing clock answered " + r);
        }
        return r;
    }
}
