package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * names its subject and purpose and is MACed, so it cannot be forged, altered, or used for anyone else.
 */
@ApplicationScoped
public class Unsubscribes {

    /** What a valid token is about, and the action redeeming it takes. */
    public record Target(UnsubscribeToken.Claims claims, Purpose purpose, ConsentHolder holder, String tenantId,
                         ConsentAction action) {
    }

    public record Minted(String token, Instant expiresAt) {
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

    @Inject
    @ConfigProperty(name = "steward.consent.unsubscribe-token-ttl", defaultValue = "P365D")
    Duration maxValidity;

    public Minted mint(String tenantId, String subjectId, String purposeKey, Duration validFor) {
        ConsentHolder holder = holders.subject(tenantId, subjectId);
        Purpose purpose = purposes.named(purposeKey, "purpose");
        if (!purpose.email()) {
            throw ProblemException.invalid("purpose", "is not an email purpose: it has no unsubscribe link");
        }
        Duration validity = validFor == null ? maxValidity : validFor;
        if (validity.isNegative() || validity.isZero() || validity.compareTo(maxValidity) > 0) {
            throw ProblemException.invalid("validFor", "must be a positive duration of at most " + maxValidity);
        }
        Instant now = Times.now(clock).toInstant();
        Instant expires = now.plus(validity);
        String token = UnsubscribeToken.mint(keys.unsubscribeKey(),
                new UnsubscribeToken.Claims(holder.id(), purpose.key(), now, expires));
        return new Minted(token, expires);
    }

    /** The token's target; 400 naming the token when it is forged, altered, expired or names no one any more. */
    public Target target(String token) {
        UnsubscribeToken.Claims claims;
        try {
            claims = UnsubscribeToken.verify(keys.unsubscribeKey(), token, Times.now(clock).toInstant());
        } catch (UnsubscribeToken.Refused e) {
            throw ProblemException.invalid("token", e.getMessage());
        }
        Optional<String> tenant = holders.tenantOf(claims.subjectId());
        if (tenant.isEmpty()) {
            throw ProblemException.invalid("token", "names a subject that no longer exists");
        }
        Purpose purpose = purposes.named(claims.purposeKey(), "token");
        ConsentHolder holder = holders.subject(tenant.get(), claims.subjectId());
        return new Target(claims, purpose, holder, tenant.get(), ConsentRules.unsubscribeAction(purpose.legalBasis()));
    }

    public Optional<ConsentState> current(Target t) {
        return states.currentState(t.holder(), t.purpose().key());
    }

    /** Withdraws (or opts out) at once; a second click finds the subject already out and records nothing. */
    public Optional<ConsentRecorder.Recorded> redeem(String token, ConsentEvent.Proof proof) {
        Target t = target(token);
        ConsentStatus out = t.action() == ConsentAction.WITHDRAW ? ConsentStatus.WITHDRAWN : ConsentStatus.OPTED_OUT;
        Optional<ConsentState> now = current(t);
        if (now.isPresent() && now.get().status() == out) {
            return Optional.empty();
        }
        return Optional.of(recorder.record(new ConsentRecorder.Command(t.holder(), t.tenantId(), t.purpose().key(),
                t.action(), null, null, ConsentSource.EMAIL_LINK, null, null, proof, null)));
    }
}
