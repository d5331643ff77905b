package org.steward.platform.kernel.api;

import java.util.List;

/** One page of a list. {@code nextCursor} is absent on the last page; pass it back as {@code cursor} for the next. */
public record Page<T>(List<T> items, String nextCursor) {
}
