package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.steward.it.support.Database;
import org.steward.it.support.Fixtures;
import org.steward.it.support.StartLog;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tokens;

/**
 * Each way Steward ships, started for real and checked the same way: ready, a valid OpenAPI document, one API call,
 * a bearer token accepted and a forged one refused.
 * <ul>
 * <li>steward.war on Payara Micro: the shared server ({@link StewardServer#shared()});</li>
 * <li>steward.jar, the uber-jar: the server of AuditIT ({@link StewardServer#quiet()});</li>
 * <li>steward.ear on a full Payara Server: a fresh install and domain, the datasource configured through the
 * server process's environment (the only place an EAR's {@code ${MPCONFIG=...}} placeholders resolve from).</li>
 * </ul>
 * Creating the Payara Server domain takes ~20 s of mostly waiting on keytool, so it is prepared in the background
 * while the other two packagings are tested.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagingIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The unzipped Payara Server with a new domain, prepared while the Micro tests run. */
    private static CompletableFuture<PayaraDomain> domain;
    private static volatile boolean domainTaken;

    @BeforeAll
    static void prepareThePayaraServerDomain() {
        domain = CompletableFuture.supplyAsync(PayaraDomain::create);
    }

    /** Only for a domain the EAR test never took (it was filtered out, say): that test cleans up after itself. */
    @AfterAll
    static void removeAnUnusedDomain() throws Exception {
        if (domain != null && !domainTaken) {
            try {
                domain.get(150, TimeUnit.SECONDS).delete();
            } catch (java.util.concurrent.ExecutionException e) {
                // nothing was left to delete that the failure message does not already explain
            }
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void warOnPayaraMicro() {
        StewardServer server = StewardServer.shared(); // it is the WAR on Payara Micro, with the defaults
        checkPackaging(server.uri("/"), server::logTail, false);
    }

    @Test
    @Order(2)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void uberJar() throws Exception {
        StewardServer server = StewardServer.quiet(); // it is the uber-jar, with the defaults
        checkPackaging(server.uri("/"), server::logTail, false);
        // Its MicroProfile Metrics is off by default, and Payara then produces no MetricRegistry. The jobs that
        // count into one must still do their work: the watchdog (every second here) purges used exports after it
        // counts, and it used to stop at the count.
        Thread.sleep(2500);
        String log = Files.readString(server.log());
        assertThat(log).doesNotContain("Scheduled job request-watchdog failed")
                .doesNotContain("Could not record the retention sweep run")
                .doesNotContain("MetricRegistryProducer");
    }

    @Test
    @Order(3)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void earOnPayaraServer() throws Exception {
        domainTaken = true;
        PayaraDomain d = domain.get(150, TimeUnit.SECONDS);
        boolean passed = false;
        try {
            Database database = Database.fresh("ear");
            d.start(database);
            d.deploy(StewardServer.runtime().resolve("steward.ear"));
            awaitReady(d.uri("/"), READY, d::logTail);
            checkPackaging(d.uri("/"), d::logTail, true);
            passed = true;
        } finally {
            // A timeout interrupts this thread: clear the flag so that stopping can still wait for the processes.
            boolean interrupted = Thread.interrupted();
            d.stop();
            if (passed) {
                d.delete();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- the checks every packaging passes

    /**
     * Payara ships a Nimbus JOSE+JWT of its own (10.5 in Micro, 10.4.2 in Server) that applications see and that wins
     * over a bundled jar under parent-first class loading. Steward's copy is therefore relocated into the security
     * jar: each packaging must carry it there, and no Nimbus jar of its own that could be shadowed.
     */
    @Test
    @Order(0)
    void everyPackagingCarriesItsOwnRelocatedNimbus() throws IOException {
        Path runtime = StewardServer.runtime();
        Path uberJar = Path.of(System.getProperty("steward.uberjar", "../app/target/steward.jar")).toAbsolutePath();
        for (Map.Entry<String, Map<String, byte[]>> archive : Map.of(
                "steward.war", entries(Files.readAllBytes(runtime.resolve("steward.war"))),
                "steward.ear", entries(Files.readAllBytes(runtime.resolve("steward.ear"))),
                "steward.jar!/MICRO-INF/deploy/steward.war",
                entries(entries(Files.readAllBytes(uberJar)).get("MICRO-INF/deploy/steward.war"))).entrySet()) {
            String name = archive.getKey();
            Map<String, byte[]> files = archive.getValue();
            assertThat(files.keySet()).as(name).noneMatch(f -> f.matches(".*nimbus-jose-jwt.*\\.jar"));
            String security = files.keySet().stream()
                    .filter(f -> f.matches("(WEB-INF/)?lib/(org\\.steward-)?steward-platform-security-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no security jar in " + name + ": " + files.keySet()));
            Set<String> classes = entries(files.get(security)).keySet();
            assertThat(classes).as(name + "!/" + security)
                    .contains("steward/shaded/com/nimbusds/jose/JWSObject.class")
                    .noneMatch(c -> c.startsWith("com/nimbusds/"));
        }
    }

    /** The entries of a zip (an archive nested in another is read from its bytes), directories left out. */
    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        assertThat(zip).as("archive").isNotNull();
        Map<String, byte[]> entries = new java.util.HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    // Only nested archives are kept whole; other entries by name only, to spare memory.
                    entries.put(e.getName(), e.getName().matches(".*\\.(jar|war)") ? in.readAllBytes() : new byte[0]);
                }
            }
        }
        return entries;
    }

    private static void checkPackaging(URI base, Supplier<String> log, boolean es256) {
        Supplier<String> withLog = () -> "\n--- server log tail ---\n" + log.get();

        Response ready = get(base, "/health/ready");
        assertThat(ready.status()).as(() -> "/health/ready: " + ready + withLog.get()).isEqualTo(200);
        JsonObject steward = ready.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> "steward".equals(c.getString("name", null))).findFirst().orElse(null);
        assertThat(steward).as(() -> "no 'steward' check in " + ready + withLog.get()).isNotNull();
        assertThat(steward.getString("status")).as(() -> ready + withLog.get()).isEqualTo("UP");

        Response openapi = get(base, "/openapi?format=json");
        assertThat(openapi.status()).as(() -> "/openapi: " + openapi.status() + withLog.get()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(openapi.body(), null, null);
        assertThat(parsed.getMessages()).as(() -> "OpenAPI validation messages" + withLog.get()).isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        JsonObject document = openapi.json();
        assertThat(document.containsKey("endpoints")).as("non-standard top-level 'endpoints' field").isFalse();
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Steward");

        Response created = post(base, "/api/v1/tenants", Fixtures.tenantJson("CLOUD", "2099-12-31"));
        assertThat(created.status()).as(() -> "POST /api/v1/tenants: " + created + withLog.get()).isEqualTo(201);
        String id = created.json().getString("id");
        Response read = get(base, "/api/v1/tenants/" + id);
        assertThat(read.status()).as(() -> "GET tenant: " + read + withLog.get()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());

        // Bearer tokens: the JWT verification (Nimbus, relocated) runs in this packaging's class loaders.
        String subject = "pkg-" + Fixtures.unique();
        Response me = bearer(base, "/api/v1/me", Tokens.sign(Tokens.claims(subject, "AUDITOR").build()));
        assertThat(me.status()).as(() -> "GET /api/v1/me with a bearer token: " + me + withLog.get()).isEqualTo(200);
        assertThat(me.json().getString("kind")).isEqualTo("TOKEN");
        assertThat(me.json().getString("id")).isEqualTo("token:" + subject);
        Response tampered = bearer(base, "/api/v1/me", Tokens.sign(Tokens.claims(subject, "AUDITOR").build())
                .replaceFirst("\\.[^.]*$", "." + Tokens.b64("not the signature")));
        assertThat(tampered.status()).as(() -> "a bad signature: " + tampered + withLog.get()).isEqualTo(401);
        assertThat(tampered.json().getString("type")).isEqualTo("urn:steward:problem:unauthorized");
        if (es256) {
            Response ec = bearer(base, "/api/v1/me", Tokens.signEs256(Tokens.EC_KID,
                    Tokens.claims(subject, "AUDITOR").build(), Tokens.ecKeys().getPrivate()));
            assertThat(ec.status()).as(() -> "an ES256 token from the JWKS: " + ec + withLog.get()).isEqualTo(200);
        }

        // Roles: Steward's own @RolesAllowed filter (Payara's is off in payara-web.xml) must be found in this
        // packaging's class loaders too, or every resource would be open.
        Response anonymous = send(HttpRequest.newBuilder(base.resolve("/api/v1/tenants/" + id)).GET(), null);
        assertThat(anonymous.status()).as(() -> "GET tenant without credentials: " + anonymous + withLog.get())
                .isEqualTo(401);
        Response auditor = bearer(base, "/api/v1/admin/keys", Tokens.sign(Tokens.claims(subject, "AUDITOR").build()));
        assertThat(auditor.status()).as(() -> "the ADMIN-only key status as an AUDITOR: " + auditor + withLog.get())
                .isEqualTo(403);
    }

    // ---------------------------------------------------------------- HTTP against any base URI

    private record Response(int status, String body) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static Response get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private static Response post(URI base, String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Response bearer(URI base, String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), "Bearer " + token);
    }

    /** Requests authenticate as the bootstrap admin, which may register and read tenants, unless told otherwise. */
    private static Response send(HttpRequest.Builder request) {
        return send(request, "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:" + StewardServer.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** {@code authorization} null: an anonymous request. */
    private static Response send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(URI base, Duration timeout, Supplier<String> log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Steward on Payara Server was not ready within " + timeout + " (last: " + last
                + ")\n--- server log tail ---\n" + log.get());
    }

    // ---------------------------------------------------------------- a throw-away Payara Server

    /**
     * A fresh Payara Server install under target/work with one domain on a free port base. Driven with the asadmin
     * CLI jar run by this JVM's java, so that it needs neither the zip's file modes nor a {@code java} on the PATH.
     */
    private static final class PayaraDomain {

        private static final String NAME = "steward";

        private final Path dir;
        private final Path install;
        private final int portBase;
        private final Path output;
        private boolean started;

        private PayaraDomain(Path dir, Path install, int portBase) {
            this.dir = dir;
            this.install = install;
            this.portBase = portBase;
            this.output = dir.resolve("asadmin.log");
        }

        static PayaraDomain create() {
            try {
                Path dir = Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath()
                        .resolve("ear-" + UUID.randomUUID().toString().substring(0, 8));
                Files.createDirectories(dir);
                unzip(StewardServer.runtime().resolve("payara.zip"), dir);
                Path install;
                try (var children = Files.list(dir)) {
                    install = children.filter(p -> Files.isDirectory(p.resolve("glassfish"))).findFirst()
                            .orElseThrow(() -> new IllegalStateException("No glassfish/ in payara.zip"));
                }
                PayaraDomain d = new PayaraDomain(dir, install, freePortBase());
                d.asadmin(Duration.ofSeconds(120), Map.of(), "create-domain", "--nopassword",
                        "--portbase", String.valueOf(d.portBase), NAME);
                return d;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot prepare Payara Server", e);
            }
        }

        int adminPort() {
            return portBase + 48;
        }

        int httpPort() {
            return portBase + 80;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + httpPort()).resolve(path);
        }

        Path domainDir() {
            return install.resolve("glassfish/domains/" + NAME);
        }

        /** Starts the domain with the database and a data directory in the server process's environment. */
        void start(Database database) {
            Map<String, String> env = new java.util.HashMap<>(database.environment());
            env.put("STEWARD_DATA_DIR", dir.resolve("data").toString());
            env.put("STEWARD_ADMIN_PASSWORD", StewardServer.ADMIN_PASSWORD);
            // The test IdP's keys from its JWKS URL (the Micro packagings get the key inline): both forms are covered.
            env.putAll(StewardServer.jwksEnvironment());
            env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
            started = true;
            StartLog.record("packaging-ear", "ear on Payara Server", 1);
            asadmin(Duration.ofSeconds(120), env, "start-domain", NAME);
        }

        void deploy(Path ear) {
            asadmin(Duration.ofSeconds(150), Map.of(), "--port", String.valueOf(adminPort()), "deploy",
                    "--name", "steward", ear.toString());
        }

        /** stop-domain; if that fails or hangs, kills the server process by the pid it wrote. */
        void stop() {
            if (!started) {
                return;
            }
            started = false;
            Path pidFile = domainDir().resolve("config/pid");
            String pid = null;
            try {
                pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : null;
            } catch (IOException e) {
                // fall through: stop-domain may still work
            }
            try {
                asadmin(Duration.ofSeconds(60), Map.of(), "stop-domain", NAME);
            } catch (RuntimeException e) {
                System.err.println("stop-domain failed, killing Payara Server (pid " + pid + "): " + e.getMessage());
            }
            if (pid != null) {
                // Still there after stop-domain (it failed or hung): kill it, if that pid is still a JVM.
                ProcessHandle.of(Long.parseLong(pid))
                        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true))
                        .ifPresent(p -> {
                            p.destroyForcibly();
                            p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
                        });
            }
        }

        void delete() {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // only disk space: leave it to mvn clean
            }
        }

        String logTail() {
            Path log = domainDir().resolve("logs/server.log");
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
                return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
            } catch (IOException e) {
                return "(no " + log + ": " + e + ")";
            }
        }

        private void asadmin(Duration timeout, Map<String, String> env, String... args) {
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar",
                    install.resolve("glassfish/lib/client/appserver-cli.jar").toString(), "--interactive=false"));
            cmd.addAll(List.of(args));
            try {
                Files.writeString(output, "\n$ asadmin " + String.join(" ", args) + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                // Output to a file, never a pipe: start-domain's server inherits it and would hold a pipe open.
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                String javaHome = System.getProperty("java.home");
                pb.environment().put("AS_JAVA", javaHome);
                pb.environment().put("JAVA_HOME", javaHome);
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException("asadmin " + String.join(" ", args) + " took over " + timeout
                            + ":\n" + asadminOutput() + "\n" + logTail());
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("asadmin " + String.join(" ", args) + " exited with "
                            + p.exitValue() + ":\n" + asadminOutput() + "\n" + logTail());
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot run asadmin", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during asadmin " + String.join(" ", args), e);
            }
        }

        private String asadminOutput() {
            try {
                List<String> lines = Files.readAllLines(output, StandardCharsets.ISO_8859_1);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException e) {
                return "(no asadmin output)";
            }
        }

        private static void unzip(Path zip, Path target) throws IOException {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path out = target.resolve(e.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("Zip entry outside the target: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    // The zip's Unix modes are lost: make the scripts executable, as an operator's unzip would.
                    if (out.getParent().getFileName().toString().equals("bin")) {
                        try {
                            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                        } catch (UnsupportedOperationException ignored) {
                            // not a POSIX file system
                        }
                    }
                }
            }
        }

        /** A multiple of 100 below the ephemeral range whose 100 ports are all free (create-domain uses +0..+99). */
        private static int freePortBase() {
            for (int attempt = 0; attempt < 100; attempt++) {
                int base = ThreadLocalRandom.current().nextInt(100, 320) * 100;
                if (allFree(base, base + 99)) {
                    return base;
                }
            }
            throw new IllegalStateException("No free block of 100 ports found");
        }

        private static boolean allFree(int from, int to) {
            for (int port = from; port <= to; port++) {
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(false);
                    s.bind(new InetSocketAddress(port));
                } catch (IOException e) {
                    return false;
                }
            }
            return true;
        }

        private static String javaBin() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
