package org.steward.subjectrights.internal.boundary;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every open request that needs attention, by concern. */
@Schema(name = "Watchdog")
public record WatchdogView(LocalDate today, int dueWithinDays, List<Item> overdue, List<Item> dueSoon,
                           List<Item> acknowledgementDue, List<Item> stuck, List<Item> failing) {

    @Schema(name = "WatchdogItem")
    public record Item(String requestId, String type, String jurisdiction, String state, LocalDate dueOn,
                       LocalDate acknowledgeBy, String taskId, String module, String action, String taskState,
                       String lastError) {
    }
}
