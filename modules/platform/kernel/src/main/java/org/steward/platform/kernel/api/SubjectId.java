package org.steward.platform.kernel.api;

import java.util.UUID;

/** The id of a data subject. Identity owns subjects; every module refers to one by this id. */
public record SubjectId(UUID value) implements TypedId {

    public static SubjectId of(String text) {
        return new SubjectId(UUID.fromString(text));
    }
}
