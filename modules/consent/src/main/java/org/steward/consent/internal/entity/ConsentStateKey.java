package org.steward.consent.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link ConsentState}: holder × purpose. */
public class ConsentStateKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String holderRef;
    private String purposeKey;

    public ConsentStateKey() {
    }

    public ConsentStateKey(String holderRef, String purposeKey) {
        this.holderRef = holderRef;
        this.purposeKey = purposeKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentStateKey k && Objects.equals(holderRef, k.holderRef)
                && Objects.equals(purposeKey, k.purposeKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(holderRef, purposeKey);
    }
}
