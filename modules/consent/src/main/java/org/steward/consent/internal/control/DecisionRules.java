package org.steward.consent.internal.control;

import java.time.OffsetDateTime;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;

/**
 * The decision rules of the hot path, as a pure function of a purpose, the holder's current state for it, whether the
 * holder's processing is restricted, and the jurisdiction the caller says applies. Checked in this order:
 * <ol>
 * <li>a sale (CCPA): denied, always ({@code SALE_PROHIBITED}; policy §11 "we do not sell … personal data — ever");</li>
 * <li>a retired purpose: denied ({@code PURPOSE_RETIRED}); its history stays, its processing has ended;</li>
 * <li>restricted (GDPR Art. 18): denied, whatever the basis. Storage is not a purpose one asks about: a restricted
 * subject's data stays stored, and nothing else is allowed;</li>
 * <li>sharing for cross-context behavioural advertising (CCPA): denied after an opt-out, reported as
 * {@code GPC_SIGNAL} when the opt-out came from a Global Privacy Control signal; a withdrawn consent is denied too.
 * Under GDPR it then needs an unexpired grant like any consent; elsewhere (CCPA) it is allowed unless opted out
 * ({@code NOT_OPTED_OUT});</li>
 * <li>{@code CONSENT}: allowed only with a grant that has not expired at {@code now};</li>
 * <li>{@code LEGITIMATE_INTEREST}: allowed unless the holder objected or opted out;</li>
 * <li>{@code CONTRACT}: allowed.</li>
 * </ol>
 */
public final class DecisionRules {

    /** Why a decision came out as it did: stable codes that clients may switch on. */
    public enum Reason {
        RESTRICTED, OPTED_OUT_OF_SALE_OR_SHARING, GPC_SIGNAL, CONSENT_GRANTED, NO_CONSENT, CONSENT_WITHDRAWN,
        CONSENT_EXPIRED, LEGITIMATE_INTEREST, OBJECTED, OPTED_OUT, CONTRACT, SALE_PROHIBITED, PURPOSE_RETIRED,
        NOT_OPTED_OUT
    }

    /**
     * Where the holder is, as far as sharing is concerned: GDPR (EEA, UK, Switzerland) needs consent for
     * cross-context behavioural advertising; CCPA (California, and opt-out regimes like it) allows it until the
     * holder opts out. The caller knows (its sign-up country, the visitor's location); without it, the configured
     * default applies.
     */
    public enum Jurisdiction {
        GDPR, CCPA
    }

    /** What the rules need of a purpose. Purposes change rarely; the cache of them is invalidated when they do. */
    public record PurposeFacts(String key, LegalBasis basis, CcpaDisclosure ccpa, boolean retired) {

        public boolean sharing() {
            return ccpa == CcpaDisclosure.SHARING;
        }
    }

    /** What the rules need of a current-state row. */
    public record StateFacts(ConsentStatus status, ConsentSource source, OffsetDateTime expiresAt) {
    }

    public record Decision(String purpose, boolean allowed, LegalBasis basis, Reason reason) {
    }

    private DecisionRules() {
    }

    /** {@code state} is null where nothing was recorded for the purpose. */
    public static Decision decide(PurposeFacts purpose, StateFacts state, boolean restricted,
                                  Jurisdiction jurisdiction, OffsetDateTime now) {
        ConsentStatus status = state == null ? ConsentStatus.NONE : state.status();
        if (purpose.ccpa() == CcpaDisclosure.SALE) {
            return deny(purpose, Reason.SALE_PROHIBITED);
        }
        if (purpose.retired()) {
            return deny(purpose, Reason.PURPOSE_RETIRED);
        }
        if (restricted) {
            return deny(purpose, Reason.RESTRICTED);
        }
        if (purpose.sharing()) {
            if (status == ConsentStatus.OPTED_OUT) {
                return deny(purpose, state.source() == ConsentSource.GPC ? Reason.GPC_SIGNAL
                        : Reason.OPTED_OUT_OF_SALE_OR_SHARING);
            }
            if (jurisdiction == Jurisdiction.CCPA && status != ConsentStatus.WITHDRAWN) {
                return status == ConsentStatus.GRANTED && !expired(state, now) ? allow(purpose, Reason.CONSENT_GRANTED)
                        : allow(purpose, Reason.NOT_OPTED_OUT);
            }
        }
        return switch (purpose.basis()) {
            case CONSENT -> switch (status) {
                case GRANTED -> expired(state, now) ? deny(purpose, Reason.CONSENT_EXPIRED)
                        : allow(purpose, Reason.CONSENT_GRANTED);
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

    private static boolean expired(StateFacts state, OffsetDateTime now) {
        return state.expiresAt() != null && !state.expiresAt().isAfter(now);
    }

    private static Decision allow(PurposeFacts p, Reason reason) {
        return new Decision(p.key(), true, p.basis(), reason);
    }

    private static Decision deny(PurposeFacts p, Reason reason) {
        return new Decision(p.key(), false, p.basis(), reason);
    }
}
