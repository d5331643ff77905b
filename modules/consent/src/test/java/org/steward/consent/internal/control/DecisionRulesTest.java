package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.control.DecisionRules.Decision;
import org.steward.consent.internal.control.DecisionRules.Jurisdiction;
import org.steward.consent.internal.control.DecisionRules.PurposeFacts;
import org.steward.consent.internal.control.DecisionRules.Reason;
import org.steward.consent.internal.control.DecisionRules.StateFacts;

/**
 * Every basis × CCPA kind (none, sharing, sale) × retired × jurisdiction × state (none and each status) × source ×
 * expiry × restriction.
 */
class DecisionRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    enum Expiry { NONE, FUTURE, NOW, PAST }

    @Test
    void everyCombinationFollowsTheRules() {
        int cases = 0;
        for (LegalBasis basis : LegalBasis.values()) {
            for (CcpaDisclosure ccpa : CcpaDisclosure.values()) {
                for (boolean retired : new boolean[]{false, true}) {
                    PurposeFacts p = new PurposeFacts("p", basis, ccpa, retired);
                    for (Jurisdiction j : Jurisdiction.values()) {
                        for (boolean restricted : new boolean[]{false, true}) {
                            for (StateFacts state : states()) {
                                Decision d = DecisionRules.decide(p, state, restricted, j, NOW);
                                Reason expected = expected(basis, ccpa, retired, j, state, restricted);
                                String as = String.format("%s %s retired=%s %s restricted=%s %s", basis, ccpa, retired,
                                        j, restricted, state);
                                assertThat(d.reason()).as(as).isEqualTo(expected);
                                assertThat(d.allowed()).as(as).isEqualTo(allows(expected));
                                assertThat(d.basis()).isEqualTo(basis);
                                assertThat(d.purpose()).isEqualTo("p");
                                cases++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(3 * 3 * 2 * 2 * 2 * (1 + ConsentStatus.values().length
                * ConsentSource.values().length * Expiry.values().length));
    }

    /** The rules written out independently, as the issue states them. */
    private static Reason expected(LegalBasis basis, CcpaDisclosure ccpa, boolean retired, Jurisdiction j,
                                   StateFacts state, boolean restricted) {
        ConsentStatus status = state == null ? ConsentStatus.NONE : state.status();
        boolean grantValid = status == ConsentStatus.GRANTED
                && (state.expiresAt() == null || state.expiresAt().isAfter(NOW));
        if (ccpa == CcpaDisclosure.SALE) {
            return Reason.SALE_PROHIBITED;
        }
        if (retired) {
            return Reason.PURPOSE_RETIRED;
        }
        if (restricted) {
            return Reason.RESTRICTED;
        }
        if (ccpa == CcpaDisclosure.SHARING) {
            if (status == ConsentStatus.OPTED_OUT) {
                return state.source() == ConsentSource.GPC ? Reason.GPC_SIGNAL : Reason.OPTED_OUT_OF_SALE_OR_SHARING;
            }
            if (j == Jurisdiction.CCPA && status != ConsentStatus.WITHDRAWN) {
                return grantValid ? Reason.CONSENT_GRANTED : Reason.NOT_OPTED_OUT;
            }
        }
        switch (basis) {
            case CONSENT:
                if (status == ConsentStatus.GRANTED) {
                    return grantValid ? Reason.CONSENT_GRANTED : Reason.CONSENT_EXPIRED;
                }
                return status == ConsentStatus.WITHDRAWN ? Reason.CONSENT_WITHDRAWN : Reason.NO_CONSENT;
            case LEGITIMATE_INTEREST:
                if (status == ConsentStatus.OBJECTED) {
                    return Reason.OBJECTED;
                }
                return status == ConsentStatus.OPTED_OUT ? Reason.OPTED_OUT : Reason.LEGITIMATE_INTEREST;
            default:
                return Reason.CONTRACT;
        }
    }

    private static boolean allows(Reason r) {
        return r == Reason.CONSENT_GRANTED || r == Reason.LEGITIMATE_INTEREST || r == Reason.CONTRACT
                || r == Reason.NOT_OPTED_OUT;
    }

    private static List<StateFacts> states() {
        List<StateFacts> out = new ArrayList<>();
        out.add(null);
        for (ConsentStatus s : ConsentStatus.values()) {
            for (ConsentSource src : ConsentSource.values()) {
                for (Expiry e : Expiry.values()) {
                    OffsetDateTime at = switch (e) {
                        case NONE -> null;
                        case FUTURE -> NOW.plusSeconds(1);
                        case NOW -> NOW;
                        case PAST -> NOW.minusDays(1);
                    };
                    out.add(new StateFacts(s, src, at));
                }
            }
        }
        return out;
    }

    @Test
    void namedCasesFromTheIssue() {
        PurposeFacts consent = facts("web-analytics", LegalBasis.CONSENT, CcpaDisclosure.NONE);
        PurposeFacts li = facts("drip-emails", LegalBasis.LEGITIMATE_INTEREST, CcpaDisclosure.NONE);
        PurposeFacts contract = facts("app-provision", LegalBasis.CONTRACT, CcpaDisclosure.NONE);
        PurposeFacts sharing = facts("cross-context-advertising", LegalBasis.CONSENT, CcpaDisclosure.SHARING);

        assertThat(decide(consent, null).allowed()).isFalse();
        assertThat(decide(consent, granted(NOW.plusDays(1))).allowed()).isTrue();
        assertThat(decide(consent, granted(NOW.minusNanos(1000))).reason()).isEqualTo(Reason.CONSENT_EXPIRED);
        assertThat(DecisionRules.decide(consent, granted(null), true, Jurisdiction.GDPR, NOW).reason())
                .isEqualTo(Reason.RESTRICTED);

        assertThat(decide(li, null).allowed()).isTrue();
        assertThat(decide(li, state(ConsentStatus.OPTED_IN, ConsentSource.API)).allowed()).isTrue();
        assertThat(decide(li, state(ConsentStatus.OBJECTED, ConsentSource.API)).reason()).isEqualTo(Reason.OBJECTED);
        assertThat(decide(li, state(ConsentStatus.OPTED_OUT, ConsentSource.EMAIL_LINK)).reason())
                .isEqualTo(Reason.OPTED_OUT);

        assertThat(decide(contract, null).allowed()).isTrue();
        assertThat(DecisionRules.decide(contract, null, true, Jurisdiction.GDPR, NOW).reason())
                .isEqualTo(Reason.RESTRICTED);

        // Policy §11: a sale is never allowed, whatever was recorded, wherever the holder is.
        for (LegalBasis basis : LegalBasis.values()) {
            PurposeFacts sale = facts("sale-or-sharing", basis, CcpaDisclosure.SALE);
            for (Jurisdiction j : Jurisdiction.values()) {
                for (StateFacts s : new StateFacts[]{null, granted(null), state(ConsentStatus.OPTED_IN,
                        ConsentSource.API)}) {
                    Decision d = DecisionRules.decide(sale, s, false, j, NOW);
                    assertThat(d.allowed()).isFalse();
                    assertThat(d.reason()).isEqualTo(Reason.SALE_PROHIBITED);
                }
            }
        }

        // Sharing (§4a Google Ads, LinkedIn Ads): consent under GDPR, an opt-out under CCPA, GPC everywhere.
        assertThat(decide(sharing, null).reason()).isEqualTo(Reason.NO_CONSENT);
        assertThat(decide(sharing, granted(null)).reason()).isEqualTo(Reason.CONSENT_GRANTED);
        assertThat(DecisionRules.decide(sharing, null, false, Jurisdiction.CCPA, NOW))
                .extracting(Decision::allowed, Decision::reason).containsExactly(true, Reason.NOT_OPTED_OUT);
        for (Jurisdiction j : Jurisdiction.values()) {
            assertThat(DecisionRules.decide(sharing, state(ConsentStatus.OPTED_OUT, ConsentSource.GPC), false, j, NOW)
                    .reason()).isEqualTo(Reason.GPC_SIGNAL);
            assertThat(DecisionRules.decide(sharing, state(ConsentStatus.OPTED_OUT, ConsentSource.WEB_FORM), false, j,
                    NOW).reason()).isEqualTo(Reason.OPTED_OUT_OF_SALE_OR_SHARING);
        }

        PurposeFacts retired = new PurposeFacts("web-analytics", LegalBasis.CONSENT, CcpaDisclosure.NONE, true);
        assertThat(decide(retired, granted(null))).extracting(Decision::allowed, Decision::reason)
                .containsExactly(false, Reason.PURPOSE_RETIRED);
    }

    private static PurposeFacts facts(String key, LegalBasis basis, CcpaDisclosure ccpa) {
        return new PurposeFacts(key, basis, ccpa, false);
    }

    private static Decision decide(PurposeFacts p, StateFacts s) {
        return DecisionRules.decide(p, s, false, Jurisdiction.GDPR, NOW);
    }

    private static StateFacts granted(OffsetDateTime expiresAt) {
        return new StateFacts(ConsentStatus.GRANTED, ConsentSource.API, expiresAt);
    }

    private static StateFacts state(ConsentStatus s, ConsentSource src) {
        return new StateFacts(s, src, null);
    }
}
