package org.steward.subjectrights.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.subjectrights.internal.entity.FulfilmentTask;

/** One module's task of a request, with its last error (a kind and a title, never a value). */
@Schema(name = "RequestTask")
public record TaskView(String id, String module, String action, String holder, String state, int attempts,
                       String lastError, String resultRef, OffsetDateTime nextAttemptAt, OffsetDateTime updatedAt,
                       OffsetDateTime doneAt) {

    static TaskView of(FulfilmentTask t) {
        return new TaskView(t.id(), t.module(), t.action().name(), t.holder(), t.state().name(), t.attempts(),
                t.lastError(), t.resultRef(), t.nextAttemptAt(), t.updatedAt(), t.doneAt());
    }
}
