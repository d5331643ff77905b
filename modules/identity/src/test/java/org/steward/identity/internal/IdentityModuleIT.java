package org.steward.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.steward.identity.api.ProcessingRestrictions;
import org.steward.identity.internal.control.PersonalRecords;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steward.identity.api.HostingMode;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.LicenceTerminated;
import org.steward.identity.api.Licences;
import org.steward.identity.api.SubjectDirectory;
import org.steward.identity.api.SubjectDirectory.SubjectRef;
import org.steward.identity.api.SubjectRectification;
import org.steward.identity.api.SubjectFlaggedAsMinor;
import org.steward.identity.api.SubjectRectified;
import org.steward.identity.api.SubjectRegistered;
import org.steward.identity.internal.control.Subjects;
import org.steward.identity.internal.control.Subjects.Identifiers;
import org.steward.identity.internal.control.Tenants;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.crypto.internal.BlindIndexKeys;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.testing.ModuleDeployment;
import org.steward.testing.container.FiredEvents;
import org.steward.testing.container.Rows;
import org.steward.testing.container.Transactions;

/**
 * The identity module in the container (module tier): {@link Subjects} with real CDI, JTA, JPA, the platform's crypto
 * and the module's own migrations. Registration, lookup by blind index (also across a key rotation), duplicates and
 * rectification.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityModuleIT {

    @Deployment
    static WebArchive deployment() {
        return ModuleDeployment.of(IdentityModuleIT.class).build();
    }

    @Inject
    Subjects subjects;

    @Inject
    Tenants tenants;

    @Inject
    Crypto crypto;

    @Inject
    BlindIndexKeys blindIndexKeys;

    @Inject
    Transactions tx;

    @Inject
    Rows rows;

    @Inject
    FiredEvents events;

    @Inject
    PersonalRecords records;

    @Inject
    TestRestrictions restrictions;

    @Inject
    SubjectDirectory directory;

    @Inject
    SubjectRectification rectification;

    @Inject
    Licences licences;

    private String tenant;

    @BeforeEach
    void tenant() {
        crypto.ensureBlindIndexKey(); // the app's start-up does this once; idempotent
        tenant = newTenant();
        events.clear();
    }

    @Test
    void registerStoresIdentifiersOnlyEncryptedAndBlindIndexed() {
        Subjects.Decrypted d = subjects.register(tenant,
                new Identifiers(" Jane.Doe@Example.com ", "jdoe", "acc-1", "Jane Doe"));
        String id = d.subject().rawId();

        Subjects.Decrypted read = subjects.get(tenant, id);
        assertThat(read.identifiers()).isEqualTo(new Identifiers("Jane.Doe@Example.com", "jdoe", "acc-1", "Jane Doe"));
        Object[] row = rows.list("SELECT email_enc, email_idx, index_version, data_key_id FROM identity_subject"
                + " WHERE id = ?", id).get(0);
        assertThat(new String((byte[]) row[0], StandardCharsets.ISO_8859_1)).doesNotContain("Jane", "Example");
        assertThat((String) row[1]).isNotBlank().doesNotContain("jane", "example", "@");
        assertThat(((Number) row[2]).intValue()).as("indexed under the current key version")
                .isEqualTo(crypto.blindIndexRing().current().version());
        assertThat(rows.count("SELECT COUNT(*) FROM platform_data_key WHERE id = ? AND destroyed_at IS NULL", row[3]))
                .isEqualTo(1);

        List<FiredEvents.Fired> fired = events.all().stream()
                .filter(f -> f.event() instanceof SubjectRegistered).toList();
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).inTransaction()).as("fired in the registering transaction").isTrue();
        SubjectRegistered e = (SubjectRegistered) fired.get(0).event();
        assertThat(e.subjectId().asString()).isEqualTo(id);
        assertThat(e.tenantId().asString()).isEqualTo(tenant);
    }

    @Test
    void registerWithoutAnyIdentifierIsRefusedAndStoresNothing() {
        ProblemException p = catchThrowableOfType(ProblemException.class,
                () -> subjects.register(tenant, new Identifiers(null, null, null, "Only A Name")));

        assertThat(p.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("email");
        assertThat(subjectsOf(tenant)).isZero();
        assertThat(events.of(SubjectRegistered.class)).isEmpty();
    }

    @Test
    void registerInAnUnknownTenantIsNotFound() {
        ProblemException p = catchThrowableOfType(ProblemException.class,
                () -> subjects.register(UUID.randomUUID().toString(), new Identifiers("a@b.example", null, null, null)));

        assertThat(p.type()).isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void findByBlindIndexNormalisesAsEachKindSaysAndStaysInTheTenant() {
        String jane = subjects.register(tenant, new Identifiers("jane@example.com", "JDoe", "Acc-7", null))
                .subject().rawId();
        String other = newTenant();
        String namesake = subjects.register(other, new Identifiers("jane@example.com", null, null, null))
                .subject().rawId();

        assertThat(ids(subjects.findBy(tenant, IndexKind.EMAIL, "  JANE@example.COM "))).containsExactly(jane);
        assertThat(ids(subjects.findBy(other, IndexKind.EMAIL, "jane@example.com"))).containsExactly(namesake);
        assertThat(ids(subjects.findBy(tenant, IndexKind.USERNAME, "jdoe"))).containsExactly(jane);
        assertThat(ids(subjects.findBy(tenant, IndexKind.ACCOUNT_ID, "Acc-7"))).containsExactly(jane);
        assertThat(subjects.findBy(tenant, IndexKind.ACCOUNT_ID, "acc-7")).as("account ids are case-sensitive")
                .isEmpty();
        assertThat(subjects.findBy(tenant, IndexKind.EMAIL, "john@example.com")).isEmpty();
        assertThat(subjects.findBy(tenant, IndexKind.USERNAME, "jane@example.com"))
                .as("an email is not a username: each kind has its own index").isEmpty();
    }

    @Test
    void aDuplicateIdentifierInTheTenantIsAConflictNamingTheField() {
        subjects.register(tenant, new Identifiers("dup@example.com", "dupuser", "dup-acc", null));

        assertThat(conflict(() -> subjects.register(tenant, new Identifiers("DUP@example.com", null, null, null))))
                .isEqualTo("email");
        assertThat(conflict(() -> subjects.register(tenant, new Identifiers(null, "DupUser", null, null))))
                .isEqualTo("username");
        assertThat(conflict(() -> subjects.register(tenant, new Identifiers(null, null, "dup-acc", null))))
                .isEqualTo("accountId");
        assertThat(subjectsOf(tenant)).as("no refused registration left a row").isEqualTo(1);
        assertThat(events.of(SubjectRegistered.class)).hasSize(1);

        subjects.register(newTenant(), new Identifiers("dup@example.com", "dupuser", "dup-acc", null));
    }

    @Test
    void rectifyReplacesTheIdentifierAndItsIndex() {
        Subject s = subjects.register(tenant, new Identifiers("old@example.com", "keeper", null, null)).subject();
        long version = s.rowVersion();
        events.clear();

        Subjects.Decrypted d = subjects.rectify(tenant, s.rawId(), new Identifiers("new@example.com", null, null,
                "New Name"));

        assertThat(d.identifiers()).isEqualTo(new Identifiers("new@example.com", "keeper", null, "New Name"));
        assertThat(subjects.findBy(tenant, IndexKind.EMAIL, "old@example.com")).isEmpty();
        assertThat(ids(subjects.findBy(tenant, IndexKind.EMAIL, "new@example.com"))).containsExactly(s.rawId());
        assertThat(ids(subjects.findBy(tenant, IndexKind.USERNAME, "keeper"))).containsExactly(s.rawId());
        assertThat(subjects.find(tenant, s.rawId()).rowVersion()).isGreaterThan(version);
        assertThat(events.of(SubjectRectified.class)).singleElement()
                .satisfies(e -> assertThat(e.fields()).isEqualTo(Set.of("email", "displayName")));
    }

    @Test
    void rectifyRefusesATakenIdentifierAndAnEmptyChange() {
        subjects.register(tenant, new Identifiers("taken@example.com", null, null, null));
        String id = subjects.register(tenant, new Identifiers("mine@example.com", null, null, null)).subject().rawId();

        assertThat(conflict(() -> subjects.rectify(tenant, id, new Identifiers("Taken@Example.com", null, null, null))))
                .isEqualTo("email");
        ProblemException empty = catchThrowableOfType(ProblemException.class,
                () -> subjects.rectify(tenant, id, new Identifiers(null, null, null, null)));
        assertThat(empty.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(empty.errors()).extracting(FieldError::field).containsExactly("body");

        assertThat(subjects.get(tenant, id).identifiers().email()).isEqualTo("mine@example.com");
        assertThat(events.of(SubjectRectified.class)).isEmpty();
    }

    @Test
    void aRectificationThatRollsBackLeavesTheOldIdentifier() {
        String id = subjects.register(tenant, new Identifiers("before@example.com", null, null, null)).subject().rawId();

        tx.rollback(() -> {
            subjects.rectify(tenant, id, new Identifiers("after@example.com", null, null, null));
            // inside the transaction the change is visible
            assertThat(ids(subjects.findBy(tenant, IndexKind.EMAIL, "after@example.com"))).containsExactly(id);
        });

        assertThat(ids(subjects.findBy(tenant, IndexKind.EMAIL, "before@example.com"))).containsExactly(id);
        assertThat(subjects.findBy(tenant, IndexKind.EMAIL, "after@example.com")).isEmpty();
        assertThat(subjects.get(tenant, id).identifiers().email()).isEqualTo("before@example.com");
    }

    @Test
    void afterAKeyRotationLookupsAndDuplicateChecksStillSeeOlderIndexesAndARectificationMovesTheRow() {
        String id = subjects.register(tenant, new Identifiers("rotated@example.com", "rotated", null, null))
                .subject().rawId();
        int before = indexVersion(id);

        int current = blindIndexKeys.rotate(); // no re-index job runs in the tier: the row stays on its version

        assertThat(current).isGreaterThan(before);
        assertThat(indexVersion(id)).isEqualTo(before);
        assertThat(ids(subjects.findBy(tenant, IndexKind.EMAIL, "Rotated@example.com"))).containsExactly(id);
        assertThat(conflict(() -> subjects.register(tenant, new Identifiers("rotated@example.com", null, null, null))))
                .as("the duplicate check looks under every active version").isEqualTo("email");

        subjects.rectify(tenant, id, new Identifiers(null, null, null, "Renamed"));

        assertThat(indexVersion(id)).as("a write indexes the whole row under the current version").isEqualTo(current);
        assertThat(ids(subjects.findBy(tenant, IndexKind.USERNAME, "rotated"))).containsExactly(id);
        assertThat(ids(subjects.findBy(tenant, IndexKind.EMAIL, "rotated@example.com"))).containsExactly(id);
    }

    @Test
    void aSubjectIsFoundOnlyInItsOwnTenant() {
        String id = subjects.register(tenant, new Identifiers("own@example.com", null, null, null)).subject().rawId();

        assertThat(catchThrowableOfType(ProblemException.class, () -> subjects.find(newTenant(), id)).type())
                .isEqualTo(ProblemType.NOT_FOUND);
        assertThat(catchThrowableOfType(ProblemException.class, () -> subjects.find(tenant, "not-a-uuid")).type())
                .isEqualTo(ProblemType.NOT_FOUND);
        assertThat(subjects.find(tenant, id).rawId()).isEqualTo(id);
    }

    @Test
    void flaggingAsMinorFiresItsEventOnce() {
        String id = subjects.register(tenant, new Identifiers("young@example.com", null, null, null)).subject().rawId();

        subjects.flagAsMinor(tenant, id);
        subjects.flagAsMinor(tenant, id);

        assertThat(subjects.find(tenant, id).minor()).isTrue();
        assertThat(events.of(SubjectFlaggedAsMinor.class)).singleElement()
                .satisfies(e -> assertThat(e.subjectId().asString()).isEqualTo(id));
    }

    // ---------------------------------------------------------------- the personal-data gate (policy §10, §4b)

    @Test
    void afterTheLicenceEndsNoSubjectRecordOrRectificationIsAcceptedAndTheTerminationKeepsItsReason() {
        String id = subjects.register(tenant, new Identifiers("before-end@example.com", null, null, null))
                .subject().rawId();
        String record = records.add(tenant, id, RecordCategory.FEEDBACK, Map.of("text", "fine"), null)
                .record().rawId();

        tenants.terminate(tenant, true, "  Customer moved to another vendor ");

        assertLicenceEnded(() -> subjects.register(tenant, new Identifiers("after-end@example.com", null, null, null)));
        assertLicenceEnded(() -> subjects.rectify(tenant, id, new Identifiers("renamed@example.com", null, null, null)));
        assertLicenceEnded(() -> records.add(tenant, id, RecordCategory.FEEDBACK, Map.of("text", "more"), null));
        assertLicenceEnded(() -> records.rectify(tenant, id, RecordCategory.FEEDBACK, record, Map.of("text", "x"),
                null));
        assertThat(subjectsOf(tenant)).isEqualTo(1);
        assertThat(rows.count("SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?", tenant)).isEqualTo(1);
        assertThat(tenants.get(tenant).terminationReason()).isEqualTo("Customer moved to another vendor");
        assertThat(tenants.history(tenant)).last().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("TERMINATED");
            assertThat(c.note()).isEqualTo("Customer moved to another vendor");
        });
    }

    @Test
    void anExpiredLicenceAcceptsNoSubjectEither() {
        String expiring = tenants.register("Expiring " + UUID.randomUUID(), "https://e.example", HostingMode.CLOUD,
                "LIC-" + UUID.randomUUID(), LocalDate.now().minusDays(2)).rawId();
        assertThat(tenants.expire(expiring, LocalDate.now())).isTrue();

        ProblemException p = assertLicenceEnded(
                () -> subjects.register(expiring, new Identifiers("late@example.com", null, null, null)));
        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("EXPIRED"));
        assertThat(subjectsOf(expiring)).isZero();
    }

    @Test
    void aDataCenterTenantGetsNoSubject() {
        String dc = tenants.register("DC " + UUID.randomUUID(), "https://dc.example", HostingMode.DATA_CENTER,
                "LIC-" + UUID.randomUUID(), LocalDate.now().plusYears(1)).rawId();

        ProblemException p = catchThrowableOfType(ProblemException.class,
                () -> subjects.register(dc, new Identifiers("dc@example.com", null, null, null)));

        assertThat(p.type()).isEqualTo(ProblemType.DATA_CENTER_NO_PERSONAL_DATA);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("hostingMode");
        assertThat(subjectsOf(dc)).isZero();
    }

    /**
     * The race of policy §10: a subject whose registration is still open when the licence is terminated. The
     * termination waits for it (so the tenant's erasure, which starts from the termination, finds it), and a
     * registration that starts while the termination is open waits for it and is then refused: no subject commits
     * after the licence ended.
     */
    @Test
    void aLicenceEndWaitsForAnOpenWriteAndAWriteThatWaitedForTheEndIsRefused() throws Exception {
        ManagedExecutorService pool = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        CountDownLatch admitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> writer = pool.submit(() -> tx.commit(() -> {
            String id = subjects.register(tenant, new Identifiers("racing@example.com", null, null, null))
                    .subject().rawId();
            admitted.countDown();
            release.await(30, TimeUnit.SECONDS);
            return id;
        }));
        assertThat(admitted.await(20, TimeUnit.SECONDS)).isTrue();
        Future<?> termination = pool.submit(() -> tenants.terminate(tenant, true, "race"));
        Thread.sleep(1500);
        assertThat(termination.isDone()).as("the termination waits for the open registration").isFalse();
        release.countDown();
        String racing = writer.get(30, TimeUnit.SECONDS);
        termination.get(30, TimeUnit.SECONDS);
        assertThat(subjects.find(tenant, racing).rawId()).isEqualTo(racing);

        String other = newTenant();
        CountDownLatch ended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> openTermination = pool.submit(() -> tx.commit(() -> {
            tenants.terminate(other, true, "race");
            ended.countDown();
            commit.await(30, TimeUnit.SECONDS);
        }));
        assertThat(ended.await(20, TimeUnit.SECONDS)).isTrue();
        Future<String> late = pool.submit(() -> subjects.register(other,
                new Identifiers("late@example.com", null, null, null)).subject().rawId());
        Thread.sleep(1500);
        assertThat(late.isDone()).as("the registration waits for the open termination").isFalse();
        commit.countDown();
        openTermination.get(30, TimeUnit.SECONDS);
        ExecutionException refused = catchThrowableOfType(ExecutionException.class,
                () -> late.get(30, TimeUnit.SECONDS));
        assertThat(refused).as("the late registration is refused").isNotNull();
        assertThat(refused.getCause()).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) refused.getCause()).type()).isEqualTo(ProblemType.LICENCE_ENDED);
        assertThat(subjectsOf(other)).isZero();
    }

    // ---------------------------------------------------------------- records: rectification, restriction

    @Test
    void aRecordIsRectifiedInPlaceAndKeepsWhenItWasObtained() {
        String id = subjects.register(tenant, new Identifiers("rectify@example.com", null, null, null))
                .subject().rawId();
        var added = records.add(tenant, id, RecordCategory.FEEDBACK, Map.of("text", "Teh typo"), null);
        byte[] before = (byte[]) rows.value("SELECT payload FROM identity_personal_record WHERE id = ?",
                added.record().rawId());

        records.rectify(tenant, id, RecordCategory.FEEDBACK, added.record().rawId(), Map.of("text", "The typo"),
                null);

        var read = records.get(tenant, id, RecordCategory.FEEDBACK, added.record().rawId(), Map.class);
        assertThat(read.content()).containsEntry("text", "The typo");
        assertThat(read.record().obtainedAt()).isEqualTo(added.record().obtainedAt());
        assertThat((byte[]) rows.value("SELECT payload FROM identity_personal_record WHERE id = ?",
                added.record().rawId())).isNotEqualTo(before);
        assertThat(catchThrowableOfType(ProblemException.class, () -> records.rectify(tenant, id,
                RecordCategory.CONTACT, added.record().rawId(), Map.of("name", "x"), null)).type())
                .as("a record is rectified under its own category only").isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void aRestrictedSubjectsNewRecordsAreRefused() {
        String id = subjects.register(tenant, new Identifiers("restricted@example.com", null, null, null))
                .subject().rawId();
        restrictions.restrict(id);
        try {
            ProblemException p = catchThrowableOfType(ProblemException.class,
                    () -> records.add(tenant, id, RecordCategory.FEEDBACK, Map.of("text", "hi"), null));
            assertThat(p.type()).isEqualTo(ProblemType.PROCESSING_RESTRICTED);
            assertThat(p.errors()).extracting(FieldError::field).containsExactly("subjectId");
            assertThat(rows.count("SELECT COUNT(*) FROM identity_personal_record WHERE subject_id = ?", id)).isZero();
        } finally {
            restrictions.lift(id);
        }
        records.add(tenant, id, RecordCategory.FEEDBACK, Map.of("text", "hi"), null);
    }

    // ---------------------------------------------------------------- the api for subject rights

    @Test
    void withEmailFindsTheSubjectsOfEveryTenantUnderEveryActiveIndexVersion() {
        String email = "shared-" + UUID.randomUUID() + "@example.com";
        String jane = subjects.register(tenant, new Identifiers(email, null, null, null)).subject().rawId();
        String other = newTenant();
        blindIndexKeys.rotate(); // jane stays indexed under the older version
        String namesake = subjects.register(other, new Identifiers(email.toUpperCase(), null, null, null))
                .subject().rawId();
        subjects.register(other, new Identifiers("unrelated-" + UUID.randomUUID() + "@example.com", null, null, null));

        List<SubjectRef> found = directory.withEmail("  " + email.toUpperCase() + " ");

        assertThat(found).extracting(r -> r.tenantId().asString() + "/" + r.subjectId().asString())
                .containsExactlyInAnyOrder(tenant + "/" + jane, other + "/" + namesake);
        assertThat(directory.withEmail("nobody-" + UUID.randomUUID() + "@example.com")).isEmpty();
        assertThat(directory.withEmail(" ")).isEmpty();
    }

    @Test
    void withAccountIdStaysInTheTenantAndIsCaseSensitive() {
        String account = "acc-" + UUID.randomUUID();
        String id = subjects.register(tenant, new Identifiers(null, null, account, null)).subject().rawId();
        subjects.flagAsMinor(tenant, id);

        assertThat(directory.withAccountId(TenantId.of(tenant), account)).hasValueSatisfying(r -> {
            assertThat(r.subjectId().asString()).isEqualTo(id);
            assertThat(r.tenantId().asString()).isEqualTo(tenant);
            assertThat(r.minor()).isTrue();
        });
        assertThat(directory.withAccountId(TenantId.of(newTenant()), account)).isEmpty();
        assertThat(directory.withAccountId(TenantId.of(tenant), account.toUpperCase())).isEmpty();
    }

    @Test
    void emailOfDecryptsTheStoredEmailAndIsEmptyWithoutOne() {
        String withEmail = subjects.register(tenant, new Identifiers(" Mail.Me@Example.com ", null, null, null))
                .subject().rawId();
        String without = subjects.register(tenant, new Identifiers(null, "no-mail-" + UUID.randomUUID(), null, null))
                .subject().rawId();

        assertThat(directory.emailOf(SubjectId.of(withEmail))).contains("Mail.Me@Example.com");
        assertThat(directory.emailOf(SubjectId.of(without))).isEmpty();
        assertThat(directory.emailOf(SubjectId.of(UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void aRectificationThroughTheApiChangesAndClearsFieldsAndFiresItsEvent() {
        String id = subjects.register(tenant, new Identifiers("api-old@example.com", "api-user", null, "Old Name"))
                .subject().rawId();
        events.clear();
        Map<String, String> corrections = new java.util.HashMap<>();
        corrections.put("email", " api-new@example.com ");
        corrections.put("displayName", "");

        rectification.rectify(TenantId.of(tenant), SubjectId.of(id), corrections);

        assertThat(subjects.get(tenant, id).identifiers())
                .isEqualTo(new Identifiers("api-new@example.com", "api-user", null, null));
        assertThat(ids(subjects.findBy(tenant, IndexKind.EMAIL, "API-NEW@example.com"))).containsExactly(id);
        assertThat(subjects.findBy(tenant, IndexKind.EMAIL, "api-old@example.com")).isEmpty();
        assertThat(events.all().stream().filter(f -> f.event() instanceof SubjectRectified).toList())
                .singleElement().satisfies(f -> {
                    assertThat(f.inTransaction()).isTrue();
                    assertThat(((SubjectRectified) f.event()).fields()).isEqualTo(Set.of("email", "displayName"));
                });

        rectification.rectify(TenantId.of(tenant), SubjectId.of(id), Map.of("username", " "));
        assertThat(subjects.get(tenant, id).identifiers().username()).isNull();
        assertThat(subjects.findBy(tenant, IndexKind.USERNAME, "api-user")).as("its index went with it").isEmpty();
    }

    @Test
    void aRectificationThroughTheApiRefusesWhatThePatchRefusesNamingTheCorrection() {
        subjects.register(tenant, new Identifiers("api-taken@example.com", null, null, null));
        String id = subjects.register(tenant, new Identifiers("api-mine@example.com", null, null, "Mine"))
                .subject().rawId();
        TenantId t = TenantId.of(tenant);
        SubjectId s = SubjectId.of(id);
        events.clear();

        assertRefused(ProblemType.VALIDATION, "corrections.phone", () -> rectification.rectify(t, s,
                Map.of("phone", "+44 20 7946 0000")));
        assertRefused(ProblemType.VALIDATION, "corrections.email", () -> rectification.rectify(t, s,
                Map.of("email", "not-an-email")));
        assertRefused(ProblemType.VALIDATION, "corrections.accountId", () -> rectification.rectify(t, s,
                Map.of("accountId", "has spaces!")));
        assertRefused(ProblemType.VALIDATION, "corrections.username", () -> rectification.rectify(t, s,
                Map.of("username", "u".repeat(129))));
        assertRefused(ProblemType.VALIDATION, "corrections.displayName", () -> rectification.rectify(t, s,
                Map.of("displayName", "n".repeat(201))));
        assertRefused(ProblemType.SENSITIVE_DATA, "corrections.displayName", () -> rectification.rectify(t, s,
                Map.of("displayName", "Mine 123-45-6789")));
        assertRefused(ProblemType.CONFLICT, "corrections.email", () -> rectification.rectify(t, s,
                Map.of("email", "API-TAKEN@example.com")));
        assertRefused(ProblemType.VALIDATION, "corrections.email", () -> rectification.rectify(t, s,
                Map.of("email", "")));
        assertRefused(ProblemType.VALIDATION, "corrections", () -> rectification.rectify(t, s, Map.of()));
        assertThat(catchThrowableOfType(ProblemException.class, () -> rectification.rectify(t,
                SubjectId.of(UUID.randomUUID().toString()), Map.of("displayName", "X"))).type())
                .isEqualTo(ProblemType.NOT_FOUND);
        assertThat(catchThrowableOfType(ProblemException.class, () -> rectification.rectify(TenantId.of(newTenant()),
                s, Map.of("displayName", "X"))).type()).as("only in its own tenant").isEqualTo(ProblemType.NOT_FOUND);

        assertThat(subjects.get(tenant, id).identifiers())
                .isEqualTo(new Identifiers("api-mine@example.com", null, null, "Mine"));
        assertThat(events.of(SubjectRectified.class)).isEmpty();

        tenants.terminate(tenant, true, "gone");
        assertLicenceEnded(() -> rectification.rectify(t, s, Map.of("displayName", "After")));
    }

    @Test
    void aLicenseesRequestTerminatesAnActiveLicenceOnceAndLeavesAnEndedOneAlone() {
        tx.commit(() -> licences.terminateAtLicenseeRequest(TenantId.of(tenant), "Licensee asked for erasure"));

        assertThat(tenants.get(tenant).licenceStatus()).isEqualTo(LicenceStatus.TERMINATED);
        assertThat(tenants.get(tenant).terminationReason()).isEqualTo("Licensee asked for erasure");
        assertThat(events.all().stream().filter(f -> f.event() instanceof LicenceTerminated).toList())
                .singleElement().satisfies(f -> {
                    assertThat(f.inTransaction()).isTrue();
                    assertThat(((LicenceTerminated) f.event()).tenantId().asString()).isEqualTo(tenant);
                });

        licences.terminateAtLicenseeRequest(TenantId.of(tenant), "again");
        assertThat(events.of(LicenceTerminated.class)).as("an ended licence is left as it is").hasSize(1);
        assertThat(tenants.get(tenant).terminationReason()).isEqualTo("Licensee asked for erasure");

        String expired = tenants.register("Expired " + UUID.randomUUID(), "https://x.example", HostingMode.CLOUD,
                "LIC-" + UUID.randomUUID(), LocalDate.now().minusDays(2)).rawId();
        assertThat(tenants.expire(expired, LocalDate.now())).isTrue();
        licences.terminateAtLicenseeRequest(TenantId.of(expired), "late");
        assertThat(tenants.get(expired).licenceStatus()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(events.of(LicenceTerminated.class)).hasSize(1);

        assertThat(catchThrowableOfType(ProblemException.class, () -> licences.terminateAtLicenseeRequest(
                TenantId.of(UUID.randomUUID().toString()), "x")).type()).isEqualTo(ProblemType.NOT_FOUND);
    }

    private static void assertRefused(ProblemType type, String field, Runnable call) {
        ProblemException p = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(p).as("refused naming " + field).isNotNull();
        assertThat(p.type()).isEqualTo(type);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly(field);
    }

    /** Stands in for consent, which keeps restrictions in the app. */
    @ApplicationScoped
    public static class TestRestrictions implements ProcessingRestrictions {

        private final Set<String> restricted = ConcurrentHashMap.newKeySet();

        public void restrict(String subjectId) {
            restricted.add(subjectId);
        }

        public void lift(String subjectId) {
            restricted.remove(subjectId);
        }

        @Override
        public boolean isRestricted(SubjectId subjectId) {
            return restricted.contains(subjectId.asString());
        }
    }

    private static ProblemException assertLicenceEnded(Runnable call) {
        ProblemException p = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(p).as("refused: the licence ended").isNotNull();
        assertThat(p.type()).isEqualTo(ProblemType.LICENCE_ENDED);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("licence.state");
        return p;
    }

    private String newTenant() {
        return tenants.register("Tenant " + UUID.randomUUID(), "https://t" + UUID.randomUUID() + ".example",
                HostingMode.CLOUD, "LIC-" + UUID.randomUUID(), LocalDate.now().plusYears(1)).rawId();
    }

    private int indexVersion(String subjectId) {
        return ((Number) rows.value("SELECT index_version FROM identity_subject WHERE id = ?", subjectId)).intValue();
    }

    private long subjectsOf(String tenantId) {
        return rows.count("SELECT COUNT(*) FROM identity_subject WHERE tenant_id = ?", tenantId);
    }

    private static List<String> ids(List<Subject> found) {
        return found.stream().map(Subject::rawId).toList();
    }

    /** The field a CONFLICT names. */
    private static String conflict(Runnable call) {
        ProblemException p = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(p).as("a conflict").isNotNull();
        assertThat(p.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(p.errors()).hasSize(1);
        return p.errors().get(0).field();
    }
}
