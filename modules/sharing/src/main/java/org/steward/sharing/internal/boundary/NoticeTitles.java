package org.steward.sharing.internal.boundary;

import org.steward.sharing.internal.entity.ChangeNotice;
import org.steward.sharing.internal.entity.Subprocessor;

/** One-line titles of notices, for the Atom feed. */
final class NoticeTitles {

    private NoticeTitles() {
    }

    static String title(ChangeNotice n, Subprocessor s) {
        String name = s == null ? n.subprocessorId() : s.name();
        return switch (n.kind()) {
            case ADDED -> "Proposed subprocessor: " + name;
            case WIDENED -> name + " is to receive more data";
            case CHANGED -> name + " changed";
            case RETIRED -> name + " retired";
        };
    }
}
