package org.steward.subjectrights.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.subjectrights.internal.entity.TimelineEntry;

@Schema(name = "RequestTimelineEntry")
public record TimelineView(OffsetDateTime occurredAt, String kind, String state, String actor, String detail) {

    static TimelineView of(TimelineEntry e) {
        return new TimelineView(e.occurredAt(), e.kind().name(), e.state().name(), e.actor(), e.detail());
    }
}
