package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.steward.it.support.Database;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.crypto.internal.Aead;
import org.steward.platform.crypto.internal.AeadCipher;
import org.steward.platform.crypto.internal.KeyWrap;
import org.steward.platform.kernel.api.DataKeyId;

/**
 * THE DUMP TEST (issue 5). A subject erased at their request, and a whole tenant erased by licence expiry: afterwards
 * a dump of the whole database (pg_dump, or H2's SCRIPT) and the server's log hold none of their values, and a
 * ciphertext copied before the erasure can no longer be decrypted, because its data key is gone. On the sweeping
 * server, whose database and log also hold the other sweeping tests' data: the values searched for are unique.
 */
class ErasureDumpIT {

    private static StewardServer server;
    /** A server this test started (and stops), rather than the shared sweeping one. */
    private static boolean own;

    /**
     * The suite's database, on the server that sweeps every second (PostgreSQL in CI: pg_dump), and the embedded H2
     * (SCRIPT) on a server of its own when the suite's is another one.
     */
    static Stream<Named<Boolean>> servers() {
        return Database.postgresConfigured()
                ? Stream.of(Named.of("suite database", false), Named.of("embedded H2", true))
                : Stream.of(Named.of("suite database", false));
    }

    @AfterEach
    void stop() {
        if (own && server != null) {
            server.close();
        }
        server = null;
    }

    /** The distinctive values of one subject. */
    record Person(String email, String username, String accountId, String name, String token, String feedback,
                  String site) {

        static Person make(String tag) {
            String u = Fixtures.unique();
            return new Person("quill." + tag + u + "@example.org", "quill_" + tag + u, "5570:" + tag + u,
                    "Quentin Quill" + tag + u, "ATATT-dump-" + tag + u, "My sync lost the comments " + tag + u,
                    "https://quill" + tag + u + ".atlassian.net");
        }

        List<String> values() {
            return List.of(email, email.toLowerCase(), username, accountId, name, token, feedback, site);
        }
    }

    /** What the test copies before the erasure: the subject's data key id and a ciphertext under it. */
    record Copy(String subjectId, String dataKeyId, byte[] emailCiphertext) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void erasedSubjectsLeaveNoTraceInADumpOrTheLogAndTheirCiphertextIsNoise(boolean ownH2) throws Exception {
        own = ownH2;
        if (ownH2) {
            // The sweeping server's settings, on H2: a sweep every second and a known master key.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            server = StewardServer.war("erasure-dump-h2", Database.h2("erasure_dump_h2"), Map.of(
                    "STEWARD_RETENTION_SWEEP_PERIOD", "PT1S",
                    "STEWARD_CRYPTO_MASTER_KEY", Base64.getEncoder().encodeToString(key))).start();
        } else {
            server = StewardServer.sweeping();
        }
        Http op = server.http();
        List<String> secrets = new ArrayList<>();

        // 1. A subject erased at their own request (the tenant stays).
        String tenant = Fixtures.tenant(op, "CLOUD");
        Person alice = Person.make("a");
        String aliceId = register(op, tenant, alice);
        secrets.addAll(alice.values());
        Copy aliceCopy = copy(aliceId);
        assertThat(decrypt(aliceCopy)).isEqualTo(alice.email()); // the copy is readable before the erasure

        // 2. A whole tenant (two subjects) erased by licence expiry.
        String companyName = "Quill Consulting " + Fixtures.unique();
        Http.Response t2 = op.post("/api/v1/tenants", """
                {"name":"%s","siteUrl":"https://quillco%s.atlassian.net","hostingMode":"CLOUD",
                 "licence":{"key":"SEN-Q%s","expiresOn":"2099-12-31"}}""".formatted(companyName,
                Fixtures.unique(), Fixtures.unique()));
        assertThat(t2.status()).as(t2.toString()).isEqualTo(201);
        String expiring = t2.json().getString("id");
        secrets.add(companyName);
        List<Copy> tenantCopies = new ArrayList<>();
        for (String tag : List.of("b", "c")) {
            Person p = Person.make(tag);
            String id = register(op, expiring, p);
            secrets.addAll(p.values());
            tenantCopies.add(copy(id));
        }

        // Erase: alice by request, the tenant by letting its licence expire (yesterday; checked every 2 s).
        Http.Response requested = op.post("/api/v1/tenants/" + tenant + "/subjects/" + aliceId + "/erasure",
                "{\"reference\":\"JSM-1234\"}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String aliceErasure = requested.json().getString("id");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(op.put("/api/v1/tenants/" + expiring + "/licence", "{\"key\":\"SEN-Q2" + Fixtures.unique()
                + "\",\"expiresOn\":\"" + yesterday + "\"}").status()).isEqualTo(200);

        Dumps.await("alice's erasure", Duration.ofSeconds(60),
                () -> "DONE".equals(op.get("/api/v1/erasures/" + aliceErasure).json().getString("status")));
        Dumps.await("the tenant's erasure", Duration.ofSeconds(90), () -> Dumps.count(server.database(),
                "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ? AND status = 'DONE'",
                expiring) == 1);

        // The subjects are gone, the tenant is a PII-free row, and every certificate verifies.
        assertThat(op.get("/api/v1/tenants/" + tenant + "/subjects/" + aliceId).status()).isEqualTo(404);
        for (Copy c : tenantCopies) {
            assertThat(op.get("/api/v1/tenants/" + expiring + "/subjects/" + c.subjectId()).status()).isEqualTo(404);
        }
        Http.Response erasedTenant = op.get("/api/v1/tenants/" + expiring);
        assertThat(erasedTenant.json().getString("name")).isEqualTo("(erased)");
        assertThat(erasedTenant.json().getJsonObject("licence").getString("status")).isEqualTo("EXPIRED");
        Http.Response certificate = op.get("/api/v1/erasures/" + aliceErasure + "/certificate");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.body()).contains(aliceCopy.dataKeyId()).doesNotContain(aliceId);
        assertThat(op.post("/api/v1/erasures/certificates/verification", certificate.body()).json()
                .getBoolean("valid")).isTrue();

        // The copied ciphertexts are noise now: their data keys have no key material left.
        List<Copy> all = new ArrayList<>(tenantCopies);
        all.add(aliceCopy);
        for (Copy c : all) {
            assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_data_key WHERE id = ?"
                    + " AND wrapped IS NULL AND kek_id IS NULL AND destroyed_at IS NOT NULL", c.dataKeyId()))
                    .as("data key of %s destroyed", c.subjectId()).isEqualTo(1);
            assertThatThrownBy(() -> decrypt(c)).as("the copied ciphertext of %s", c.subjectId())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
        }

        // THE DUMP: none of the literal values, anywhere in the database or in the server's log.
        String dump = Dumps.dump(server.database());
        assertThat(dump).contains(tenant).contains(expiring); // the dump did hold the rows
        String log = Files.readString(server.log());
        for (String value : secrets) {
            assertThat(dump).as("the database dump must not contain %s", value).doesNotContain(value);
            assertThat(log).as("the server log must not contain %s", value).doesNotContain(value);
        }
        System.out.println("Dump test (" + (server.database().postgres() ? "pg_dump" : "H2 SCRIPT") + "): "
                + dump.length() + " characters of dump and " + log.length() + " of log searched for "
                + secrets.size() + " values: none found");
    }

    private static String register(Http op, String tenant, Person p) {
        Http.Response s = op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"email\":\"" + p.email()
                + "\",\"username\":\"" + p.username() + "\",\"accountId\":\"" + p.accountId()
                + "\",\"displayName\":\"" + p.name() + "\"}");
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        String id = s.json().getString("id");
        String base = "/api/v1/tenants/" + tenant + "/subjects/" + id;
        assertThat(op.post(base + "/feedback", "{\"name\":\"" + p.name() + "\",\"email\":\"" + p.email()
                + "\",\"text\":\"" + p.feedback() + "\"}").status()).isEqualTo(201);
        assertThat(op.post(base + "/connections", "{\"siteUrl\":\"" + p.site() + "\",\"userEmail\":\"" + p.email()
                + "\",\"personalAccessToken\":\"" + p.token() + "\"}").status()).isEqualTo(201);
        assertThat(op.post(base + "/contacts", "{\"name\":\"" + p.name() + "\",\"email\":\"" + p.email()
                + "\",\"username\":\"" + p.username() + "\"}").status()).isEqualTo(201);
        Http.Response consent = op.post(base + "/consents", "{\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\"}");
        assertThat(consent.status()).as(consent.toString()).isIn(200, 201);
        return id;
    }

    private static Copy copy(String subjectId) throws Exception {
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT data_key_id, email_enc FROM identity_subject WHERE id = ?")) {
            ps.setString(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Copy(subjectId, rs.getString(1), rs.getBytes(2));
            }
        }
    }

    /** Decrypts the copied ciphertext with what the database holds now: the data key, unwrapped by the master key. */
    private static String decrypt(Copy copy) throws Exception {
        byte[] wrapped;
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT wrapped FROM platform_data_key WHERE id = ?")) {
            ps.setString(1, copy.dataKeyId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                wrapped = rs.getBytes(1);
            }
        }
        if (wrapped == null) {
            throw new IllegalStateException("the data key was destroyed: nothing can unwrap it");
        }
        SecretKey dek = KeyWrap.unwrap(Aead.key(server.masterKey()), copy.dataKeyId(), wrapped);
        return new AeadCipher(DataKeyId.of(copy.dataKeyId()), dek).decrypt("email", copy.emailCiphertext());
    }
}
