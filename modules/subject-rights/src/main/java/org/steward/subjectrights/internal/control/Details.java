package org.steward.subjectrights.internal.control;

import java.util.List;
import java.util.Map;

/**
 * What the requester asked for beyond the type, stored encrypted as JSON: the corrections of a rectification, the
 * purposes of an objection or a withdrawal (empty: all), the subject matter of a complaint, whether a restriction
 * request lifts one, an erasure's scope, and the answer given at completion.
 */
public record Details(Map<String, String> corrections, List<String> purposes, String complaint, Boolean lift,
                      String scope, Boolean acknowledgeErasure, String response) {

    public static final Details NONE = new Details(null, null, null, null, null, null, null);

    public Details withResponse(String text) {
        return new Details(corrections, purposes, complaint, lift, scope, acknowledgeErasure, text);
    }

    public boolean lifts() {
        return Boolean.TRUE.equals(lift);
    }

    public boolean tenantScope() {
        return "TENANT".equals(scope);
    }

    public List<String> purposeList() {
        return purposes == null ? List.of() : purposes;
    }
}
