package org.steward.platform.kernel.api;

import java.time.OffsetDateTime;

/**
 * A fact that happened in one module and that other modules may react to. Events are past-tense records that carry
 * IDs and values, never entities, so that no module learns another module's persistence model.
 */
public interface DomainEvent {

    OffsetDateTime occurredAt();
}
