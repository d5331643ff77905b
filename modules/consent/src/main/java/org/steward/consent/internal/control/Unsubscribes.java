package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;

/**
 * Unsubscribe links for the email purposes: minted for staff or a machine client, redeemed without login. A token
 * names its subject and purpose and is MACed, so it cannot be forged, altered, or used for anyone else. It does not
 * expire (see {@link UnsubscribeToken}); it stops naming anyone when the subject is erased.
 */
@ApplicationScoped
public class Unsubscribes {

    /** What a valid token is about, and the action redeeming it takes. */
    public record Target(UnsubscribeToken.Claims claims, Purpose purpose, ConsentHolder holder, String tenantId,
                         ConsentAction action) {
    }

    @Inject
    ConsentKeys keys;

    @Inject
    Purposes purposes;

    @Inject
    Holders holders;

    @Inject
    CurrentStates states;

    @Inject
    ConsentRecorder recorder;

    @Inject
    Clock clock;

    public String mint(String tenantId, String subjectId, String purposeKey) {
        ConsentHolder holder = holders.subject(tenantId, subjectId);
        Purpose purpose = purposes.named(purposeKey, "purpose");
        if (!purpose.email()) {
            throw ProblemException.invalid("purpose", "is not an email purpose: it has no unsubscribe link");
        }
        return UnsubscribeToken.mint(keys.unsubscribeKey(),
                new UnsubscribeToken.Claims(holder.id(), purpose.key(), Times.now(clock).toInstant()));
    }

    /**
     * The token's target, or empty when its subject was erased (or its purpose is gone): there is no one left to
     * send such mail to. {@link UnsubscribeToken.Refused} when the token is forged or altered.
     */
    public Optional<Target> target(String token) {
        UnsubscribeToken.Claims claims = UnsubscribeToken.verify(keys.unsubscribeKey(), token);
        Optional<String> tenant = holders.tenantOf(claims.subjectId());
        Optional<Purpose> purpose = purposes.list().stream().filter(p -> p.key().equals(claims.purposeKey()))
                .findFirst();
        if (tenant.isEmpty() || purpose.isEmpty()) {
            return Optional.empty();
        }
        ConsentHolder holder = holders.subject(tenant.get(), claims.subjectId());
        return Optional.of(new Target(claims, purpose.get(), holder, tenant.get(),
                ConsentRules.unsubscribeAction(purpose.get().legalBasis())));
    }

    public Optional<ConsentState> current(Target t) {
        return states.currentState(t.holder(), t.purpose().key());
    }

    /** Withdraws (or opts out) at once; a second click finds the subject already out and records nothing. */
    public Optional<ConsentRecorder.Recorded> redeem(Target t, ConsentEvent.Proof proof) {
        ConsentStatus out = t.action() == ConsentAction.WITHDRAW ? ConsentStatus.WITHDRAWN : ConsentStatus.OPTED_OUT;
        Optional<ConsentState> now = current(t);
        if (now.isPresent() && now.get().status() == out) {
            return Optional.empty();
        }
        return Optional.of(recorder.record(new ConsentRecorder.Command(t.holder(), t.tenantId(), t.purpose().key(),
                t.action(), null, null, ConsentSource.EMAIL_LINK, null, null, proof, null)));
    }
}
