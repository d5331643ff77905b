package org.steward.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.DecisionRules;
import org.steward.consent.internal.control.Decisions;
import org.steward.consent.internal.control.Restrictions;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.identity.api.HostingMode;
import org.steward.identity.internal.control.PersonalRecords;
import org.steward.identity.internal.control.Subjects;
import org.steward.identity.internal.control.Tenants;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.UnreadableCiphertextException;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.ErasureScope;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.ErasureId;
import org.steward.platform.kernel.api.erasure.ErasureTrigger;
import org.steward.retention.api.ErasureStatus;
import org.steward.retention.api.Erasures;
import org.steward.retention.api.SubjectErased;
import org.steward.retention.internal.control.CertificateContent;
import org.steward.retention.internal.control.Certificates;
import org.steward.retention.internal.control.ErasureProcessor;
import org.steward.retention.internal.control.ErasureQueue;
import org.steward.retention.internal.control.Holds;
import org.steward.retention.internal.control.Policies;
import org.steward.retention.internal.control.PurposeEnds;
import org.steward.retention.internal.control.RetentionSweep;
import org.steward.retention.internal.entity.Certificate;
import org.steward.retention.internal.entity.Erasure;
import org.steward.retention.internal.entity.LegalHold;
import org.steward.retention.internal.entity.PurposeEnd;
import org.steward.retention.internal.entity.RetentionPolicy;
import org.steward.testing.ModuleDeployment;
import org.steward.testing.container.FiredEvents;
import org.steward.testing.container.Rows;
import org.steward.testing.container.Transactions;

/**
 * The retention module in the container (module tier), with identity and consent as the modules whose rows it erases:
 * {@link ErasureProcessor} (a subject's erasure in one transaction, and its rollback; a device's; a module joining the
 * protocol by its participant bean alone), {@link RetentionSweep} (subject
 * requests, a tenant's termination, FIXED and PURPOSE_FULFILLED policies), {@link Holds} and {@link PurposeEnds}.
 * Assertions are on what is stored (rows, data keys, certificates), not on how the modules are told to erase.
 * Tests share one database: each makes its own tenants and subjects, and looks at those only.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionModuleIT {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Deployment
    static WebArchive deployment() {
        return ModuleDeployment.of(RetentionModuleIT.class).build();
    }

    /** Makes the next subject erasure fail at its very end (after rows, keys and certificate), once. */
    @ApplicationScoped
    static class FailNextErasure {

        private final AtomicBoolean armed = new AtomicBoolean();

        /** A method, not the field: the test holds a client proxy, whose own fields are not the bean's. */
        void arm() {
            armed.set(true);
        }

        void onErased(@Observes SubjectErased e) {
            if (armed.getAndSet(false)) {
                throw new IllegalStateException("module tier: a failure at the end of the erasure's transaction");
            }
        }
    }

    /**
     * A module joining the erasure protocol with nothing but its participant bean (as sharing and subject-rights
     * will): when armed, it reports two rows of its own for the next subject erasure.
     */
    @ApplicationScoped
    static class JoiningModule implements ErasureParticipant {

        @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
        TransactionSynchronizationRegistry registry;

        private final AtomicBoolean armed = new AtomicBoolean();
        private final List<Boolean> calledInTransaction = new CopyOnWriteArrayList<>();

        void arm() {
            armed.set(true);
        }

        List<Boolean> calledInTransaction() {
            return List.copyOf(calledInTransaction);
        }

        @Override
        public String module() {
            return "zz-joining";
        }

        @Override
        public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
            if (armed.getAndSet(false)) {
                calledInTransaction.add(registry.getTransactionStatus() == Status.STATUS_ACTIVE);
                report.deleted("joined-rows", 2);
            }
        }
    }

    @Inject
    Erasures erasures;

    @Inject
    ErasureQueue queue;

    @Inject
    ErasureProcessor processor;

    @Inject
    RetentionSweep sweep;

    @Inject
    Holds holds;

    @Inject
    Policies policies;

    @Inject
    PurposeEnds purposeEnds;

    @Inject
    Certificates certificates;

    @Inject
    Tenants tenants;

    @Inject
    Subjects subjects;

    @Inject
    PersonalRecords records;

    @Inject
    ConsentRecorder consent;

    @Inject
    Restrictions restrictions;

    @Inject
    Decisions decisions;

    @Inject
    Crypto crypto;

    @Inject
    FailNextErasure failNext;

    @Inject
    JoiningModule joining;

    @Inject
    Transactions tx;

    @Inject
    Rows rows;

    @Inject
    FiredEvents events;

    private String tenant;

    @BeforeEach
    void tenant() {
        crypto.ensureBlindIndexKey(); // the app's start-up does this once; idempotent
        tenant = newTenant();
        events.clear();
    }

    // --- ErasureProcessor ---------------------------------------------------------------------------------------

    @Test
    void aSubjectsErasureDeletesItsRowsInEveryModuleDestroysItsKeyAndIssuesACertificate() {
        String subject = richSubject(tenant);
        String bystander = richSubject(tenant);
        String key = dataKey(subject);
        assertThat(decisions.decide(holder(subject), List.of("app-provision")).get(0).reason())
                .isEqualTo(DecisionRules.Reason.RESTRICTED); // and now cached
        String erasure = requestErasure(subject);
        String owner = claim(erasure);
        events.clear();

        long erased = processor.eraseSubject(erasure, owner);

        assertThat(rowsAbout(subject)).as("rows about the subject, per table").containsOnly(
                Map.entry("identity_subject", 0L), Map.entry("identity_personal_record", 0L),
                Map.entry("consent_event", 0L), Map.entry("consent_state", 0L),
                Map.entry("consent_restriction", 0L), Map.entry("retention_purpose_end", 0L));
        assertThat(rowsAbout(bystander)).as("the other subject of the tenant").containsOnly(
                Map.entry("identity_subject", 1L), Map.entry("identity_personal_record", 3L),
                Map.entry("consent_event", 1L), Map.entry("consent_state", 1L),
                Map.entry("consent_restriction", 1L), Map.entry("retention_purpose_end", 1L));
        assertThat(keyDestroyed(key)).isTrue();
        assertThatThrownBy(() -> crypto.cipher(DataKeyId.of(key))).isInstanceOf(UnreadableCiphertextException.class);
        assertThat(keyDestroyed(dataKey(bystander))).isFalse();

        Erasure done = queue.get(erasure);
        assertThat(done.status()).isEqualTo(Erasure.Status.DONE);
        assertThat(done.recordsErased()).isEqualTo(erased).isEqualTo(1 + 3 + 1 + 1 + 1 + 1);
        CertificateContent content = certified(erasure);
        assertThat(content.dataKeysDestroyed()).containsExactly(key);
        assertThat(content.erased().stream().mapToLong(CertificateContent.Entry::count).sum()).isEqualTo(erased);
        assertThat(certificates.forErasure(erasure).canonical()).doesNotContain(subject).doesNotContain(tenant);
        assertThat(events.all()).filteredOn(f -> f.event() instanceof SubjectErased).singleElement()
                .satisfies(f -> assertThat(f.inTransaction()).isTrue());

        ProblemException gone = catchThrowableOfType(ProblemException.class,
                () -> decisions.decide(holder(subject), List.of("app-provision")));
        assertThat(gone.type()).as("the consent decision cache forgot the subject").isEqualTo(ProblemType.NOT_FOUND);
        assertThat(processor.eraseSubject(erasure, owner)).as("erased once only").isEqualTo(-1);
    }

    @Test
    void anErasureThatFailsRollsBackAllOfItAndCanBeRetried() {
        String subject = richSubject(tenant);
        String key = dataKey(subject);
        Map<String, Long> before = rowsAbout(subject);
        String erasure = requestErasure(subject);
        String owner = claim(erasure);

        failNext.arm();
        assertThatThrownBy(() -> processor.eraseSubject(erasure, owner))
                .hasStackTraceContaining("module tier: a failure at the end of the erasure's transaction");

        assertThat(rowsAbout(subject)).isEqualTo(before);
        assertThat(keyDestroyed(key)).isFalse();
        assertThat(subjects.get(tenant, subject).identifiers().email()).as("still readable: the key is intact")
                .endsWith("@example.com");
        assertThat(queue.get(erasure).status()).isEqualTo(Erasure.Status.PENDING);
        assertThat(catchThrowableOfType(ProblemException.class, () -> certificates.forErasure(erasure)).type())
                .as("no certificate").isEqualTo(ProblemType.NOT_FOUND);

        assertThat(processor.eraseSubject(erasure, owner)).isPositive();
        assertThat(rowsAbout(subject).values()).containsOnly(0L);
        assertThat(keyDestroyed(key)).isTrue();
        certified(erasure);
    }

    @Test
    void aModuleJoinsTheErasureByItsParticipantBeanAloneAndItsPartIsCertified() {
        String subject = richSubject(tenant);
        String erasure = requestErasure(subject);
        String owner = claim(erasure);
        joining.arm();

        long erased = processor.eraseSubject(erasure, owner);

        assertThat(joining.calledInTransaction()).containsExactly(true);
        assertThat(erased).isEqualTo(1 + 3 + 1 + 1 + 1 + 1 + 2);
        assertThat(certified(erasure).erased()).contains(new CertificateContent.Entry("zz-joining", "joined-rows", 2))
                .extracting(CertificateContent.Entry::module).containsOnly("consent", "identity", "retention",
                        "zz-joining");
        assertThat((String) rows.value("SELECT report FROM retention_erasure WHERE id = ?", erasure))
                .as("the typed report, stored as JSON").startsWith("{\"parts\":[")
                .contains("{\"module\":\"zz-joining\",\"deleted\":[{\"category\":\"joined-rows\",\"count\":2}]");
    }

    @Test
    void aDevicesErasureDeletesItsConsentRowsAndIssuesACertificateWithItsSaltedHash() {
        String device = "dev-" + UUID.randomUUID();
        String other = "dev-" + UUID.randomUUID();
        for (String d : List.of(device, other)) {
            tx.commit(() -> consent.record(new ConsentRecorder.Command(ConsentHolder.device(d), null,
                    "in-app-analytics", ConsentAction.OPT_OUT, null, null, ConsentSource.WEB_FORM, null, null,
                    new ConsentEvent.Proof("module-tier", null), null)));
        }
        String erasure = tx.commit(() -> erasures.requestDeviceErasure(DeviceId.of(device), "WEB-1")).asString();
        assertThat(tx.commit(() -> erasures.requestDeviceErasure(DeviceId.of(device), "WEB-2")).asString())
                .as("one pending erasure per device").isEqualTo(erasure);
        String owner = UUID.randomUUID().toString();
        List<String> claimed = queue.claim(ErasureScope.DEVICE, owner, 10_000, LEASE);
        claimed.stream().filter(id -> !id.equals(erasure)).forEach(id -> queue.release(id, owner));
        assertThat(claimed).contains(erasure);

        assertThat(processor.eraseDevice(erasure, owner)).isEqualTo(2);

        assertThat(deviceRows(device)).isZero();
        assertThat(deviceRows(other)).isEqualTo(2);
        Erasure done = queue.get(erasure);
        assertThat(done.status()).isEqualTo(Erasure.Status.DONE);
        assertThat(done.scope()).isEqualTo(ErasureScope.DEVICE);
        assertThat(done.tenantId()).isNull();
        CertificateContent content = certified(erasure);
        assertThat(content.scope()).isEqualTo("DEVICE");
        assertThat(content.trigger()).isEqualTo("SUBJECT_REQUEST");
        assertThat(content.subjectHash()).isEqualTo(CertificateContent.saltedHash(content.salt(), "device", device));
        assertThat(content.tenantHash()).isNull();
        assertThat(content.erased()).containsExactlyInAnyOrder(
                new CertificateContent.Entry("consent", "consent-events", 1),
                new CertificateContent.Entry("consent", "consent-state", 1));
        assertThat(content.dataKeysDestroyed()).isEmpty();
        assertThat(certificates.forErasure(erasure).canonical()).doesNotContain(device);
        assertThat(processor.eraseDevice(erasure, owner)).as("erased once only").isEqualTo(-1);
    }

    @Test
    void onlyTheLeaseHolderErases() {
        String subject = richSubject(tenant);
        String erasure = requestErasure(subject);
        claim(erasure);

        assertThat(processor.eraseSubject(erasure, "another-instance")).isEqualTo(-1);
        assertThat(rows.count("SELECT COUNT(*) FROM identity_subject WHERE id = ?", subject)).isEqualTo(1);
        assertThat(queue.get(erasure).status()).isEqualTo(Erasure.Status.PENDING);
    }

    // --- Holds --------------------------------------------------------------------------------------------------

    @Test
    void aTenantHoldStopsAutomaticErasuresButNotTheSubjectsOwnRequest() {
        String minor = richSubject(tenant);
        String requester = richSubject(tenant);
        LegalHold hold = holds.place(LegalHold.Scope.TENANT, tenant, null, "Litigation 2026-17", "Legal",
                in(Duration.ofDays(30)), false, null);

        subjects.flagAsMinor(tenant, minor); // queues an automatic (MINOR) erasure in the flag's transaction
        String automatic = pendingErasureOf(minor);
        String requested = requestErasure(requester);

        assertThat(processor.eraseSubject(automatic, claim(automatic))).isEqualTo(-1);
        Erasure held = queue.get(automatic);
        assertThat(held.status()).isEqualTo(Erasure.Status.PENDING);
        assertThat(held.heldBy()).isEqualTo(hold.id());
        assertThat(held.dueAt()).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(rows.count("SELECT COUNT(*) FROM identity_subject WHERE id = ?", minor)).isEqualTo(1);

        assertThat(processor.eraseSubject(requested, claim(requested))).isPositive();
        assertThat(rows.count("SELECT COUNT(*) FROM identity_subject WHERE id = ?", requester)).isZero();

        assertThat(holds.heldTenants(OffsetDateTime.now(ZoneOffset.UTC))).contains(tenant);
        holds.release(hold.id());
        assertThat(holds.heldTenants(OffsetDateTime.now(ZoneOffset.UTC))).doesNotContain(tenant);
        Erasure due = queue.get(automatic);
        assertThat(due.heldBy()).isNull();
        assertThat(due.dueAt()).isBeforeOrEqualTo(OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(processor.eraseSubject(automatic, claim(automatic))).isPositive();
        assertThat(rows.count("SELECT COUNT(*) FROM identity_subject WHERE id = ?", minor)).isZero();
    }

    @Test
    void aHoldThatBlocksRequestsStopsTheSubjectsOwnErasureUntilReleased() {
        String subject = richSubject(tenant);
        LegalHold hold = holds.place(LegalHold.Scope.SUBJECT, tenant, subject, "Fraud investigation", "Legal",
                in(Duration.ofDays(30)), true, "Art. 17(3)(e): needed for the defence of legal claims");
        assertThat(holds.heldSubjects(OffsetDateTime.now(ZoneOffset.UTC))).contains(subject);
        String erasure = requestErasure(subject);

        assertThat(processor.eraseSubject(erasure, claim(erasure))).isEqualTo(-1);
        assertThat(queue.get(erasure).heldBy()).isEqualTo(hold.id());
        assertThat(rows.count("SELECT COUNT(*) FROM identity_subject WHERE id = ?", subject)).isEqualTo(1);

        holds.release(hold.id());
        assertThat(catchThrowableOfType(ProblemException.class, () -> holds.release(hold.id())).type())
                .isEqualTo(ProblemType.CONFLICT);
        assertThat(processor.eraseSubject(erasure, claim(erasure))).isPositive();
        assertThat(rows.count("SELECT COUNT(*) FROM identity_subject WHERE id = ?", subject)).isZero();
    }

    @Test
    void aHoldIsRefusedNamingTheFieldWhenItCannotBeRight() {
        String subject = richSubject(tenant);
        OffsetDateTime future = in(Duration.ofDays(1));

        assertThat(refusal(() -> holds.place(LegalHold.Scope.TENANT, tenant, null, "r", "o",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), false, null)))
                .isEqualTo(new FieldError("endsAt", "must be in the future and at most 10 years away"));
        assertThat(refusal(() -> holds.place(LegalHold.Scope.SUBJECT, tenant, subject, "r", "o", future, true, " ")))
                .extracting(FieldError::field).isEqualTo("blockReason");
        assertThat(refusal(() -> holds.place(LegalHold.Scope.TENANT, UUID.randomUUID().toString(), null, "r", "o",
                future, false, null))).extracting(FieldError::field).isEqualTo("tenantId");
        assertThat(refusal(() -> holds.place(LegalHold.Scope.SUBJECT, newTenant(), subject, "r", "o", future, false,
                null))).as("a subject of another tenant").extracting(FieldError::field).isEqualTo("subjectId");
        assertThat(rows.count("SELECT COUNT(*) FROM retention_legal_hold WHERE tenant_id = ?", tenant)).isZero();
    }

    // --- RetentionSweep -----------------------------------------------------------------------------------------

    @Test
    void theSweepCarriesOutQueuedRequestsAndRecordsItsRun() {
        String subject = richSubject(tenant);
        String key = dataKey(subject);
        String erasure = requestErasure(subject);
        long runs = rows.count("SELECT COUNT(*) FROM retention_sweep_run");

        sweep.run();

        assertThat(queue.get(erasure).status()).isEqualTo(Erasure.Status.DONE);
        assertThat(rowsAbout(subject).values()).containsOnly(0L);
        assertThat(keyDestroyed(key)).isTrue();
        assertThat(certified(erasure).dataKeysDestroyed()).containsExactly(key);
        assertThat(rows.count("SELECT COUNT(*) FROM retention_sweep_run")).isGreaterThan(runs);
    }

    @Test
    void aTerminatedLicenceErasesEverySubjectOfTheTenantAndLeavesAPiiFreeTenantRow() {
        String a = richSubject(tenant);
        String b = richSubject(tenant);
        List<String> keys = List.of(dataKey(a), dataKey(b));

        tenants.terminate(tenant, true); // queues the tenant's erasure in the termination's transaction
        sweep.run();

        assertThat(rows.count("SELECT COUNT(*) FROM identity_subject WHERE tenant_id = ?", tenant)).isZero();
        assertThat(rows.count("SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?", tenant)).isZero();
        assertThat(rows.count("SELECT COUNT(*) FROM consent_event WHERE tenant_id = ?", tenant)).isZero();
        assertThat(keys).allSatisfy(k -> assertThat(keyDestroyed(k)).isTrue());
        assertThat(rows.list("SELECT name, site_url FROM identity_tenant WHERE id = ?", tenant))
                .singleElement().satisfies(r -> assertThat(r).containsExactly("(erased)", "https://erased.invalid"));
        String tenantErasure = (String) rows.value("SELECT id FROM retention_erasure WHERE tenant_id = ?"
                + " AND scope = 'TENANT'", tenant);
        assertThat(queue.get(tenantErasure).status()).isEqualTo(Erasure.Status.DONE);
        assertThat(certified(tenantErasure).subjectsErased()).isEqualTo(2L);
        assertThat(rows.count("SELECT COUNT(*) FROM retention_erasure WHERE parent_id = ? AND status = 'DONE'",
                tenantErasure)).isEqualTo(2);
    }

    @Test
    void aFixedPolicyErasesTheRecordsPastItsPeriodExceptHeldOnes() {
        String subject = newSubject(tenant);
        String heldSubject = newSubject(tenant);
        String old = addRecord(subject, RecordCategory.FEEDBACK, daysAgo(40));
        String recent = addRecord(subject, RecordCategory.FEEDBACK, daysAgo(10));
        String otherCategory = addRecord(subject, RecordCategory.CONTACT, daysAgo(40));
        String heldOld = addRecord(heldSubject, RecordCategory.FEEDBACK, daysAgo(40));
        holds.place(LegalHold.Scope.SUBJECT, tenant, heldSubject, "Audit", "Legal", in(Duration.ofDays(7)), false,
                null);
        RetentionPolicy seeded = policies.get("feedback");
        policies.set("feedback", RetentionPolicy.Trigger.FIXED, 30, "module tier: feedback kept 30 days");
        try {
            sweep.run();
        } finally {
            policies.set("feedback", seeded.trigger(), seeded.periodDays(), seeded.rationale());
        }

        assertThat(recordExists(old)).isFalse();
        assertThat(recordExists(recent)).isTrue();
        assertThat(recordExists(otherCategory)).as("contact is erased with the licence, not by age").isTrue();
        assertThat(recordExists(heldOld)).as("under a legal hold").isTrue();
        assertThat(keyDestroyed(dataKey(subject))).as("the subject and its other records remain").isFalse();
        String categoryErasure = latestCategoryErasure("feedback");
        assertThat(queue.get(categoryErasure).status()).isEqualTo(Erasure.Status.DONE);
        assertThat(certified(categoryErasure).category()).isEqualTo("feedback");
    }

    // --- PurposeEnds --------------------------------------------------------------------------------------------

    @Test
    void aWithdrawalEndsThePurposeInTheConsentsTransactionAndAResumptionTakesTheEndBack() {
        String subject = newSubject(tenant);

        tx.rollback(() -> consent.record(command(subject, "drip-emails", ConsentAction.OPT_OUT)));
        assertThat(purposeEnds.of(tenant, subject)).as("the opt-out rolled back, and its end with it").isEmpty();

        tx.commit(() -> consent.record(command(subject, "drip-emails", ConsentAction.OPT_OUT)));
        assertThat(purposeEnds.of(tenant, subject)).singleElement().satisfies(end -> {
            assertThat(end.purposeKey()).isEqualTo("drip-emails");
            assertThat(end.cause()).isEqualTo(PurposeEnd.Cause.OPTED_OUT);
            assertThat(end.status()).isEqualTo(PurposeEnd.Status.PENDING);
        });

        tx.commit(() -> consent.record(command(subject, "drip-emails", ConsentAction.OPT_IN)));
        assertThat(purposeEnds.of(tenant, subject)).as("the purpose runs again").isEmpty();
    }

    @Test
    void aDeclaredEndIsCheckedBeforeItIsRecorded() {
        String subject = newSubject(tenant);

        assertThat(catchThrowableOfType(ProblemException.class, () -> tx.commit(() -> purposeEnds.declare(tenant,
                subject, "drip-emails", in(Duration.ofHours(1)), PurposeEnd.Cause.FULFILLED))).errors())
                .extracting(FieldError::field).containsExactly("endedAt");
        assertThat(catchThrowableOfType(ProblemException.class, () -> tx.commit(() -> purposeEnds.declare(tenant,
                subject, "no-such-purpose", null, PurposeEnd.Cause.FULFILLED))).errors())
                .extracting(FieldError::field).containsExactly("purposeKey");
        assertThat(catchThrowableOfType(ProblemException.class, () -> tx.commit(() -> purposeEnds.declare(newTenant(),
                subject, "drip-emails", null, PurposeEnd.Cause.FULFILLED))).errors())
                .extracting(FieldError::field).containsExactly("subjectId");
        assertThat(purposeEnds.of(tenant, subject)).isEmpty();
    }

    @Test
    void aPurposeFulfilledPolicyErasesWhatWasCollectedUpToTheEndOnceThePeriodHasPassed() {
        String due = newSubject(tenant);
        String notYet = newSubject(tenant);
        String before = addRecord(due, RecordCategory.DRIP_ACTIVITY, daysAgo(50));
        String after = addRecord(due, RecordCategory.DRIP_ACTIVITY, daysAgo(20));
        String recentEnd = addRecord(notYet, RecordCategory.DRIP_ACTIVITY, daysAgo(50));
        // welcome-email: PURPOSE_FULFILLED, 30 days (retention's V1); drip-emails is the one purpose that uses it
        tx.commit(() -> purposeEnds.declare(tenant, due, "drip-emails", daysAgo(40), PurposeEnd.Cause.FULFILLED));
        tx.commit(() -> purposeEnds.declare(tenant, notYet, "drip-emails", daysAgo(10), PurposeEnd.Cause.FULFILLED));

        sweep.run();

        assertThat(recordExists(before)).isFalse();
        assertThat(recordExists(after)).as("collected after the end: a new purpose").isTrue();
        assertThat(recordExists(recentEnd)).as("the end is younger than the period").isTrue();
        assertThat(purposeEnds.of(tenant, due)).singleElement().satisfies(end -> {
            assertThat(end.status()).isEqualTo(PurposeEnd.Status.DONE);
            assertThat(end.erasedAt()).isNotNull();
        });
        assertThat(purposeEnds.of(tenant, notYet)).singleElement()
                .satisfies(end -> assertThat(end.status()).isEqualTo(PurposeEnd.Status.PENDING));
        assertThat(catchThrowableOfType(ProblemException.class, () -> tx.commit(() -> purposeEnds.resume(tenant, due,
                "drip-emails"))).type()).as("nothing pending to take back").isEqualTo(ProblemType.CONFLICT);
        assertThat(certified(latestCategoryErasure("welcome-email")).category()).isEqualTo("welcome-email");
    }

    // --- Erasures: where an erasure stands ----------------------------------------------------------------------

    @Test
    void anErasuresStatusIsPendingAndHeldUntilItRunsThenDoneWithItsCertificate() {
        assertThat(erasures.status(ErasureId.of(UUID.randomUUID().toString()))).isEmpty();
        String subject = richSubject(tenant);
        LegalHold hold = holds.place(LegalHold.Scope.SUBJECT, tenant, subject, "Claim 2026-4", "Legal",
                in(Duration.ofDays(30)), true, "Art. 17(3)(e): needed for the defence of legal claims");
        ErasureId erasure = ErasureId.of(requestErasure(subject));

        assertThat(erasures.status(erasure)).contains(new ErasureStatus(erasure, false, null, null, hold.id()));

        holds.release(hold.id());
        assertThat(erasures.status(erasure)).hasValueSatisfying(s -> assertThat(s.heldBy()).isNull());
        assertThat(processor.eraseSubject(erasure.asString(), claim(erasure.asString()))).isPositive();

        assertThat(erasures.status(erasure)).hasValueSatisfying(s -> {
            assertThat(s.done()).isTrue();
            assertThat(s.certificateId()).isNotNull()
                    .isEqualTo(certificates.forErasure(erasure.asString()).id());
            assertThat(s.completedAt()).isEqualTo(queue.get(erasure.asString()).completedAt());
            assertThat(s.heldBy()).isNull();
        });
    }

    @Test
    void aTenantsErasureIsThePendingOneElseTheLatestDone() {
        richSubject(tenant);
        TenantId t = TenantId.of(tenant);
        assertThat(erasures.tenantErasure(t)).as("no licence ended yet").isEmpty();

        tenants.terminate(tenant, true);
        ErasureId queued = erasures.tenantErasure(t).orElseThrow().erasureId();
        assertThat(erasures.tenantErasure(t)).contains(new ErasureStatus(queued, false, null, null, null));

        sweep.run();
        ErasureStatus done = erasures.tenantErasure(t).orElseThrow();
        assertThat(done.erasureId()).isEqualTo(queued);
        assertThat(done.done()).isTrue();
        assertThat(done.certificateId()).isEqualTo(certificates.forErasure(queued.asString()).id());
        assertThat(done.completedAt()).isNotNull();

        tx.rollback(() -> { // rolled back: no erasure is left for a later sweep
            String again = queue.enqueueTenant(tenant, ErasureTrigger.LICENCE_TERMINATION, "again");
            assertThat(erasures.tenantErasure(t)).as("a pending one comes first")
                    .contains(new ErasureStatus(ErasureId.of(again), false, null, null, null));
        });
        assertThat(erasures.tenantErasure(t)).contains(done);
        assertThat(erasures.tenantErasure(TenantId.of(newTenant()))).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private String newTenant() {
        return tenants.register("Tenant " + UUID.randomUUID(), "https://t" + UUID.randomUUID() + ".example",
                HostingMode.CLOUD, "LIC-" + UUID.randomUUID(), LocalDate.now().plusYears(1)).rawId();
    }

    private String newSubject(String tenantId) {
        return subjects.register(tenantId, new Subjects.Identifiers(UUID.randomUUID() + "@example.com", null, null,
                "Someone")).subject().rawId();
    }

    /** A subject with rows in every module: 3 records, a consent event and state, a restriction, a purpose end. */
    private String richSubject(String tenantId) {
        String s = newSubject(tenantId);
        addRecord(s, RecordCategory.CONTACT, null);
        addRecord(s, RecordCategory.CONTACT, null);
        addRecord(s, RecordCategory.FEEDBACK, null);
        ConsentRecorder.Command optOut = new ConsentRecorder.Command(holder(s), tenantId, "direct-marketing",
                ConsentAction.OPT_OUT, null, null, ConsentSource.API, null, null,
                new ConsentEvent.Proof("module-tier", null), null);
        tx.commit(() -> consent.record(optOut)); // retention records the end of direct-marketing in this transaction
        tx.commit(() -> restrictions.restrict(tenantId, holder(s), null));
        return s;
    }

    private ConsentRecorder.Command command(String subject, String purpose, ConsentAction action) {
        return new ConsentRecorder.Command(holder(subject), tenant, purpose, action, null, null, ConsentSource.API,
                null, null, new ConsentEvent.Proof("module-tier", null), null);
    }

    private String addRecord(String subject, RecordCategory category, OffsetDateTime obtainedAt) {
        return records.add(tenant(subject), subject, category, Map.of("note", "module tier"), obtainedAt).record()
                .rawId();
    }

    private String tenant(String subject) {
        return (String) rows.value("SELECT tenant_id FROM identity_subject WHERE id = ?", subject);
    }

    private static ConsentHolder holder(String subject) {
        return ConsentHolder.subject(SubjectId.of(subject));
    }

    private String requestErasure(String subject) {
        return erasures.requestSubjectErasure(TenantId.of(tenant(subject)), SubjectId.of(subject), "REF-"
                + subject.substring(0, 8)).asString();
    }

    private String pendingErasureOf(String subject) {
        return (String) rows.value("SELECT id FROM retention_erasure WHERE subject_id = ? AND status = 'PENDING'",
                subject);
    }

    /** Leases the due subject erasures to a new owner, gives back all but this one, and returns the owner. */
    private String claim(String erasure) {
        String owner = UUID.randomUUID().toString(); // an instance id (36 characters)
        List<String> claimed = queue.claim(ErasureScope.SUBJECT, owner, 10_000, LEASE);
        claimed.stream().filter(id -> !id.equals(erasure)).forEach(id -> queue.release(id, owner));
        assertThat(claimed).as("the erasure is due and was leased").contains(erasure);
        return owner;
    }

    private String latestCategoryErasure(String category) {
        return (String) rows.value("SELECT id FROM retention_erasure WHERE scope = 'CATEGORY' AND category_key = ?"
                + " ORDER BY created_at DESC", category);
    }

    /** The erasure's certificate: present, signed by this server, unchanged. */
    private CertificateContent certified(String erasure) {
        Certificate c = certificates.forErasure(erasure);
        CertificateContent content = CertificateContent.parse(c.canonical());
        assertThat(content.erasureId()).isEqualTo(erasure);
        assertThat(CertificateContent.versionOf(c.canonical())).as("issued as version 2").isEqualTo(2);
        assertThat(certificates.verify(content, 2, c.signature()).valid()).as("the signature verifies").isTrue();
        return content;
    }

    private Map<String, Long> rowsAbout(String subject) {
        String holder = holder(subject).ref();
        return Map.of(
                "identity_subject", rows.count("SELECT COUNT(*) FROM identity_subject WHERE id = ?", subject),
                "identity_personal_record", rows.count("SELECT COUNT(*) FROM identity_personal_record"
                        + " WHERE subject_id = ?", subject),
                "consent_event", rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?", holder),
                "consent_state", rows.count("SELECT COUNT(*) FROM consent_state WHERE holder_ref = ?", holder),
                "consent_restriction", rows.count("SELECT COUNT(*) FROM consent_restriction WHERE holder_ref = ?",
                        holder),
                "retention_purpose_end", rows.count("SELECT COUNT(*) FROM retention_purpose_end WHERE subject_id = ?",
                        subject));
    }

    private long deviceRows(String device) {
        String holder = ConsentHolder.device(device).ref();
        return rows.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?", holder)
                + rows.count("SELECT COUNT(*) FROM consent_state WHERE holder_ref = ?", holder);
    }

    private String dataKey(String subject) {
        return (String) rows.value("SELECT data_key_id FROM identity_subject WHERE id = ?", subject);
    }

    private boolean keyDestroyed(String key) {
        return rows.count("SELECT COUNT(*) FROM platform_data_key WHERE id = ? AND destroyed_at IS NOT NULL", key) == 1;
    }

    private boolean recordExists(String record) {
        return rows.count("SELECT COUNT(*) FROM identity_personal_record WHERE id = ?", record) == 1;
    }

    private static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
    }

    private static OffsetDateTime in(Duration d) {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(d);
    }

    private static FieldError refusal(Runnable call) {
        ProblemException p = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(p).as("refused").isNotNull();
        assertThat(p.errors()).hasSize(1);
        return p.errors().get(0);
    }
}
