package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.control.DecisionRules.Decision;
import org.steward.consent.internal.control.DecisionRules.PurposeFacts;
import org.steward.consent.internal.control.DecisionRules.Reason;
import org.steward.consent.internal.control.DecisionRules.StateFacts;

/** Every basis × state (none and each status) × source × expiry × restriction × sale-or-sharing. */
class DecisionRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    enum Expiry { NONE, FUTURE, NOW, PAST }

    @Test
    void everyCombinationFollowsTheRules() {
        int cases = 0;
        for (LegalBasis basis : LegalBasis.values()) {
            for (boolean sale : new boolean[]{false, true}) {
                PurposeFacts p = new PurposeFacts("p", basis, sale);
                for (boolean restricted : new boolean[]{false, true}) {
                    for (StateFacts state : states()) {
                        Decision d = DecisionRules.decide(p, state, restricted, NOW);
                        Reason expected = expected(basis, sale, state, restricted);
                        assertThat(d.reason()).as("%s sale=%s restricted=%s %s", basis, sale, restricted, state)
                                .isEqualTo(expected);
                        assertThat(d.allowed()).as("%s sale=%s restricted=%s %s", basis, sale, restricted, state)
                                .isEqualTo(allows(expected));
                        assertThat(d.basis()).isEqualTo(basis);
                        assertThat(d.purpose()).isEqualTo("p");
                        cases++;
                    }
                }
            }
        }
        // 3 bases × 2 sale × 2 restricted × (1 none + 6 statuses × 5 sources × 4 expiries)
        assertThat(cases).isEqualTo(3 * 2 * 2 * (1 + ConsentStatus.values().length * ConsentSource.values().length
                * Expiry.values().length));
    }

    /** The rules written out independently, as the issue states them. */
    private static Reason expected(LegalBasis basis, boolean sale, StateFacts state, boolean restricted) {
        ConsentStatus status = state == null ? ConsentStatus.NONE : state.status();
        if (restricted) {
            return Reason.RESTRICTED;
        }
        if (sale && status == ConsentStatus.OPTED_OUT) {
            return state.source() == ConsentSource.GPC ? Reason.GPC_SIGNAL : Reason.OPTED_OUT_OF_SALE_OR_SHARING;
        }
        switch (basis) {
            case CONSENT:
                if (status == ConsentStatus.GRANTED) {
                    boolean expired = state.expiresAt() != null && !state.expiresAt().isAfter(NOW);
                    return expired ? Reason.CONSENT_EXPIRED : Reason.CONSENT_GRANTED;
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
        return r == Reason.CONSENT_GRANTED || r == Reason.LEGITIMATE_INTEREST || r == Reason.CONTRACT;
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
        PurposeFacts consent = new PurposeFacts("web-analytics", LegalBasis.CONSENT, false);
        PurposeFacts li = new PurposeFacts("drip-emails", LegalBasis.LEGITIMATE_INTEREST, false);
        PurposeFacts contract = new PurposeFacts("app-provision", LegalBasis.CONTRACT, false);
        PurposeFacts sale = new PurposeFacts("sale-or-sharing", LegalBasis.LEGITIMATE_INTEREST, true);

        assertThat(DecisionRules.decide(consent, null, false, NOW).allowed()).isFalse();
        assertThat(DecisionRules.decide(consent, granted(NOW.plusDays(1)), false, NOW).allowed()).isTrue();
        assertThat(DecisionRules.decide(consent, granted(NOW.minusNanos(1000)), false, NOW).reason())
                .isEqualTo(Reason.CONSENT_EXPIRED);
        assertThat(DecisionRules.decide(consent, granted(null), true, NOW).reason()).isEqualTo(Reason.RESTRICTED);

        assertThat(DecisionRules.decide(li, null, false, NOW).allowed()).isTrue();
        assertThat(DecisionRules.decide(li, state(ConsentStatus.OPTED_IN, ConsentSource.API), false, NOW).allowed())
                .isTrue();
        assertThat(DecisionRules.decide(li, state(ConsentStatus.OBJECTED, ConsentSource.API), false, NOW).reason())
                .isEqualTo(Reason.OBJECTED);
        assertThat(DecisionRules.decide(li, state(ConsentStatus.OPTED_OUT, ConsentSource.EMAIL_LINK), false, NOW)
                .reason()).isEqualTo(Reason.OPTED_OUT);

        assertThat(DecisionRules.decide(contract, null, false, NOW).allowed()).isTrue();
        assertThat(DecisionRules.decide(contract, null, true, NOW).reason()).isEqualTo(Reason.RESTRICTED);

        assertThat(DecisionRules.decide(sale, state(ConsentStatus.OPTED_OUT, ConsentSource.GPC), false, NOW)
                .reason()).isEqualTo(Reason.GPC_SIGNAL);
        assertThat(DecisionRules.decide(sale, state(ConsentStatus.OPTED_OUT, ConsentSource.WEB_FORM), false, NOW)
                .reason()).isEqualTo(Reason.OPTED_OUT_OF_SALE_OR_SHARING);
        assertThat(DecisionRules.decide(sale, state(ConsentStatus.OPTED_IN, ConsentSource.WEB_FORM), false, NOW)
                .allowed()).isTrue();
    }

    private static StateFacts granted(OffsetDateTime expiresAt) {
        return new StateFacts(ConsentStatus.GRANTED, ConsentSource.API, expiresAt);
    }

    private static StateFacts state(ConsentStatus s, ConsentSource src) {
        return new StateFacts(s, src, null);
    }
}
