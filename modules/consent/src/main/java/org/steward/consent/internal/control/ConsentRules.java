package org.steward.consent.internal.control;

import java.time.OffsetDateTime;
import java.util.List;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * Which action fits which legal basis, and the state it leads to. One cannot "consent" to a contract, withdraw a
 * legitimate interest, or opt out of what the subject's contract needs.
 */
public final class ConsentRules {

    private ConsentRules() {
    }

    public static ConsentStatus resulting(LegalBasis basis, boolean optOutAllowed, ConsentAction action) {
        return switch (action) {
            case GRANT -> {
                require(basis == LegalBasis.CONSENT, "GRANT needs a purpose whose legal basis is CONSENT; this one's is "
                        + basis);
                yield ConsentStatus.GRANTED;
            }
            case WITHDRAW -> {
                require(basis == LegalBasis.CONSENT, "only a consent can be withdrawn; this purpose's legal basis is "
                        + basis + ": use OPT_OUT or OBJECT");
                yield ConsentStatus.WITHDRAWN;
            }
            case OPT_OUT -> {
                require(basis != LegalBasis.CONSENT, "a consent is withdrawn, not opted out of: use WITHDRAW");
                require(optOutAllowed, "this purpose cannot be opted out of (legal basis " + basis + ")");
                yield ConsentStatus.OPTED_OUT;
            }
            case OPT_IN -> {
                require(basis != LegalBasis.CONSENT, "a consent is given with GRANT, not OPT_IN");
                require(optOutAllowed, "this purpose has no opt-out to reverse (legal basis " + basis + ")");
                yield ConsentStatus.OPTED_IN;
            }
            case OBJECT -> {
                require(basis == LegalBasis.LEGITIMATE_INTEREST,
                        "an objection (GDPR Art. 21) applies to legitimate interest only; this purpose's basis is "
                                + basis);
                yield ConsentStatus.OBJECTED;
            }
        };
    }

    /** The action that an unsubscribe link takes: a consent is withdrawn, anything else is opted out of. */
    public static ConsentAction unsubscribeAction(LegalBasis basis) {
        return basis == LegalBasis.CONSENT ? ConsentAction.WITHDRAW : ConsentAction.OPT_OUT;
    }

    /** An expiry belongs to a grant only, and must lie after the action. */
    public static void checkExpiry(ConsentAction action, OffsetDateTime occurredAt, OffsetDateTime expiresAt,
                                   OffsetDateTime now) {
        if (expiresAt == null) {
            return;
        }
        if (action != ConsentAction.GRANT) {
            throw ProblemException.invalid("expiresAt", "only a GRANT can expire");
        }
        if (!expiresAt.isAfter(now) || !expiresAt.isAfter(occurredAt)) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "action: " + message,
                    List.of(new FieldError("action", message)));
        }
    }
}
