package org.steward.platform.crypto.api;

import java.text.Normalizer;
import java.util.Locale;

/** The searchable identifiers and how each is normalised before it is indexed, so that lookups match as users expect. */
public enum IndexKind {
    EMAIL(true),
    USERNAME(true),
    ACCOUNT_ID(false);

    private final boolean caseInsensitive;

    IndexKind(boolean caseInsensitive) {
        this.caseInsensitive = caseInsensitive;
    }

    public String normalise(String value) {
        String n = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        return caseInsensitive ? n.toLowerCase(Locale.ROOT) : n;
    }
}
