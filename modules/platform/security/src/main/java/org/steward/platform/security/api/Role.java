package org.steward.platform.security.api;

import org.steward.platform.security.internal.Users;


/**
 * The roles of Steward. Annotations need compile-time constants, hence {@link Roles}; this enum is the list that
 * validation and the authorization matrix walk.
 */
public enum Role {
    /** Users, API keys, configuration, subprocessors, tenants. */
    ADMIN,
    /** Everything about subjects, requests, consent, retention and sharing. */
    PRIVACY_OFFICER,
    /** Files requests on a subject's behalf; reads a subject's non-secret profile. */
    SUPPORT_AGENT,
    /** Read-only everywhere, plus audit verification. */
    AUDITOR,
    /** Machine clients: record consent and data, query decisions, report sharing. Bound to one tenant. */
    SERVICE
}
