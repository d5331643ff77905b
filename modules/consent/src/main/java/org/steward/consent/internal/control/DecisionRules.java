package org.steward.consent.internal.control;

import java.time.OffsetDateTime;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;

/**
 * The decision rules of the hot path, as a pure function of a purpose, the holder's current state for it and whether
 * the holder's processing is restricted. Checked in this order:
 * <ol>
 * <li>restricted (GDPR Art. 18): denied, whatever the basis. Storage is not a purpose one asks about: a restricted
 * subject's data stays stored, and nothing else is allowed;</li>
 * <li>sale or sharing (CCPA): denied after an opt-out, reported as {@code GPC_SIGNAL} when the opt-out came from a
 * Global Privacy Control signal;</li>
 * <li>{@code CONSENT}: allowed only with a grant that has not expired at {@code now};</li>
 * <li>{@code LEGITIMATE_INTEREST}: allowed unless the holder objected or opted out;</li>
 * <li>{@code CONTRACT}: allowed.</li>
 * </ol>
 */
public final class DecisionRules {

    /** Why a decision came out as it did: stable codes that clients may switch on. */
    public enum Reason {
        RESTRICTED, OPTED_OUT_OF_SALE_OR_SHARING, GPC_SIGNAL, CONSENT_GRANTED, NO_CONSENT, CONSENT_WITHDRAWN,
        CONSENT_EXPIRED, LEGITIMATE_INTEREST, OBJECTED, OPTED_OUT, CONTRACT
    }

    /** What the rules need of a purpose: immutable once the purpose exists. */
    public record PurposeFacts(String key, LegalBasis basis, boolean saleOrSharing) {
    }

    /** What the rules need of a current-state row. */
    public record StateFacts(ConsentStatus status, ConsentSource source, OffsetDateTime expiresAt) {
    }

    public record Decision(String purpose, boolean allowed, LegalBasis basis, Reason reason) {
    }

    private DecisionRules() {
    }

    /** {@code state} is null where nothing was recorded for the purpose. */
    public static Decision decide(PurposeFacts purpose, StateFacts state, boolean restricted, OffsetDateTime now) {
        ConsentStatus status = state == null ? ConsentStatus.NONE : state.status();
        if (restricted) {
            return deny(purpose, Reason.RESTRICTED);
        }
        if (purpose.saleOrSharing() && status == ConsentStatus.OPTED_OUT) {
            return deny(purpose, state.source() == ConsentSource.GPC ? Reason.GPC_SIGNAL
                    : Reason.OPTED_OUT_OF_SALE_OR_SHARING);
        }
        return switch (purpose.basis()) {
            case CONSENT -> switch (status) {
                case GRANTED -> state.expiresAt() != null && !state.expiresAt().isAfter(now)
                        ? deny(purpose, Reason.CONSENT_EXPIRED) : allow(purpose, Reason.CONSENT_GRANTED);
                case WITHDRAWN -> deny(purpose, Reason.CONSENT_WITHDRAWN);
                default -> deny(purpose, Reason.NO_CONSENT);
            };
            case LEGITIMATE_INTEREST -> switch (status) {
                case OBJECTED -> deny(purpose, Reason.OBJECTED);
                case OPTED_OUT -> deny(purpose, Reason.OPTED_OUT);
                default -> allow(purpose, Reason.LEGITIMATE_INTEREST);
            };
            case CONTRACT -> allow(purpose, Reason.CONTRACT);
        };
    }

    private static Decision allow(PurposeFacts p, Reason reason) {
        return new Decision(p.key(), true, p.basis(), reason);
    }

    private static Decision deny(PurposeFacts p, Reason reason) {
        return new Decision(p.key(), false, p.basis(), reason);
    }
}
