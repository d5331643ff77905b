package org.steward.platform.security.api;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The caller of the current request, set by the authentication mechanism. Outside a request (timers, start-up) the
 * caller is {@link Caller#SYSTEM}.
 */
public interface CurrentCaller {

    Caller get();

    /** The caller wherever the code runs: the request's caller, or SYSTEM in a timer or at start-up. */
    static Caller now() {
        try {
            return CDI.current().select(CurrentCaller.class).get().get();
        } catch (ContextNotActiveException e) {
            return Caller.SYSTEM;
        }
    }
}
