package org.steward.consent.internal.control;

import java.time.OffsetDateTime;
import java.util.List;
import org.steward.consent.api.CcpaDisclosure;
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
        return resulting(basis, optOutAllowed, false, action);
    }

    /**
     * {@code sharing}: a purpose of sharing for cross-context behavioural advertising takes a GDPR consent (GRANT,
     * WITHDRAW) and the CCPA opt-out of sharing (OPT_OUT, OPT_IN) alike.
     */
    public static ConsentStatus resulting(LegalBasis basis, boolean optOutAllowed, boolean sharing,
                                          ConsentAction action) {
        boolean optOutBasis = basis != LegalBasis.CONSENT || sharing;
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
                require(optOutBasis, "a consent is withdrawn, not opted out of: use WITHDRAW");
                require(optOutAllowed, "this purpose cannot be opted out of (legal basis " + basis + ")");
                yield ConsentStatus.OPTED_OUT;
            }
            case OPT_IN -> {
                require(optOutBasis, "a consent is given with GRANT, not OPT_IN");
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

    /**
     * Nothing new may be permitted for a sale (policy §11: never) or for a retired purpose: a GRANT or an OPT_IN is
     * 422 on {@code purpose}. Withdrawals, opt-outs and objections stay possible: saying no is always recorded.
     */
    public static void checkOpen(String purposeKey, CcpaDisclosure ccpa, boolean retired, ConsentAction action) {
        if (action != ConsentAction.GRANT && action != ConsentAction.OPT_IN) {
            return;
        }
        if (ccpa == CcpaDisclosure.SALE) {
            throw rule("purpose", "purpose " + purposeKey + " is a sale of personal data, which is never allowed"
                    + " (policy §11)");
        }
        if (retired) {
            throw rule("purpose", "purpose " + purposeKey + " is retired: nothing can be granted for it any more");
        }
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
            throw rule("action", message);
        }
    }

    /** A 422 naming the field. */
    public static ProblemException rule(String field, String message) {
        return new ProblemException(ProblemType.BUSINESS_RULE, field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}
