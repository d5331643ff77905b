package org.steward.platform.security.api;

import java.util.Optional;

/** The bootstrap administrator, created by the first start of an installation. */
public interface AdminAccount {

    /**
     * Creates the user {@code admin} (role ADMIN) unless any user exists. Its password is the configured one, or a
     * generated one that is returned so that start-up can show it once; only its hash is stored.
     *
     * @return the generated password, when one was generated
     */
    Optional<String> ensureAdmin(Optional<String> configuredPassword);

    /**
     * Creates a user with a generated password, for the demo dataset's accounts (STEWARD_DEMO); the password is
     * returned once, only its hash is stored.
     */
    String createWithGeneratedPassword(String username, java.util.Set<Role> roles);
}
