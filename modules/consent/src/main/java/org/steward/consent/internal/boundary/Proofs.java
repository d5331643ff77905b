package org.steward.consent.internal.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.steward.consent.internal.control.ProofHasher;
import org.steward.consent.internal.entity.ConsentEvent;

/**
 * The proof of a request: its user agent and the keyed hash of the address it came from. The address is the
 * connection's peer; behind a reverse proxy that is the proxy (X-Forwarded-For is not trusted: anyone can set it).
 */
final class Proofs {

    private Proofs() {
    }

    static ConsentEvent.Proof of(HttpServletRequest request, ProofHasher hasher) {
        return hasher.proof(request.getHeader("User-Agent"), request.getRemoteAddr());
    }
}
