package org.steward.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One line per whole-server start, so that a run shows how many it paid for: {@code ${steward.work}/starts.log}
 * (target/work/starts.log), tab-separated {@code server, kind, nth start of that server, test class that asked}.
 * The file is emptied at the first start of each test JVM, so it describes the last run. Count them with
 * {@code wc -l}, or per class with {@code cut -f4 starts.log | sort | uniq -c}.
 */
public final class StartLog {

    private static boolean truncated;

    private StartLog() {
    }

    public static synchronized void record(String server, String kind, int nth) {
        Path file = Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath().resolve("starts.log");
        String line = server + "\t" + kind + "\t" + nth + "\t" + caller().orElse("?") + "\n";
        try {
            Files.createDirectories(file.getParent());
            if (truncated) {
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, line, StandardCharsets.UTF_8);
                truncated = true;
            }
        } catch (IOException e) {
            // a count, not a test: never fail a start for it
        }
    }

    /** The test class (org.steward.it, outside support) on whose behalf the server starts. */
    private static Optional<String> caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(c -> c.startsWith("org.steward.it.") && !c.startsWith("org.steward.it.support."))
                .map(c -> c.substring("org.steward.it.".length()).replaceAll("\\$.*", ""))
                .findFirst());
    }
}
