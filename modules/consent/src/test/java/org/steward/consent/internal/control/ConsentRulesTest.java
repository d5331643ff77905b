package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;
import org.steward.platform.kernel.api.ProblemException;

class ConsentRulesTest {

    @Test
    void consentIsGrantedAndWithdrawn() {
        assertThat(ConsentRules.resulting(LegalBasis.CONSENT, true, ConsentAction.GRANT))
                .isEqualTo(ConsentStatus.GRANTED);
        assertThat(ConsentRules.resulting(LegalBasis.CONSENT, true, ConsentAction.WITHDRAW))
                .isEqualTo(ConsentStatus.WITHDRAWN);
    }

    @Test
    void legitimateInterestIsOptedOutOfAndObjectedTo() {
        assertThat(ConsentRules.resulting(LegalBasis.LEGITIMATE_INTEREST, true, ConsentAction.OPT_OUT))
                .isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(ConsentRules.resulting(LegalBasis.LEGITIMATE_INTEREST, true, ConsentAction.OPT_IN))
                .isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(ConsentRules.resulting(LegalBasis.LEGITIMATE_INTEREST, true, ConsentAction.OBJECT))
                .isEqualTo(ConsentStatus.OBJECTED);
    }

    @Test
    void actionsThatDoNotFitTheBasisAreRefusedOnTheActionField() {
        for (Object[] c : new Object[][]{
                {LegalBasis.CONTRACT, false, ConsentAction.GRANT},
                {LegalBasis.LEGITIMATE_INTEREST, true, ConsentAction.GRANT},
                {LegalBasis.LEGITIMATE_INTEREST, true, ConsentAction.WITHDRAW},
                {LegalBasis.CONSENT, true, ConsentAction.OPT_OUT},
                {LegalBasis.CONSENT, true, ConsentAction.OBJECT},
                {LegalBasis.CONTRACT, false, ConsentAction.OPT_OUT},
                {LegalBasis.CONTRACT, false, ConsentAction.OBJECT}}) {
            assertThatThrownBy(() -> ConsentRules.resulting((LegalBasis) c[0], (boolean) c[1], (ConsentAction) c[2]))
                    .as("%s %s", c[0], c[2]).isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("action"));
        }
    }

    @Test
    void aSharingPurposeTakesAConsentAndTheCcpaOptOutAlike() {
        for (ConsentAction a : new ConsentAction[]{ConsentAction.GRANT, ConsentAction.WITHDRAW, ConsentAction.OPT_OUT,
                ConsentAction.OPT_IN}) {
            assertThat(ConsentRules.resulting(LegalBasis.CONSENT, true, true, a)).as(a.name()).isNotNull();
        }
        assertThat(ConsentRules.resulting(LegalBasis.CONSENT, true, true, ConsentAction.OPT_OUT))
                .isEqualTo(ConsentStatus.OPTED_OUT);
        assertThatThrownBy(() -> ConsentRules.resulting(LegalBasis.CONSENT, true, true, ConsentAction.OBJECT))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void nothingIsGrantedForASaleOrARetiredPurposeButSayingNoStillIs() {
        for (ConsentAction a : new ConsentAction[]{ConsentAction.GRANT, ConsentAction.OPT_IN}) {
            for (Object[] c : new Object[][]{{CcpaDisclosure.SALE, false}, {CcpaDisclosure.SALE, true},
                    {CcpaDisclosure.NONE, true}, {CcpaDisclosure.SHARING, true}}) {
                assertThatThrownBy(() -> ConsentRules.checkOpen("p", (CcpaDisclosure) c[0], (boolean) c[1], a))
                        .as("%s %s %s", a, c[0], c[1]).isInstanceOfSatisfying(ProblemException.class, e -> {
                            assertThat(e.type()).isEqualTo(org.steward.platform.kernel.api.ProblemType.BUSINESS_RULE);
                            assertThat(e.errors().get(0).field()).isEqualTo("purpose");
                        });
            }
        }
        for (ConsentAction a : new ConsentAction[]{ConsentAction.WITHDRAW, ConsentAction.OPT_OUT,
                ConsentAction.OBJECT}) {
            ConsentRules.checkOpen("p", CcpaDisclosure.SALE, true, a);
        }
        ConsentRules.checkOpen("p", CcpaDisclosure.SHARING, false, ConsentAction.GRANT);
    }

    @Test
    void unsubscribeWithdrawsAConsentAndOptsOutOfTheRest() {
        assertThat(ConsentRules.unsubscribeAction(LegalBasis.CONSENT)).isEqualTo(ConsentAction.WITHDRAW);
        assertThat(ConsentRules.unsubscribeAction(LegalBasis.LEGITIMATE_INTEREST)).isEqualTo(ConsentAction.OPT_OUT);
    }

    @Test
    void expiryMustBeAFutureGrant() {
        OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        ConsentRules.checkExpiry(ConsentAction.GRANT, now, now.plusDays(1), now);
        ConsentRules.checkExpiry(ConsentAction.WITHDRAW, now, null, now);
        assertThatThrownBy(() -> ConsentRules.checkExpiry(ConsentAction.GRANT, now, now.minusSeconds(1), now))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("expiresAt"));
        assertThatThrownBy(() -> ConsentRules.checkExpiry(ConsentAction.OPT_OUT, now, now.plusDays(1), now))
                .isInstanceOf(ProblemException.class);
    }
}
