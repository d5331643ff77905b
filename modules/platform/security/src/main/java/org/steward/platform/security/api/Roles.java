package org.steward.platform.security.api;

/** Role names as constants, for {@code @RolesAllowed}. They equal {@link Role#name()}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String PRIVACY_OFFICER = "PRIVACY_OFFICER";
    public static final String SUPPORT_AGENT = "SUPPORT_AGENT";
    public static final String AUDITOR = "AUDITOR";
    public static final String SERVICE = "SERVICE";

    private Roles() {
    }
}
