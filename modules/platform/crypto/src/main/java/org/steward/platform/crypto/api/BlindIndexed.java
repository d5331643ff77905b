package org.steward.platform.crypto.api;

import java.util.Map;

/**
 * A module that stores blind indexes implements this (as a CDI bean), so that key status can show how far a re-index
 * has come and an old key version is retired only once no module has a row left on it.
 */
public interface BlindIndexed {

    /** What holds the indexes, for the status (a table name). */
    String name();

    /** How many rows carry indexes of each key version. */
    Map<Integer, Long> rowsPerVersion();
}
