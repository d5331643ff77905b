package org.steward.consent.internal.boundary;

import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;

/** Re-roots the field names of a problem under a list element, so that a client sees which choice was wrong. */
final class Indexed {

    private Indexed() {
    }

    static ProblemException at(String prefix, ProblemException e) {
        return new ProblemException(e.type(), e.getMessage(), e.errors().stream()
                .map(f -> new FieldError(prefix + "." + f.field(), f.message())).toList());
    }
}
