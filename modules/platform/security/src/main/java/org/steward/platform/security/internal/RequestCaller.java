package org.steward.platform.security.internal;

import jakarta.enterprise.context.RequestScoped;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.CurrentCaller;

/** The request's caller; only the authentication mechanism sets it. */
@RequestScoped
public class RequestCaller implements CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    @Override
    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
