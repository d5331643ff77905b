package org.steward.platform.security.internal;

/**
 * What a Basic username and password may hold. No username has a control character (their pattern forbids it, and a
 * NUL fails in PostgreSQL's comparison), and no password has a NUL (see {@link PasswordHasher}): credentials that do
 * are wrong credentials, refused before the database or the hash is asked.
 */
final class BasicCredentials {

    private BasicCredentials() {
    }

    static boolean wellFormed(String username, String password) {
        return username.chars().noneMatch(Character::isISOControl) && password.indexOf('\0') < 0;
    }
}
