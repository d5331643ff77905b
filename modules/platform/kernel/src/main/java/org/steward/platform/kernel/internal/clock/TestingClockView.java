package org.steward.platform.kernel.internal.clock;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Not "offset": Payara 6.2025.10's OpenAPI scan takes any annotated method whose name contains "set" for a setter and
 * fails the whole document (ArrayIndexOutOfBoundsException in ApplicationProcessor.visitSchemaMethod).
 */
@Schema(name = "TestingClock", description = "This instance's testing clock.")
public record TestingClockView(
        @Schema(required = true, format = "date-time", description = "The time as this instance now reads it") OffsetDateTime now,
        @Schema(required = true, description = "How far it is ahead of the real clock (ISO-8601 duration; negative: behind)", example = "PT720H") String aheadBy) {

    static TestingClockView of(OffsetDateTime now, Duration aheadBy) {
        return new TestingClockView(now, aheadBy.toString());
    }
}
