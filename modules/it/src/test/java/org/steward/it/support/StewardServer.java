package org.steward.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Steward on Payara Micro in a child process, on its own port, database and data directory. Tests talk to
 * it over HTTP only. A whole-server start costs 20-40 s, so test classes share servers, each started once per test
 * JVM (failsafe runs the classes one after another in one JVM) and stopped at its exit: {@link #shared()} for most
 * classes, {@link #sweeping()} for those that watch the retention sweep, {@link #quiet()} for the audit log's
 * tests, and {@link Pair#shared()} for two instances on one database. Tests that restart or kill a server start
 * their own. Every start is counted in {@link StartLog}.
 */
public final class StewardServer implements AutoCloseable {

    /** The servers that test classes share, by name: started once, on first use. */
    private static final Map<String, StewardServer> FIXTURES = new HashMap<>();

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** The bootstrap admin's password on test servers (STEWARD_ADMIN_PASSWORD). */
    public static final String ADMIN_PASSWORD = "it-admin-password-1";

    /** The public base URL of test servers (STEWARD_PUBLIC_URL): links in mail are built on it. */
    public static final String PUBLIC_URL = "https://privacy.steward.test";
    /** Every test user's password. */
    public static final String USER_PASSWORD = "it-user-password-1";

    /**
     * The environment that gives a server the testing clock, which tests move through {@link TestingClock}: pass it
     * (with any other settings) to {@link #war}. Moving a server's clock makes its due records really go, so only a
     * test class's own server gets it, never one that other classes share.
     */
    /** A cookie banner's origin that every test server allows for the public consent endpoints (CORS). */
    public static final String BANNER_ORIGIN = "https://www.banner.example";

    public static final Map<String, String> TESTING_CLOCK = Map.of("STEWARD_TESTING_CLOCK", "enabled");

    private final java.util.Map<String, Http> users = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private final String name;
    private final String kind;
    private final int port;
    private final Database database;
    private Process process;
    private int starts;
    /** Whether the last start (or wait) saw it ready. */
    private volatile boolean ready;

    private StewardServer(Path artifact, boolean uberJar, Database database, Map<String, String> extraEnv,
                          String name) {
        this(artifact, uberJar, database, extraEnv, name, List.of("--nocluster", "--nohazelcast"));
    }

    private StewardServer(Path artifact, boolean uberJar, Database database, Map<String, String> extraEnv,
                          String name, List<String> payaraArgs) {
        this.database = database;
        this.name = name;
        this.kind = (uberJar ? "uber-jar" : "war") + (payaraArgs.contains("--clustermode") ? ", cluster" : "");
        this.port = freePort();
        // Unique per server: concurrent test runs must never share a Payara root or a log.
        this.workDir = Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath()
                .resolve(name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        this.log = workDir.resolve("server.log");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m"));
        if (payaraArgs.contains("--clustermode")) {
            // A member binds its grid port to --interfaces only (Hazelcast binds every interface otherwise).
            cmd.add("-Dhazelcast.socket.bind.any=false");
        }
        if (!database.postgres()) {
            // Two servers share an H2 file through its auto-server, whose TCP port binds every interface otherwise.
            cmd.add("-Dh2.bindAddress=127.0.0.1");
        }
        cmd.add("-jar");
        if (uberJar) {
            cmd.add(artifact.toString());
        } else {
            cmd.add(runtime().resolve("payara-micro.jar").toString());
            cmd.addAll(List.of("--deploy", artifact.toString(), "--contextroot", "/"));
            // The uber-jar carries these commands; a WAR server gets the same file (no Server header...).
            Path preboot = Path.of(System.getProperty("steward.preboot",
                    "../app/src/main/payara/pre-boot-commands.txt")).toAbsolutePath();
            if (Files.exists(preboot)) {
                cmd.addAll(List.of("--prebootcommandfile", preboot.toString()));
            }
        }
        cmd.addAll(List.of("--port", String.valueOf(port), "--rootdir", workDir.resolve("payara").toString()));
        cmd.addAll(payaraArgs);
        this.command = cmd;
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("STEWARD_DATA_DIR", workDir.resolve("data").toString());
        env.put("STEWARD_IDENTITY_LICENCE_CHECK_PERIOD", "PT2S");
        env.put("STEWARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("STEWARD_PUBLIC_URL", PUBLIC_URL);
        env.put("STEWARD_MAIL_SMTP_HOST", Mailbox.host());
        env.put("STEWARD_MAIL_SMTP_PORT", Integer.toString(Mailbox.port()));
        env.put("STEWARD_REQUESTS_FULFILMENT_PERIOD", "PT1S");
        // Notices and propagations go out within a second, and a failed one is retried after about a second.
        env.put("STEWARD_SHARING_PERIOD", "PT1S");
        env.put("STEWARD_SHARING_RETRY_DELAY", "PT1S");
        // Atlassian reporting and the help center run every second; a failed call is retried after about a second.
        env.put("STEWARD_ATLASSIAN_PERIOD", "PT1S");
        env.put("STEWARD_ATLASSIAN_RETRY_DELAY", "PT1S");
        env.put("STEWARD_ATLASSIAN_POLL_PERIOD", "PT1S");
        env.put("MP_JWT_VERIFY_PUBLICKEY", Tokens.publicKeyBase64());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.put("STEWARD_CONSENT_CORS_ALLOWED_ORIGINS", BANNER_ORIGIN + ", https://other.banner.example");
        env.putAll(extraEnv);
        this.environment = env;
    }

    /**
     * The server most tests share: the WAR on Payara Micro, with the defaults (a sweep every minute). Unlike the
     * other test servers (which are given the test IdP's key inline), it reads the IdP's keys from its JWKS URL and
     * accepts RS256 and ES256, so that JwtIT can rotate them.
     */
    public static StewardServer shared() {
        return fixture("shared", () -> war("shared", Database.fresh("shared"), jwksEnvironment()));
    }

    /**
     * The WAR with a retention sweep every second, for the tests that wait for erasures. It is not the shared one:
     * there, an erasure queued by one test would complete within a second under the next assertion of another
     * (SubjectsIT flags a subject as a minor and reads it again). Its master key is configured, not generated, so that
     * ErasureDumpIT can show that a ciphertext was readable before the erasure ({@link #masterKey()}).
     */
    public static final String ROPA_CONTROLLER_ADDRESS =
            "5F, Narakiium Samseong-dong A Building, 32 Teheran-ro 83-gil, Gangnam-gu, Seoul, Republic of Korea";

    /**
     * The WAR with the testing clock, a sweep and the request jobs every second, and a short "stuck" limit: for the
     * tests that move time (ClockIT, RequestWatchdogIT). Each such test class puts the clock back when it ends.
     */
    public static StewardServer clocked() {
        Map<String, String> env = new java.util.HashMap<>(TESTING_CLOCK);
        env.put("STEWARD_RETENTION_SWEEP_PERIOD", "PT1S");
        env.put("STEWARD_REQUESTS_WATCHDOG_PERIOD", "PT1S");
        env.put("STEWARD_REQUESTS_STUCK_AFTER", "PT30M");
        // SharingIT's webhook receivers and OpenDSR processor, and AtlassianIT's stand-ins for Atlassian and JSM,
        // listen on plain http on 127.0.0.1.
        env.put("STEWARD_SHARING_ALLOW_HTTP", "true");
        env.put("STEWARD_SHARING_ALLOW_PRIVATE_ADDRESSES", "true");
        env.put("STEWARD_ATLASSIAN_ALLOW_HTTP", "true");
        env.put("STEWARD_ATLASSIAN_ALLOW_PRIVATE_ADDRESSES", "true");
        return fixture("clock", () -> war("clock", Database.fresh("clock"), env));
    }

    /** Where the consent banner's test website is served (ConsentBannerIT): an origin the demo server allows. */
    public static final int BANNER_SITE_PORT = Ports.free();

    /**
     * The uber-jar with the demo switch on: the fictional dataset is loaded before it is ready. The browser tests
     * run on it, so that their screenshots show a living console; webhook subscribers listen on plain http on
     * 127.0.0.1, and the banner's test website is an allowed origin.
     */
    public static StewardServer demo() {
        return fixture("demo", () -> uberJar("demo", Database.fresh("demo"), Map.of(
                "STEWARD_DEMO", "enabled",
                "STEWARD_SHARING_ALLOW_HTTP", "true",
                "STEWARD_SHARING_ALLOW_PRIVATE_ADDRESSES", "true",
                "STEWARD_CONSENT_CORS_ALLOWED_ORIGINS", "http://127.0.0.1:" + BANNER_SITE_PORT)));
    }

    public static StewardServer sweeping() {
        return fixture("sweeping", () -> war("sweeping", Database.fresh("sweeping"), Map.of(
                "STEWARD_RETENTION_SWEEP_PERIOD", "PT1S",
                "STEWARD_CRYPTO_MASTER_KEY", Base64.getEncoder().encodeToString(randomKey()),
                // The head of the Art. 30 record, configured here and left unset on the shared server (ConsentIT).
                "STEWARD_CONSENT_CONTROLLER_ADDRESS", ROPA_CONTROLLER_ADDRESS,
                "STEWARD_CONSENT_PRIVACY_OFFICER_NAME", "Min-jun Park",
                "STEWARD_CONSENT_PRIVACY_OFFICER_CONTACT", "privacy@osci.example",
                "STEWARD_CONSENT_ORGANISATIONAL_MEASURES", "Access rights reviewed every quarter")));
    }

    /**
     * A server that nothing writes to behind a test's back, for AuditIT, which counts and tampers with the whole
     * audit chain: no other test class's leftovers for the sweep (erasures, expired licences). It is the uber-jar,
     * so that PackagingIT checks that packaging on it instead of starting one more server; PackagingIT never runs
     * while AuditIT does.
     */
    public static StewardServer quiet() {
        // The watchdog every second, so that PackagingIT sees it run on the uber-jar (nothing to remind or purge here).
        return fixture("quiet", () -> uberJar("quiet", Database.fresh("quiet"),
                Map.of("STEWARD_REQUESTS_WATCHDOG_PERIOD", "PT1S")));
    }

    /**
     * The fixture of this name, created and started at the first call. A failed start is not repeated: a later
     * caller waits for the same process to become ready (a start interrupted by a test's timeout may still
     * finish), and fails at once if it has exited.
     */
    static synchronized StewardServer fixture(String name, java.util.function.Supplier<StewardServer> create) {
        StewardServer server = FIXTURES.get(name);
        if (server == null) {
            server = create.get();
            FIXTURES.put(name, server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.start();
        } else if (!server.ready) {
            server.awaitReady(READY_TIMEOUT);
        }
        return server;
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The settings that make a server read the test IdP's keys from its JWKS (RS256 and ES256 accepted). */
    public static Map<String, String> jwksEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY", "", // blank: not configured, so the location applies
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", Tokens.jwksUri().toString(),
                "MP_JWT_VERIFY_PUBLICKEY_ALGORITHM", "RS256,ES256");
    }

    public static StewardServer war(String name, Database database, Map<String, String> env) {
        return new StewardServer(runtime().resolve("steward.war"), false, database, env, name);
    }

    /**
     * The WAR on Payara Micro with these Payara Micro arguments instead of {@code --nocluster --nohazelcast}, e.g. a
     * loopback cluster ({@link #clusterArgs}).
     */
    public static StewardServer war(String name, Database database, Map<String, String> env,
                                    List<String> payaraArgs) {
        return new StewardServer(runtime().resolve("steward.war"), false, database, env, name, payaraArgs);
    }

    /**
     * Payara Micro arguments that put instance {@code index} (0, 1, …) of {@code size} into a Hazelcast cluster on
     * loopback named {@code clusterName}, with the members on ports {@code basePort}, {@code basePort + 1}, …
     */
    public static List<String> clusterArgs(String clusterName, int basePort, int size, int index) {
        StringBuilder members = new StringBuilder("tcpip:");
        for (int i = 0; i < size; i++) {
            members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(basePort + i);
        }
        return List.of("--clustermode", members.toString(), "--interfaces", "127.0.0.1", "--clustername",
                clusterName, "--startport", String.valueOf(basePort + index));
    }

    public static StewardServer uberJar(String name, Database database, Map<String, String> env) {
        return new StewardServer(Path.of(System.getProperty("steward.uberjar", "../app/target/steward.jar"))
                .toAbsolutePath(), true, database, env, name);
    }

    /**
     * The uber-jar with these Payara Micro arguments instead of {@code --nocluster --nohazelcast} (none: only the
     * options baked into it, as an operator runs it).
     */
    public static StewardServer uberJar(String name, Database database, Map<String, String> env,
                                        List<String> payaraArgs) {
        return new StewardServer(Path.of(System.getProperty("steward.uberjar", "../app/target/steward.jar"))
                .toAbsolutePath(), true, database, env, name, payaraArgs);
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    public static Path runtime() {
        return Path.of(System.getProperty("steward.runtime", "target/runtime")).toAbsolutePath();
    }

    public synchronized StewardServer start() {
        try {
            Files.createDirectories(workDir);
            // A Payara root left by a previous start redeploys its old copy of the app beside the new one.
            deleteTree(workDir.resolve("payara"));
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(starts == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                            : ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(environment);
            process = pb.start();
            starts++;
            StartLog.record(name, kind, starts);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Payara Micro", e);
        }
        awaitReady(READY_TIMEOUT);
        return this;
    }

    /**
     * Starts the process and returns at once, without waiting for readiness: for a test that expects the start-up to
     * be refused and reads {@link #log()}. {@link #close()} stops it.
     */
    public synchronized StewardServer launch() {
        try {
            Files.createDirectories(workDir);
            deleteTree(workDir.resolve("payara"));
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(environment);
            process = pb.start();
            starts++;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Payara Micro", e);
        }
        return this;
    }

    /**
     * Polls {@code /health/ready} until it answers 200, or fails with the tail of the server log. It speaks HTTP/1.1,
     * as {@link Http} does: the JDK client's default upgrades to HTTP/2 (h2c) and then sends every poll over that one
     * connection. A server that logged "ready in" and still does not answer gets its threads dumped
     * ({@link #dumpThreads}) once a minute, so that a stall shows its cause in the failure, not only its symptom.
     */
    public void awaitReady(Duration timeout) {
        ready = false;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextDump = 0;
        String last = "no answer";
        List<Path> dumps = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    ready = true;
                    if (!dumps.isEmpty()) {
                        System.out.println("[StewardServer] " + name + " answered after a stall; thread dumps: "
                                + dumps);
                    }
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (java.net.http.HttpTimeoutException e) {
                last = e.toString();
                if (System.nanoTime() > nextDump && loggedReady()) {
                    dumps.add(dumpThreads());
                    nextDump = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                }
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        String stall = dumps.isEmpty() ? "" : "\nThread dumps taken while it did not answer: " + dumps
                + "\nThe last one's busy threads:\n" + busyThreads(dumps.get(dumps.size() - 1));
        throw new IllegalStateException("Steward was not ready within " + timeout + " on " + uri("/health/ready")
                + " (last: " + last + "):\n" + logTail() + stall);
    }

    private boolean loggedReady() {
        try {
            return Files.exists(log) && Files.readString(log).contains(" ready in ");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code jcmd <pid> Thread.print -l} into the server's work directory; returns the file. */
    Path dumpThreads() {
        Path out = workDir.resolve("threads-" + System.currentTimeMillis() + ".txt");
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
        } catch (IOException e) {
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /**
     * The dump's threads that can explain a stall: blocked ones, ones in Steward's code, and running ones outside the
     * JVM's and the pools' idle loops.
     */
    static String busyThreads(Path dump) {
        try {
            StringBuilder busy = new StringBuilder();
            for (String thread : Files.readString(dump).split("\n\n")) {
                boolean running = thread.contains("State: RUNNABLE") && thread.split("\n\tat ").length > 4
                        && !thread.contains("EPoll") && !thread.contains("accept0") && !thread.contains("jcmd");
                if (thread.startsWith("\"") && (thread.contains("State: BLOCKED") || thread.contains("org.steward.")
                        || running)) {
                    busy.append(thread.lines().limit(30).collect(java.util.stream.Collectors.joining("\n")))
                            .append("\n\n");
                }
            }
            return busy.length() > 20_000 ? busy.substring(0, 20_000) : busy.toString();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A graceful stop, as an operator's service manager would do it. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dropPayaraRoot();
    }

    /** Payara's root (an unpacked copy of the app, ~100 MB) is rebuilt at every start; the log and data stay. */
    private void dropPayaraRoot() {
        try {
            deleteTree(workDir.resolve("payara"));
        } catch (IOException e) {
            // best effort: it is deleted again before the next start
        }
    }

    /** {@code kill -9}: no shutdown hooks, no flushing. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * A client that authenticates as an operator holding ADMIN, PRIVACY_OFFICER and AUDITOR: what most tests need to
     * exercise an endpoint. Authorization itself is tested with {@link #as} and {@link #anonymous()}.
     */
    public Http http() {
        return as(null, "ADMIN", "PRIVACY_OFFICER", "AUDITOR");
    }

    /** The bootstrap admin (role ADMIN only). */
    public Http admin() {
        return new Http(this).basic("admin", ADMIN_PASSWORD);
    }

    public Http anonymous() {
        return new Http(this);
    }

    /** A user with exactly these roles (bound to {@code tenantId} when not null), created once per server. */
    public Http as(String tenantId, String... roles) {
        String key = String.join(",", roles) + "@" + tenantId;
        return users.computeIfAbsent(key, k -> {
            String username = "it-" + java.util.UUID.randomUUID().toString().substring(0, 12);
            String roleList = java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"")
                    .collect(java.util.stream.Collectors.joining(","));
            Http.Response r = admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                    + USER_PASSWORD + "\",\"roles\":[" + roleList + "]"
                    + (tenantId == null ? "" : ",\"tenantId\":\"" + tenantId + "\"") + "}");
            if (r.status() != 201) {
                throw new IllegalStateException("Cannot create test user " + key + ": " + r);
            }
            return new Http(this).basic(username, USER_PASSWORD);
        });
    }

    /** A machine client with an API key of these roles, bound to {@code tenantId} when not null. */
    public Http apiKey(String tenantId, String... roles) {
        String roleList = java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        Http.Response r = admin().post("/api/v1/api-keys", "{\"name\":\"it-key\",\"roles\":[" + roleList + "]"
                + (tenantId == null ? "" : ",\"tenantId\":\"" + tenantId + "\"") + "}");
        if (r.status() != 201) {
            throw new IllegalStateException("Cannot issue test API key: " + r);
        }
        return new Http(this).apiKey(r.json().getString("key"));
    }

    public Database database() {
        return database;
    }

    /** The master key this server was given (STEWARD_CRYPTO_MASTER_KEY); fails for the embedded default. */
    public byte[] masterKey() {
        String key = environment.get("STEWARD_CRYPTO_MASTER_KEY");
        if (key == null) {
            throw new IllegalStateException("Server " + name + " generates its own master key");
        }
        return Base64.getDecoder().decode(key);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() {
        return Ports.free();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
