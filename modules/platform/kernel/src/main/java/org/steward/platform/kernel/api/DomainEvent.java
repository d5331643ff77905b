package org.steward.platform.kernel.api;

import java.time.OffsetDateTime;

/**
 * A fact that happened in one module and that other modules may react to. Events are past-tense records that carry
 * IDs and values, never entities, so that no module learns another module's persistence model.
 *
 * <p>An event that asks another module to do something is a command, not a fact: it is named in the imperative
 * ({@code ReindexBlindIndex}, {@code RestrictProcessing}) and does not implement this interface. Erasure is neither:
 * the driver calls every {@link org.steward.platform.kernel.api.erasure.ErasureParticipant}.
 */
public interface DomainEvent {

    OffsetDateTime occurredAt();
}
