import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Build step of the app (a single-file program, run by the exec plugin after the uber-jar is complete): the AppCDS
 * training run. It starts {@code steward.jar} once with {@code -XX:ArchiveClassesAtExit}, on the embedded H2 in a
 * scratch directory, waits for {@code /health/ready}, and stops it; the JVM writes the archive of every class it
 * loaded (Payara's, the WAR's and the JDK's) as it exits. A later start with
 * {@code -XX:SharedArchiveFile=steward.jsa} maps those classes instead of reading, parsing and verifying them again.
 *
 * <p>The archive only fits this JDK build and this very {@code steward.jar} at this path: the JVM checks both, and
 * ignores the archive silently when either differs (the start is then as slow as without it, never broken).
 *
 * <p>Arguments: steward.jar, archive to write, scratch directory (emptied first).
 */
public final class CdsTraining {

    private static final Duration READY_WITHIN = Duration.ofSeconds(300);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CdsTraining <steward.jar> <archive.jsa> <scratch dir>");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path scratch = Path.of(args[2]).toAbsolutePath();
        delete(scratch);
        Files.createDirectories(scratch.resolve("data"));
        Files.deleteIfExists(archive);
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        // The same JDK as this build step, and the user's command otherwise (java -jar steward.jar --port P).
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar",
                jar.toString(), "--port", String.valueOf(port)))
                .directory(scratch.toFile())
                .redirectErrorStream(true)
                .redirectOutput(scratch.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        // Never the build's database or keys (CI exports STEWARD_DB_URL for its tests), nor JVM options that would
        // change what is archived.
        env.keySet().removeIf(k -> k.startsWith("STEWARD_") || k.startsWith("MP_")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("STEWARD_DATA_DIR", scratch.resolve("data").toString());
        env.put("STEWARD_HTTP_ADDRESS", "127.0.0.1");
        env.put("STEWARD_ADMIN_PASSWORD", "cds-training-" + Long.toHexString(System.nanoTime()));
        long t0 = System.nanoTime();
        Process server = pb.start();
        try {
            awaitReady(server, port, scratch);
            System.out.println("CDS training: ready after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            server.destroy(); // SIGTERM: an orderly exit, at which the JVM writes the archive
            if (!server.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new IllegalStateException("CDS training: the server did not exit; see " + scratch.resolve(
                        "server.log"));
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("CDS training: no archive was written; see " + scratch.resolve(
                    "server.log"));
        }
        System.out.println("CDS training: wrote " + archive + " (" + Files.size(archive) / (1024 * 1024)
                + " MB) in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        delete(scratch.resolve("data"));
    }

    private static void awaitReady(Process server, int port, Path scratch) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("CDS training: the server exited (" + server.exitValue()
                        + "); see " + scratch.resolve("server.log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("CDS training: not ready within " + READY_WITHIN + "; see "
                + scratch.resolve("server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
