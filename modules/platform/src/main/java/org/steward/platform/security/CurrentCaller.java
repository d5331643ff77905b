package org.steward.platform.security;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The caller of the current request, set by the authentication mechanism. Outside a request (timers, start-up) the
 * caller is {@link Caller#SYSTEM}.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller wherever the code runs: the request's caller, or SYSTEM in a timer or at start-up. */
    public static Caller now() {
        try {
            return CDI.current().select(CurrentCaller.class).get().get();
        } catch (ContextNotActiveException e) {
            return Caller.SYSTEM;
        }
    }
}
