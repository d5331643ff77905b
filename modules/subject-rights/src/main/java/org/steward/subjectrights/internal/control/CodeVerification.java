package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.internal.entity.OutgoingMail;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * The data subject's identity check: a six-digit code by mail, stored only as a keyed hash bound to the request,
 * valid {@code code-ttl} (10 minutes) for {@code code-attempts} (3) tries, at most {@code codes-per-request} codes.
 * A wrong try is counted in a transaction that commits although the answer is a refusal. The answers are the same
 * whether the address belongs to a subject or not: that is decided only after verification.
 */
@ApplicationScoped
public class CodeVerification {

    @Inject
    RequestKeys keys;

    @Inject
    RequestMails mails;

    @Inject
    RequestConfig config;

    @Inject
    Timeline timeline;

    @Inject
    RequestWorkflow workflow;

    @Inject
    Clock clock;

    /** RECEIVED → VERIFYING, with the first code. */
    public void start(Request r) {
        workflow.move(r, RequestState.VERIFYING, "code sent");
        issue(r);
    }

    /** A new code, while the request waits for one and the allowance lasts; 429 after that. */
    public void resend(Request r) {
        if (r.state() != RequestState.VERIFYING) {
            throw RequestWorkflow.illegal(r, "send a new code");
        }
        if (r.codesSent() >= config.codesPerRequest()) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "No more codes can be sent for this request;"
                    + " make a new request", List.of(new FieldError("code", "no codes left")));
        }
        issue(r);
    }

    void resendIfAllowed(Request r) {
        if (r.codesSent() < config.codesPerRequest()) {
            issue(r);
        }
    }

    private void issue(Request r) {
        String code = RequestKeys.newCode();
        r.code(keys.codeHash(r.id(), code), Times.now(clock).plus(config.codeTtl()));
        mails.queue(r, OutgoingMail.Kind.CODE, code);
    }

    /**
     * Checks a code. Returns the status token on success. A wrong code counts an attempt and throws 422; an expired
     * or used-up code throws 422 without counting. The caller's transaction must commit on these refusals.
     */
    public String verify(Request r, String code) {
        if (r.state() != RequestState.VERIFYING) {
            throw RequestWorkflow.illegal(r, "verify");
        }
        OffsetDateTime now = Times.now(clock);
        if (r.codeHash() == null || r.codeAttempts() >= config.codeAttempts()) {
            throw refused("code-exhausted", "This code was tried too often; ask for a new one");
        }
        if (r.codeExpiresAt().isBefore(now)) {
            throw refused("code-expired", "This code has expired; ask for a new one");
        }
        if (code == null || !code.matches("\\d{6}") || !RequestKeys.same(keys.codeHash(r.id(), code), r.codeHash())) {
            r.failedAttempt();
            timeline.record(r, TimelineEntry.Kind.CODE_FAILED, "attempt " + r.codeAttempts());
            int left = Math.max(0, config.codeAttempts() - r.codeAttempts());
            throw refused("code-wrong", "The code is wrong; " + left + (left == 1 ? " try" : " tries") + " left");
        }
        return verified(r, Request.Verification.EMAIL_CODE);
    }

    /** Identity is checked: the request gets its status token and moves on. */
    public String verified(Request r, Request.Verification how) {
        String token = RequestKeys.newToken();
        r.verified(how, keys.tokenHash(token), Times.now(clock));
        workflow.move(r, RequestState.VERIFIED, how.name());
        workflow.afterVerification(r);
        return token;
    }

    private static ProblemException refused(String reason, String detail) {
        return new ProblemException(ProblemType.VERIFICATION_FAILED, detail, List.of(new FieldError("code", reason)));
    }
}
