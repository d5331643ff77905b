package org.steward.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Steward on Payara Micro in a child process, on its own port, database and data directory. Tests talk to
 * it over HTTP only. {@link #shared()} is the one server that most test classes use; tests that restart or kill a
 * server start their own.
 */
public final class StewardServer implements AutoCloseable {

    private static StewardServer shared;

    /** The bootstrap admin's password on test servers (STEWARD_ADMIN_PASSWORD). */
    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    /** Every test user's password. */
    public static final String USER_PASSWORD = "it-user-password-1";

    /**
     * The environment that gives a server the testing clock, which tests move through {@link TestingClock}: pass it
     * (with any other settings) to {@link #war}. Moving a server's clock makes its due records really go, so only a
     * test class's own server gets it, never one that other classes share.
     */
    public static final Map<String, String> TESTING_CLOCK = Map.of("STEWARD_TESTING_CLOCK", "enabled");

    private final java.util.Map<String, Http> users = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private final int port;
    private final Database database;
    private Process process;
    private int starts;

    private StewardServer(Path artifact, boolean uberJar, Database database, Map<String, String> extraEnv,
                          String name) {
        this(artifact, uberJar, database, extraEnv, name, List.of("--nocluster", "--nohazelcast"));
    }

    private StewardServer(Path artifact, boolean uberJar, Database database, Map<String, String> extraEnv,
                          String name, List<String> payaraArgs) {
        this.database = database;
        this.port = freePort();
        // Unique per server: concurrent test runs must never share a Payara root or a log.
        this.workDir = Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath()
                .resolve(name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        this.log = workDir.resolve("server.log");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar"));
        if (uberJar) {
            cmd.add(artifact.toString());
        } else {
            cmd.add(runtime().resolve("payara-micro.jar").toString());
            cmd.addAll(List.of("--deploy", artifact.toString(), "--contextroot", "/"));
        }
        cmd.addAll(List.of("--port", String.valueOf(port), "--rootdir", workDir.resolve("payara").toString()));
        cmd.addAll(payaraArgs);
        this.command = cmd;
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("STEWARD_DATA_DIR", workDir.resolve("data").toString());
        env.put("STEWARD_IDENTITY_LICENCE_CHECK_PERIOD", "PT2S");
        env.put("STEWARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("MP_JWT_VERIFY_PUBLICKEY", Tokens.publicKeyBase64());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.putAll(extraEnv);
        this.environment = env;
    }

    /**
     * The server most tests share: the WAR on Payara Micro. Started once per test JVM, stopped at its exit. Unlike the
     * other test servers (which are given the test IdP's key inline), it reads the IdP's keys from its JWKS URL and
     * accepts RS256 and ES256, so that JwtIT can rotate them.
     */
    public static synchronized StewardServer shared() {
        if (shared == null) {
            shared = war("shared", Database.fresh("shared"), jwksEnvironment());
            shared.start();
            StewardServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
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
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Payara Micro", e);
        }
        awaitReady(Duration.ofSeconds(180));
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

    /** Polls {@code /health/ready} until it answers 200, or fails with the tail of the server log. */
    public void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Steward was not ready within " + timeout + " on " + uri("/health/ready")
                + " (last: " + last + "):\n" + logTail());
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
