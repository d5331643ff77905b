package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Database;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/**
 * Key rotation in the middle of a write load, on the embedded default (the master key is a file in the data
 * directory, so the rotation generates the new key itself): the master key and then the blind-index key are rotated
 * while four clients register subjects, add records and look subjects up by email. Nothing may fail, everything
 * stays readable and findable, and it all survives a restart.
 */
class KeyRotationIT {

    private static final int WRITERS = 4;
    private static final Duration LOAD = Duration.ofSeconds(25);

    private final Map<String, String> subjects = new ConcurrentHashMap<>(); // id -> email
    private final AtomicLong requests = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    @Test
    void rotatesBothKeysUnderAWriteLoadAndKeepsEverythingReadableAndFindable() throws Exception {
        Path dataDir = Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath()
                .resolve("rotation-data-" + Fixtures.unique());
        try (StewardServer server = StewardServer.war("rotation", Database.fresh("rotation"), Map.of(
                "STEWARD_DATA_DIR", dataDir.toString(),
                "STEWARD_IDENTITY_REINDEX_PERIOD", "PT2S",
                "STEWARD_CRYPTO_BLIND_INDEX_RETIREMENT_GRACE", "PT2S")).start()) {
            Http http = server.http();
            String tenant = Fixtures.tenant(http, "CLOUD");
            for (int i = 0; i < 40; i++) {
                register(http, tenant);
            }
            JsonObject before = status(http);
            String oldKek = before.getJsonObject("masterKey").getString("currentId");
            assertThat(before.getJsonObject("blindIndex").getJsonObject("rotation").getInt("currentVersion"))
                    .isEqualTo(1);

            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            long deadline = System.nanoTime() + LOAD.toNanos();
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        writeAndLookUp(http, tenant);
                    }
                }));
            }

            Thread.sleep(5_000);
            Http.Response kek = http.post("/api/v1/admin/keys/master/rotation", null);
            assertThat(kek.status()).as("%s", kek).isEqualTo(202);
            String newKek = kek.json().getString("currentKekId");
            assertThat(newKek).isNotEqualTo(oldKek);
            await(http, Duration.ofSeconds(30), s -> "complete".equals(
                    s.getJsonObject("masterKey").getJsonObject("rotation").getString("state")));

            Thread.sleep(2_000);
            Http.Response index = http.post("/api/v1/admin/keys/blind-index/rotation", null);
            assertThat(index.status()).as("%s", index).isEqualTo(202);
            assertThat(index.json().getInt("currentVersion")).isEqualTo(2);
            assertThat(index.json().getJsonArray("activeVersions")).hasSize(2);

            for (Future<?> w : writers) {
                w.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            long duringLoad = requests.get();
            for (int i = 0; i < 20; i++) {
                register(http, tenant);
            }

            JsonObject after = await(http, Duration.ofSeconds(60), s -> allUnder(s, newKek) && allAtVersion(s, 2)
                    && "retired".equals(s.getJsonObject("blindIndex").getJsonArray("versions").getJsonObject(0)
                    .getString("state")));
            assertThat(after.getJsonObject("masterKey").getJsonArray("previousIds").getString(0)).isEqualTo(oldKek);
            assertThat(http.post("/api/v1/admin/keys/blind-index/rotation", null).json().getInt("currentVersion"))
                    .as("a rotation after a completed one starts the next version").isEqualTo(3);
            await(http, Duration.ofSeconds(60), s -> allAtVersion(s, 3));

            assertEverySubjectReadableAndFindable(http, tenant);
            assertThat(failures).as("requests failed during the load").isEmpty();
            System.out.printf("KeyRotationIT: %d subjects, %d requests during the load, %d failed%n",
                    subjects.size(), duringLoad, failures.size());

            server.stop();
            assertThat(dataDir.resolve("master.key")).isRegularFile();
            assertThat(dataDir.resolve("previous-master-" + oldKek + ".key")).isRegularFile();
            server.start();
            JsonObject restarted = status(http);
            assertThat(restarted.getJsonObject("masterKey").getString("currentId")).isEqualTo(newKek);
            assertThat(allUnder(restarted, newKek)).isTrue();
            assertEverySubjectReadableAndFindable(http, tenant);
            assertThat(failures).isEmpty();
        }
    }

    /** One round of the load: register a subject, add a record to it, find a random earlier subject by email. */
    private void writeAndLookUp(Http http, String tenant) {
        String id = register(http, tenant);
        if (id != null) {
            check(http.post("/api/v1/tenants/" + tenant + "/subjects/" + id + "/contacts",
                    "{\"name\":\"Load\",\"email\":\"load@example.com\",\"message\":\"during rotation\"}"), 201, "add record");
        }
        List<String> ids = new ArrayList<>(subjects.keySet());
        String known = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        Http.Response found = check(http.get("/api/v1/tenants/" + tenant + "/subjects?email="
                + subjects.get(known).toUpperCase()), 200, "find by email");
        if (found != null && (found.json().getJsonArray("items").size() != 1
                || !found.json().getJsonArray("items").getJsonObject(0).getString("id").equals(known))) {
            failures.add("find by email did not find subject " + known + ": " + found.body());
        }
    }

    private String register(Http http, String tenant) {
        String u = Fixtures.unique() + Fixtures.unique();
        String email = "rot-" + u + "@example.com";
        Http.Response r = check(http.post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"" + email + "\",\"username\":\"rot_" + u + "\"}"), 201, "register");
        if (r == null) {
            return null;
        }
        String id = r.json().getString("id");
        subjects.put(id, email);
        return id;
    }

    private Http.Response check(Http.Response r, int expected, String what) {
        requests.incrementAndGet();
        if (r.status() != expected) {
            failures.add(what + ": " + r.status() + " " + r.body());
            return null;
        }
        return r;
    }

    private void assertEverySubjectReadableAndFindable(Http http, String tenant) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> checks = new ArrayList<>();
        for (Map.Entry<String, String> s : subjects.entrySet()) {
            checks.add(pool.submit(() -> {
                Http.Response got = http.get("/api/v1/tenants/" + tenant + "/subjects/" + s.getKey());
                assertThat(got.status()).as("%s", got).isEqualTo(200);
                assertThat(got.json().getString("email")).isEqualTo(s.getValue());
                Http.Response found = http.get("/api/v1/tenants/" + tenant + "/subjects?email=" + s.getValue());
                assertThat(found.json().getJsonArray("items")).as("find %s", s.getKey()).hasSize(1);
                assertThat(found.json().getJsonArray("items").getJsonObject(0).getString("id"))
                        .isEqualTo(s.getKey());
            }));
        }
        for (Future<?> c : checks) {
            c.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private static JsonObject status(Http http) {
        Http.Response r = http.get("/api/v1/admin/keys");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static JsonObject await(Http http, Duration timeout, Predicate<JsonObject> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject s = status(http);
        while (!done.test(s)) {
            assertThat(System.nanoTime()).as("key status did not settle: %s", s).isLessThan(deadline);
            Thread.sleep(500);
            s = status(http);
        }
        return s;
    }

    private static boolean allUnder(JsonObject status, String kek) {
        JsonObject m = status.getJsonObject("masterKey");
        return m.getJsonObject("dataKeys").keySet().equals(java.util.Set.of(kek))
                && m.getJsonObject("secrets").keySet().equals(java.util.Set.of(kek));
    }

    private static boolean allAtVersion(JsonObject status, int version) {
        JsonObject rows = status.getJsonObject("blindIndex").getJsonObject("rows").getJsonObject("identity_subject");
        return rows.keySet().equals(java.util.Set.of(String.valueOf(version)));
    }
}
