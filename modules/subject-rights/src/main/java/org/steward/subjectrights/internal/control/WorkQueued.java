package org.steward.subjectrights.internal.control;

/** Tasks or mail were queued for this request: the fulfilment job need not wait for its next period. */
public record WorkQueued(String requestId) {
}
