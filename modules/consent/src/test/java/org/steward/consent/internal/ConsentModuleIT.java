package org.steward.consent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentChanged;
import org.steward.consent.api.ConsentChoices;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.api.LiftProcessingRestriction;
import org.steward.consent.api.ProcessingRestricted;
import org.steward.consent.api.ProcessingRestrictionLifted;
import org.steward.consent.api.RestrictProcessing;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.DecisionRules.Decision;
import org.steward.consent.internal.control.DecisionRules.Jurisdiction;
import org.steward.consent.internal.control.DecisionRules.Reason;
import org.steward.consent.internal.control.Decisions;
import org.steward.consent.internal.control.Holders;
import org.steward.consent.internal.control.Notices;
import org.steward.consent.internal.control.Purposes;
import org.steward.consent.internal.control.Restrictions;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.identity.api.HostingMode;
import org.steward.identity.internal.control.Subjects;
import org.steward.identity.internal.control.Tenants;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.testing.ModuleDeployment;
import org.steward.testing.container.FiredEvents;
import org.steward.testing.container.Rows;
import org.steward.testing.container.Transactions;

/**
 * The consent module in the container (module tier): {@link Decisions} against consent states recorded through the
 * real write path ({@link ConsentRecorder}), restrictions and their events, and the decision cache, which every change
 * invalidates inside its transaction. Purposes are the seeded inventory (consent's V1 migration): app-provision is
 * CONTRACT, web-analytics CONSENT, direct-marketing LEGITIMATE_INTEREST; since V4 sale-or-sharing is a retired SALE
 * (never allowed, policy §11) and cross-context-advertising the CCPA sharing (consent under GDPR, opt-out and GPC).
 */
@ExtendWith(ArquillianExtension.class)
class ConsentModuleIT {

    private static final String CONTRACT = "app-provision";
    private static final String CONSENT = "web-analytics";
    private static final String INTEREST = "direct-marketing";
    private static final String SALE = "sale-or-sharing";
    private static final String SHARING = "cross-context-advertising";

    @Deployment
    static WebArchive deployment() {
        return ModuleDeployment.of(ConsentModuleIT.class).build();
    }

    @Inject
    Decisions decisions;

    @Inject
    Purposes purposes;

    @Inject
    ConsentRecorder recorder;

    @Inject
    Restrictions restrictions;

    @Inject
    Holders holders;

    @Inject
    Notices notices;

    @Inject
    Tenants tenants;

    @Inject
    Subjects subjects;

    @Inject
    Crypto crypto;

    @Inject
    Transactions tx;

    @Inject
    Rows rows;

    @Inject
    FiredEvents events;

    @Inject
    ConsentChoices choices;

    @Inject
    Event<LiftProcessingRestriction> liftRestriction;

    private String tenant;
    private ConsentHolder subject;

    @BeforeEach
    void subject() {
        crypto.ensureBlindIndexKey(); // the app's start-up does this once; idempotent
        tenant = tenants.register("Tenant " + UUID.randomUUID(), "https://t" + UUID.randomUUID() + ".example",
                HostingMode.CLOUD, "LIC-" + UUID.randomUUID(), LocalDate.now().plusYears(1)).rawId();
        subject = newSubject();
        events.clear();
    }

    @Test
    void withNothingRecordedContractAndLegitimateInterestAllowAndConsentDenies() {
        assertThat(decisions.decide(subject, List.of(CONTRACT, CONSENT))).extracting(Decision::purpose, Decision::basis)
                .containsExactly(tuple(CONTRACT, LegalBasis.CONTRACT), tuple(CONSENT, LegalBasis.CONSENT));
        assertThat(decide(subject, CONTRACT)).isEqualTo(allowed(Reason.CONTRACT));
        assertThat(decide(subject, INTEREST)).isEqualTo(allowed(Reason.LEGITIMATE_INTEREST));
        assertThat(decide(subject, CONSENT)).isEqualTo(denied(Reason.NO_CONSENT));
    }

    @Test
    void aSaleIsNeverAllowedAndSharingNeedsConsentUnderGdprOnly() {
        assertThat(decide(subject, SALE)).isEqualTo(denied(Reason.SALE_PROHIBITED));
        for (Jurisdiction j : Jurisdiction.values()) {
            assertThat(decisions.decide(subject, List.of(SALE), j).get(0))
                    .extracting(Decision::allowed, Decision::reason).containsExactly(false, Reason.SALE_PROHIBITED);
        }
        assertThat(decide(subject, SHARING)).as("GDPR by default").isEqualTo(denied(Reason.NO_CONSENT));
        assertThat(decisions.decide(subject, List.of(SHARING), Jurisdiction.CCPA).get(0))
                .extracting(Decision::allowed, Decision::reason).containsExactly(true, Reason.NOT_OPTED_OUT);

        record(subject, SHARING, ConsentAction.GRANT, ConsentSource.WEB_FORM, null);
        assertThat(decide(subject, SHARING)).isEqualTo(allowed(Reason.CONSENT_GRANTED));

        ProblemException grantSale = catchThrowableOfType(ProblemException.class,
                () -> record(subject, SALE, ConsentAction.OPT_IN, ConsentSource.API, null));
        assertThat(grantSale.type()).isEqualTo(ProblemType.BUSINESS_RULE);
        assertThat(grantSale.errors()).extracting(FieldError::field).containsExactly("purpose");
        assertThat(decide(subject, SALE)).isEqualTo(denied(Reason.SALE_PROHIBITED));
    }

    @Test
    void noPurposeIsCreatedOrChangedIntoASale() {
        String key = "p-" + UUID.randomUUID().toString().substring(0, 8);
        ProblemException created = catchThrowableOfType(ProblemException.class, () -> tx.commit(() ->
                purposes.create(new Purposes.Spec(key, "Sell", "Sell lists", LegalBasis.CONSENT, CcpaDisclosure.SALE,
                        true, false, Set.of("contact")))));
        assertThat(created.type()).isEqualTo(ProblemType.BUSINESS_RULE);
        assertThat(created.errors()).extracting(FieldError::field).containsExactly("ccpa");
        assertThat(rows.count("SELECT COUNT(*) FROM consent_purpose WHERE purpose_key = ?", key)).isZero();

        tx.commit(() -> purposes.create(new Purposes.Spec(key, "Ads", "Ads", LegalBasis.CONSENT, CcpaDisclosure.NONE,
                true, false, Set.of("website-visitor"))));
        ProblemException changed = catchThrowableOfType(ProblemException.class, () -> tx.commit(() ->
                purposes.change(key, new Purposes.Change(null, null, CcpaDisclosure.SALE, null, null, null))));
        assertThat(changed.errors()).extracting(FieldError::field).containsExactly("ccpa");
        assertThat(rows.count("SELECT COUNT(*) FROM consent_purpose WHERE purpose_key = ? AND ccpa = 'NONE'", key))
                .isEqualTo(1);
        ProblemException sharingByInterest = catchThrowableOfType(ProblemException.class, () -> tx.commit(() ->
                purposes.create(new Purposes.Spec(key + "-li", "Ads", "Ads", LegalBasis.LEGITIMATE_INTEREST,
                        CcpaDisclosure.SHARING, true, false, Set.of("website-visitor")))));
        assertThat(sharingByInterest.errors()).extracting(FieldError::field).containsExactly("legalBasis");
    }

    @Test
    void anEditedOrRetiredPurposeIsSeenByTheVeryNextDecision() {
        String key = "p-" + UUID.randomUUID().toString().substring(0, 8);
        tx.commit(() -> purposes.create(new Purposes.Spec(key, "Partner ads", "Ads", LegalBasis.CONSENT,
                CcpaDisclosure.NONE, true, false, Set.of("website-visitor"))));
        record(subject, key, ConsentAction.GRANT, ConsentSource.API, null);
        assertThat(decisions.decide(subject, List.of(key), Jurisdiction.CCPA).get(0).reason())
                .as("cached").isEqualTo(Reason.CONSENT_GRANTED);

        // Becomes a sharing: an opt-out (here GPC) now denies it, under CCPA too.
        tx.commit(() -> purposes.change(key, new Purposes.Change(null, null, CcpaDisclosure.SHARING, null, null,
                null)));
        record(subject, key, ConsentAction.OPT_OUT, ConsentSource.GPC, null);
        assertThat(decisions.decide(subject, List.of(key), Jurisdiction.CCPA).get(0).reason())
                .isEqualTo(Reason.GPC_SIGNAL);
        record(subject, key, ConsentAction.GRANT, ConsentSource.API, null);

        tx.commit(() -> purposes.retire(key, "The partner programme ended"));
        assertThat(decide(subject, key)).isEqualTo(denied(Reason.PURPOSE_RETIRED));
        ProblemException grant = catchThrowableOfType(ProblemException.class,
                () -> record(subject, key, ConsentAction.GRANT, ConsentSource.API, null));
        assertThat(grant.type()).isEqualTo(ProblemType.BUSINESS_RULE);
        assertThat(grant.errors()).extracting(FieldError::field).containsExactly("purpose");
        record(subject, key, ConsentAction.WITHDRAW, ConsentSource.API, null); // saying no is still recorded
        assertThat(rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ? AND purpose_key = ?",
                subject.ref(), key)).as("the history stays").isEqualTo(4);
        assertThat(tx.commit(() -> purposes.retire(key, "again").retirementReason()))
                .isEqualTo("The partner programme ended");
    }

    @Test
    void aRetiredCategoryIsTakenOnByNoPurposeAndOneInUseCannotRetire() {
        String key = "c-" + UUID.randomUUID().toString().substring(0, 8);
        tx.commit(() -> purposes.createCategory(key, "Billing", "Invoices", "Customers"));
        String purpose = "p-" + UUID.randomUUID().toString().substring(0, 8);
        tx.commit(() -> purposes.create(new Purposes.Spec(purpose, "Billing", "Invoices", LegalBasis.CONTRACT,
                CcpaDisclosure.NONE, false, false, Set.of(key))));
        ProblemException inUse = catchThrowableOfType(ProblemException.class,
                () -> tx.commit(() -> purposes.retireCategory(key, "merged into contact")));
        assertThat(inUse.type()).isEqualTo(ProblemType.CONFLICT);
        tx.commit(() -> purposes.change(purpose, new Purposes.Change("Billing", null, null, null, null,
                Set.of("contact"))));
        assertThat(tx.commit(() -> purposes.retireCategory(key, "merged into contact")).retired()).isTrue();
        ProblemException taken = catchThrowableOfType(ProblemException.class, () -> tx.commit(() ->
                purposes.change(purpose, new Purposes.Change(null, null, null, null, null, Set.of("contact", key)))));
        assertThat(taken.errors()).extracting(FieldError::field).containsExactly("categories");
        assertThat(tx.commit(() -> purposes.changeCategory(key, new Purposes.CategoryChange("Billing (old)", null,
                null))).name()).isEqualTo("Billing (old)");
    }

    /**
     * V4 on a database that holds choices made before it: sale-or-sharing becomes a retired SALE, and its opt-outs
     * (by hand and by GPC) carry over to the new sharing purpose; an opt-in does not (it is no GDPR consent).
     */
    @Test
    void theV4MigrationMakesSaleOrSharingASaleAndCarriesItsOptOutsToSharing() throws Exception {
        String url = "jdbc:h2:mem:v4" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE platform_secret (name VARCHAR(200))"); // V3 deletes from it
        }
        flyway(url).target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Statement st = c.createStatement();
            String state = "INSERT INTO consent_state (holder_ref, purpose_key, tenant_id, status, last_action, source,"
                    + " changed_at, event_id, version) VALUES ";
            st.execute(state + "('device:gpc-device-0000000001', 'sale-or-sharing', NULL, 'OPTED_OUT', 'OPT_OUT',"
                    + " 'GPC', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00', 'e1', 1)");
            st.execute(state + "('subject:s2', 'sale-or-sharing', 't', 'OPTED_OUT', 'OPT_OUT', 'WEB_FORM',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00', 'e2', 1)");
            st.execute(state + "('subject:s3', 'sale-or-sharing', 't', 'OPTED_IN', 'OPT_IN', 'API',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-04 10:00:00+00', 'e3', 1)");
        }
        flyway(url).load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Statement st = c.createStatement();
            ResultSet sale = st.executeQuery("SELECT ccpa, retired_at FROM consent_purpose"
                    + " WHERE purpose_key = 'sale-or-sharing'");
            assertThat(sale.next()).isTrue();
            assertThat(sale.getString(1)).isEqualTo("SALE");
            assertThat(sale.getObject(2)).isNotNull();
            ResultSet sharing = st.executeQuery("SELECT ccpa, legal_basis, opt_out_allowed, retired_at"
                    + " FROM consent_purpose WHERE purpose_key = 'cross-context-advertising'");
            assertThat(sharing.next()).isTrue();
            assertThat(List.of(sharing.getString(1), sharing.getString(2), sharing.getBoolean(3)))
                    .containsExactly("SHARING", "CONSENT", true);
            assertThat(sharing.getObject(4)).isNull();
            ResultSet moved = st.executeQuery("SELECT holder_ref, status, source, event_id FROM consent_state"
                    + " WHERE purpose_key = 'cross-context-advertising' ORDER BY holder_ref");
            List<List<String>> out = new java.util.ArrayList<>();
            while (moved.next()) {
                out.add(List.of(moved.getString(1), moved.getString(2), moved.getString(3), moved.getString(4)));
            }
            assertThat(out).containsExactly(List.of("device:gpc-device-0000000001", "OPTED_OUT", "GPC", "e1"),
                    List.of("subject:s2", "OPTED_OUT", "WEB_FORM", "e2"));
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure(ConsentModuleIT.class.getClassLoader()).dataSource(url, "sa", "")
                .locations("classpath:db/migration/consent").table("consent_schema_history")
                .failOnMissingLocations(false).baselineOnMigrate(true).baselineVersion("0"); // as Migrations does
    }

    @Test
    void aConsentPurposeFollowsTheGrantAndTheWithdrawal() {
        record(subject, CONSENT, ConsentAction.GRANT, ConsentSource.WEB_FORM, null);
        assertThat(decide(subject, CONSENT)).isEqualTo(allowed(Reason.CONSENT_GRANTED));

        record(subject, CONSENT, ConsentAction.WITHDRAW, ConsentSource.EMAIL_LINK, null);
        assertThat(decide(subject, CONSENT)).isEqualTo(denied(Reason.CONSENT_WITHDRAWN));
        assertThat(decide(subject, CONTRACT)).as("other purposes are untouched").isEqualTo(allowed(Reason.CONTRACT));
    }

    @Test
    void aGrantExpiresEvenWhileItsStateIsCached() throws InterruptedException {
        OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        record(subject, CONSENT, ConsentAction.GRANT, ConsentSource.API, expiry);
        assertThat(decide(subject, CONSENT)).isEqualTo(allowed(Reason.CONSENT_GRANTED));

        while (!OffsetDateTime.now(ZoneOffset.UTC).isAfter(expiry.plusNanos(100_000_000))) {
            Thread.sleep(100);
        }
        assertThat(decide(subject, CONSENT)).isEqualTo(denied(Reason.CONSENT_EXPIRED));
    }

    @Test
    void legitimateInterestEndsWithAnObjectionOrAnOptOutAndResumesWithAnOptIn() {
        record(subject, INTEREST, ConsentAction.OBJECT, ConsentSource.API, null);
        assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OBJECTED));

        record(subject, INTEREST, ConsentAction.OPT_IN, ConsentSource.API, null);
        assertThat(decide(subject, INTEREST)).isEqualTo(allowed(Reason.LEGITIMATE_INTEREST));

        record(subject, INTEREST, ConsentAction.OPT_OUT, ConsentSource.EMAIL_LINK, null);
        assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OPTED_OUT));
    }

    @Test
    void anOptOutOfSharingSaysWhetherItCameFromGlobalPrivacyControl() {
        ConsentHolder other = newSubject();
        record(subject, SHARING, ConsentAction.OPT_OUT, ConsentSource.GPC, null);
        record(other, SHARING, ConsentAction.OPT_OUT, ConsentSource.WEB_FORM, null);

        for (Jurisdiction j : Jurisdiction.values()) {
            assertThat(decisions.decide(subject, List.of(SHARING), j).get(0).reason()).isEqualTo(Reason.GPC_SIGNAL);
            assertThat(decisions.decide(other, List.of(SHARING), j).get(0).reason())
                    .isEqualTo(Reason.OPTED_OUT_OF_SALE_OR_SHARING);
        }
    }

    @Test
    void anActionThatDoesNotFitTheLegalBasisIsRefusedAndChangesNothing() {
        decide(subject, INTEREST); // cached

        ProblemException p = catchThrowableOfType(ProblemException.class,
                () -> record(subject, INTEREST, ConsentAction.GRANT, ConsentSource.API, null));

        assertThat(p.type()).isEqualTo(ProblemType.BUSINESS_RULE);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("action");
        assertThat(events.of(ConsentChanged.class)).isEmpty();
        assertThat(rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?", subject.ref())).isZero();
        assertThat(decide(subject, INTEREST)).isEqualTo(allowed(Reason.LEGITIMATE_INTEREST));
    }

    @Test
    void aRestrictionDeniesEveryPurposeUntilItIsLiftedAndTravelsAsEventsInItsTransaction() {
        record(subject, CONSENT, ConsentAction.GRANT, ConsentSource.API, null);
        assertThat(decide(subject, CONSENT).allowed()).isTrue();
        events.clear();

        tx.commit(() -> restrictions.restrict(tenant, subject, "DSR-1"));

        assertThat(events.all()).filteredOn(f -> f.event() instanceof RestrictProcessing).singleElement()
                .satisfies(f -> assertThat(f.inTransaction()).isTrue());
        assertThat(rows.count("SELECT COUNT(*) FROM consent_restriction WHERE holder_ref = ?", subject.ref()))
                .isEqualTo(1);
        for (String purpose : List.of(CONTRACT, CONSENT, INTEREST, SHARING)) {
            assertThat(decide(subject, purpose)).as(purpose).isEqualTo(denied(Reason.RESTRICTED));
        }
        assertThat(tx.commit(() -> restrictions.restrict(tenant, subject, "DSR-2")).requestRef())
                .as("restricting again keeps the first restriction").isEqualTo("DSR-1");
        assertThat(events.of(RestrictProcessing.class)).hasSize(1);

        assertThat(tx.commit(() -> restrictions.lift(tenant, subject, null))).isTrue();

        assertThat(events.all()).filteredOn(f -> f.event() instanceof LiftProcessingRestriction).singleElement()
                .satisfies(f -> assertThat(f.inTransaction()).isTrue());
        assertThat(rows.count("SELECT COUNT(*) FROM consent_restriction WHERE holder_ref = ?", subject.ref()))
                .isZero();
        assertThat(decide(subject, CONSENT)).isEqualTo(allowed(Reason.CONSENT_GRANTED));
        assertThat(tx.commit(() -> restrictions.lift(tenant, subject, null))).as("nothing left to lift").isFalse();
    }

    @Test
    void aRestrictionThatRollsBackLeavesNeitherARowNorACachedDenial() {
        assertThat(decide(subject, CONTRACT).allowed()).isTrue();

        tx.rollback(() -> {
            restrictions.restrict(tenant, subject, null);
            assertThat(decide(subject, CONTRACT).reason()).as("inside the transaction").isEqualTo(Reason.RESTRICTED);
        });

        assertThat(rows.count("SELECT COUNT(*) FROM consent_restriction WHERE holder_ref = ?", subject.ref()))
                .isZero();
        assertThat(decide(subject, CONTRACT)).isEqualTo(allowed(Reason.CONTRACT));
    }

    @Test
    void decisionsComeFromTheCacheAndEveryRecordedChangeInvalidatesIt() {
        record(subject, INTEREST, ConsentAction.OPT_OUT, ConsentSource.API, null);
        assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OPTED_OUT));

        // Behind consent's back (no event): the cached state still answers, which shows that the cache serves it.
        assertThat(rows.update("DELETE FROM consent_state WHERE holder_ref = ?", subject.ref())).isEqualTo(1);
        assertThat(decide(subject, INTEREST)).as("served from the cache").isEqualTo(denied(Reason.OPTED_OUT));

        // A change through the write path invalidates the holder at once.
        record(subject, INTEREST, ConsentAction.OPT_IN, ConsentSource.API, null);
        assertThat(decide(subject, INTEREST)).isEqualTo(allowed(Reason.LEGITIMATE_INTEREST));
    }

    @Test
    void insideTheChangingTransactionTheChangeIsSeenAndARollbackLeavesTheCommittedDecision() {
        assertThat(decide(subject, INTEREST)).isEqualTo(allowed(Reason.LEGITIMATE_INTEREST)); // now cached

        tx.rollback(() -> {
            recordHere(subject, INTEREST, ConsentAction.OBJECT);
            // Reads bypass the cache while the holder changes: this transaction sees its own change...
            assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OBJECTED));
        });
        // ...and neither the rolled-back value nor the earlier one was stored over the change.
        assertThat(decide(subject, INTEREST)).isEqualTo(allowed(Reason.LEGITIMATE_INTEREST));

        tx.commit(() -> {
            recordHere(subject, INTEREST, ConsentAction.OBJECT);
            assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OBJECTED));
        });
        assertThat(decide(subject, INTEREST)).as("committed: seen at once").isEqualTo(denied(Reason.OBJECTED));
        assertThat(events.all()).filteredOn(f -> f.event() instanceof ConsentChanged)
                .allSatisfy(f -> assertThat(f.inTransaction()).isTrue()).hasSize(2);
    }

    @Test
    void aDeviceHolderHasDecisionsOfItsOwn() {
        ConsentHolder device = decisions.holder(null, "device-" + UUID.randomUUID().toString().replace("-", ""));
        ConsentRecorder.Command optOut = command(device, null, SHARING, ConsentAction.OPT_OUT, ConsentSource.GPC,
                null);
        tx.commit(() -> recorder.record(optOut));

        assertThat(decide(device, SHARING)).isEqualTo(denied(Reason.GPC_SIGNAL));
        assertThat(decisions.decide(subject, List.of(SHARING), Jurisdiction.CCPA).get(0).reason())
                .isEqualTo(Reason.NOT_OPTED_OUT);
    }

    @Test
    void unknownSubjectsPurposesAndMalformedHoldersAreRefusedNamingTheField() {
        ProblemException unknownSubject = catchThrowableOfType(ProblemException.class,
                () -> decisions.decide(decisions.holder(UUID.randomUUID().toString(), null), List.of(CONTRACT)));
        assertThat(unknownSubject.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(unknownSubject.errors()).extracting(FieldError::field).containsExactly("subject");

        ProblemException unknownPurpose = catchThrowableOfType(ProblemException.class,
                () -> decisions.decide(subject, List.of("no-such-purpose")));
        assertThat(unknownPurpose.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(unknownPurpose.errors()).extracting(FieldError::field).containsExactly("purpose");

        assertThat(field(() -> decisions.holder(subject.id(), "device-abcdefghijklmnop"))).as("both given")
                .isEqualTo("device");
        assertThat(field(() -> decisions.holder(null, null))).as("neither given").isEqualTo("subject");
        assertThat(field(() -> decisions.holder("not-a-uuid", null))).isEqualTo("subject");
        assertThat(field(() -> decisions.holder(null, "short"))).isEqualTo("device");
    }

    // ---------------------------------------------------------------- choices at a data-subject request

    @Test
    void aWithdrawalOfEverythingWithdrawsEachGrantAndOptInAndRecordsNothingTwice() {
        record(subject, CONSENT, ConsentAction.GRANT, ConsentSource.API, null);
        record(subject, INTEREST, ConsentAction.OPT_IN, ConsentSource.API, null);
        record(subject, "explicit-consent-marketing", ConsentAction.WITHDRAW, ConsentSource.API, null);
        events.clear();

        List<String> changed = tx.commit(() -> choices.withdraw(tenantId(), subjectId(), Set.of(), "DSR-W1"));

        assertThat(changed).containsExactlyInAnyOrder(CONSENT, INTEREST);
        assertThat(decide(subject, CONSENT)).isEqualTo(denied(Reason.CONSENT_WITHDRAWN));
        assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OPTED_OUT));
        assertThat(events.all()).filteredOn(f -> f.event() instanceof ConsentChanged).hasSize(2)
                .allSatisfy(f -> assertThat(f.inTransaction()).isTrue());
        assertThat(rows.list("SELECT purpose_key, action, source FROM consent_event WHERE holder_ref = ?"
                + " AND source = 'ADMIN' AND receipt_id IS NOT NULL", subject.ref()))
                .extracting(r -> r[0] + " " + r[1])
                .containsExactlyInAnyOrder(CONSENT + " WITHDRAW", INTEREST + " OPT_OUT");

        assertThat(tx.commit(() -> choices.withdraw(tenantId(), subjectId(), null, "DSR-W2"))).isEmpty();
        assertThat(events.of(ConsentChanged.class)).hasSize(2);
    }

    @Test
    void aWithdrawalOfNamedPurposesTakesTheActionEachBasisAllowsAndLeavesAWithdrawnOneAlone() {
        record(subject, CONSENT, ConsentAction.WITHDRAW, ConsentSource.API, null);

        List<String> changed = tx.commit(() -> choices.withdraw(tenantId(), subjectId(), Set.of(CONSENT, INTEREST),
                "DSR-W3"));

        assertThat(changed).containsExactly(INTEREST);
        assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OPTED_OUT));
        assertThat(rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ? AND purpose_key = ?",
                subject.ref(), CONSENT)).as("the withdrawn consent got no second event").isEqualTo(1);
    }

    @Test
    void aWithdrawalNamingAContractOrAnUnknownPurposeIsRefusedAndRecordsNothing() {
        record(subject, CONSENT, ConsentAction.GRANT, ConsentSource.API, null);
        long before = rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?", subject.ref());
        events.clear();

        assertThat(refusedPurposes(() -> choices.withdraw(tenantId(), subjectId(), Set.of(CONSENT, CONTRACT), "R")))
                .singleElement().asString().contains(CONTRACT);
        assertThat(refusedPurposes(() -> choices.withdraw(tenantId(), subjectId(), Set.of("no-such-purpose"), "R")))
                .singleElement().asString().contains("no-such-purpose");

        assertThat(rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?", subject.ref()))
                .isEqualTo(before);
        assertThat(events.of(ConsentChanged.class)).isEmpty();
        assertThat(decide(subject, CONSENT)).isEqualTo(allowed(Reason.CONSENT_GRANTED));
        assertThat(catchThrowableOfType(ProblemException.class, () -> choices.withdraw(tenantId(),
                SubjectId.of(UUID.randomUUID().toString()), Set.of(), "R")).type()).isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void anObjectionCoversTheNamedOrEveryLegitimateInterestPurposeAndRefusesAnyOther() {
        assertThat(tx.commit(() -> choices.object(tenantId(), subjectId(), Set.of(INTEREST), "DSR-O1")))
                .containsExactly(INTEREST);
        assertThat(decide(subject, INTEREST)).isEqualTo(denied(Reason.OBJECTED));
        assertThat(rows.value("SELECT source FROM consent_event WHERE holder_ref = ? AND purpose_key = ?",
                subject.ref(), INTEREST)).isEqualTo("ADMIN");

        List<String> everyOther = purposes.list().stream()
                .filter(p -> p.legalBasis() == LegalBasis.LEGITIMATE_INTEREST && !p.retired())
                .map(p -> p.key()).filter(k -> !k.equals(INTEREST)).toList();
        assertThat(everyOther).as("the seeded inventory has more than one").isNotEmpty();
        assertThat(tx.commit(() -> choices.object(tenantId(), subjectId(), null, "DSR-O2")))
                .as("the one already objected to is left as it is").containsExactlyInAnyOrderElementsOf(everyOther);
        assertThat(tx.commit(() -> choices.object(tenantId(), subjectId(), Set.of(), "DSR-O3"))).isEmpty();

        ConsentHolder other = newSubject();
        SubjectId otherId = other.subjectId().orElseThrow();
        assertThat(refusedPurposes(() -> choices.object(tenantId(), otherId, Set.of(INTEREST, CONSENT), "R")))
                .singleElement().asString().contains(CONSENT);
        assertThat(refusedPurposes(() -> choices.object(tenantId(), otherId, Set.of(CONTRACT), "R")))
                .singleElement().asString().contains(CONTRACT);
        assertThat(refusedPurposes(() -> choices.object(tenantId(), otherId, Set.of("no-such-purpose"), "R")))
                .hasSize(1);
        assertThat(rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?", other.ref())).isZero();
    }

    @Test
    void aStoredRestrictionAndALiftedOneAreAnnouncedOnceInTheirTransactions() {
        tx.commit(() -> restrictions.restrict(tenant, subject, "DSR-R1"));
        String restrictionId = (String) rows.value("SELECT restriction_id FROM consent_restriction WHERE holder_ref = ?",
                subject.ref());
        assertThat(events.all()).filteredOn(f -> f.event() instanceof ProcessingRestricted).singleElement()
                .satisfies(f -> {
                    assertThat(f.inTransaction()).isTrue();
                    ProcessingRestricted e = (ProcessingRestricted) f.event();
                    assertThat(e.restrictionId().asString()).isEqualTo(restrictionId);
                    assertThat(e.subjectId()).isEqualTo(subjectId());
                    assertThat(e.tenantId()).isEqualTo(tenantId());
                    assertThat(e.requestRef()).isEqualTo("DSR-R1");
                });
        tx.commit(() -> restrictions.restrict(tenant, subject, "DSR-R2"));
        assertThat(events.of(ProcessingRestricted.class)).as("already restricted: not again").hasSize(1);

        // subject-rights lifts whatever restriction the subject has: no restriction id
        tx.commit(() -> liftRestriction.fire(new LiftProcessingRestriction(null, tenantId(), subjectId(), "DSR-R3",
                OffsetDateTime.now(ZoneOffset.UTC))));

        assertThat(rows.count("SELECT COUNT(*) FROM consent_restriction WHERE holder_ref = ?", subject.ref()))
                .isZero();
        assertThat(decide(subject, CONTRACT)).isEqualTo(allowed(Reason.CONTRACT));
        assertThat(events.all()).filteredOn(f -> f.event() instanceof ProcessingRestrictionLifted).singleElement()
                .satisfies(f -> {
                    assertThat(f.inTransaction()).isTrue();
                    ProcessingRestrictionLifted e = (ProcessingRestrictionLifted) f.event();
                    assertThat(e.subjectId()).isEqualTo(subjectId());
                    assertThat(e.requestRef()).isEqualTo("DSR-R3");
                });
        tx.commit(() -> liftRestriction.fire(new LiftProcessingRestriction(null, tenantId(), subjectId(), "DSR-R4",
                OffsetDateTime.now(ZoneOffset.UTC))));
        assertThat(events.of(ProcessingRestrictionLifted.class)).as("nothing was left to lift").hasSize(1);
    }

    private TenantId tenantId() {
        return TenantId.of(tenant);
    }

    private SubjectId subjectId() {
        return subject.subjectId().orElseThrow();
    }

    /** The messages of a 422 that names {@code purposes} for each refused purpose. */
    private static List<String> refusedPurposes(Runnable call) {
        ProblemException p = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(p).as("refused").isNotNull();
        assertThat(p.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(p.errors()).extracting(FieldError::field).containsOnly("purposes");
        return p.errors().stream().map(FieldError::message).toList();
    }

    private ConsentHolder newSubject() {
        String id = subjects.register(tenant, new Subjects.Identifiers(UUID.randomUUID() + "@example.com", null, null,
                null)).subject().rawId();
        return holders.subject(tenant, id);
    }

    private void record(ConsentHolder holder, String purpose, ConsentAction action, ConsentSource source,
                        OffsetDateTime expiresAt) {
        ConsentRecorder.Command command = command(holder, tenant, purpose, action, source, expiresAt);
        tx.commit(() -> recorder.record(command));
    }

    /** Records in the caller's transaction (the write path itself is not transactional). */
    private void recordHere(ConsentHolder holder, String purpose, ConsentAction action) {
        recorder.record(command(holder, tenant, purpose, action, ConsentSource.API, null));
    }

    private ConsentRecorder.Command command(ConsentHolder holder, String tenantId, String purpose,
                                            ConsentAction action, ConsentSource source, OffsetDateTime expiresAt) {
        Integer notice = null;
        if (action == ConsentAction.GRANT) { // what was shown: the notice's current version
            notice = tx.commit(() -> notices.publish(purpose, "en", "We measure visits to improve the site.")
                    .notice().version());
        }
        return new ConsentRecorder.Command(holder, tenantId, purpose, action, notice, null, source, null, expiresAt,
                new ConsentEvent.Proof("module-tier", null), null);
    }

    /** What a decision says: allowed or not, and why. */
    private record Verdict(boolean allowed, Reason reason) {
    }

    private Verdict decide(ConsentHolder holder, String purpose) {
        List<Decision> out = decisions.decide(holder, List.of(purpose));
        assertThat(out).singleElement().extracting(Decision::purpose).isEqualTo(purpose);
        return new Verdict(out.get(0).allowed(), out.get(0).reason());
    }

    private static Verdict allowed(Reason reason) {
        return new Verdict(true, reason);
    }

    private static Verdict denied(Reason reason) {
        return new Verdict(false, reason);
    }

    private static String field(Runnable call) {
        ProblemException p = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(p).isNotNull();
        assertThat(p.type()).isEqualTo(ProblemType.VALIDATION);
        return p.errors().get(0).field();
    }
}
