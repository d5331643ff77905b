package org.steward.platform.problem;

/** One offending input: the JSON path of the field (or the query parameter's name) and what is wrong with it. */
public record FieldError(String field, String message) {
}
