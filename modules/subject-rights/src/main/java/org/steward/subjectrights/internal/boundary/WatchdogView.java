package org.steward.subjectrights.internal.boundary;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every open request that needs attention, by concern. */
@Schema(name = "Watchdog")
public record WatchdogView(LocalDate today, int dueWithinDays, List<Item> overdue, List<Item> dueSoon,
                           List<Item> acknowledgementDue, List<Item> stuck, List<Item> failing,
                           @Schema(type = SchemaType.ARRAY, implementation = Item.class,
                                   description = "Erasure requests waiting for a recipient that is late to confirm")
                           List<Item> recipientOverdue,
                           @Schema(type = SchemaType.ARRAY, implementation = Recipient.class,
                                   description = "Every propagation task to a recipient past its due date, whatever"
                                   + " caused it (an erasure request, a licence's end, a correction)")
                           List<Recipient> overdueRecipients) {

    @Schema(name = "WatchdogRecipient")
    public record Recipient(String propagationId, String kind, String recipient, String connector, String causeRef,
                            java.time.OffsetDateTime dueAt) {
    }

    @Schema(name = "WatchdogItem")
    public record Item(String requestId, String type, String jurisdiction, String state, LocalDate dueOn,
                       LocalDate acknowledgeBy, String taskId, String module, String action, String taskState,
                       String lastError) {
    }
}
