package org.steward.platform.kernel.api;

import java.util.UUID;

/** A typed identifier: a UUID that cannot be confused with another aggregate's UUID at compile time. */
public interface TypedId {

    UUID value();

    default String asString() {
        return value().toString();
    }
}
