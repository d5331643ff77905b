package org.steward.subjectrights.internal.control;

/** Internal: a request's tasks were created; they are started once that transaction committed. */
record TasksCreated(String requestId) {
}
