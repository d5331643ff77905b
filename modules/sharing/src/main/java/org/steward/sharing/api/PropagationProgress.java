package org.steward.sharing.api;

/**
 * The tasks of one cause: how many there are, how many are still open (neither confirmed nor waived), and how many
 * of those are past their due date.
 */
public record PropagationProgress(long total, long open, long overdue) {

    public boolean done() {
        return open == 0;
    }
}
