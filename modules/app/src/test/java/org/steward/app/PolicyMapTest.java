package org.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The promise map against the policy and the source tree: every clause of docs/privacy-policy.txt has an entry,
 * every class and test it names exists, and a clause marked enforced names a test that proves it.
 */
class PolicyMapTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path MAP = ROOT.resolve("docs/policy-map.yaml");
    static final Path POLICY = ROOT.resolve("docs/privacy-policy.txt");

    /** "§4", "§4a", "§4b.data-center". */
    static final Pattern ID = Pattern.compile("§(\\d+)([a-z])?(?:\\.[a-z0-9-]+)?");
    static final Pattern CLAUSE = Pattern.compile("^(\\d+)\\. \\S.*");
    static final Pattern SUB_CLAUSE = Pattern.compile("^([a-z])\\) \\S.*");
    static final Pattern TEST = Pattern.compile("([A-Z][A-Za-z0-9_]*)#([a-z][A-Za-z0-9_]*)");

    static PolicyMap map() {
        try (InputStream in = Files.newInputStream(MAP)) {
            return PolicyMap.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clauses the policy numbers: "§1".."§14", and "§4a", "§4b" where a clause has lettered parts. */
    static Set<String> policyClauses() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        String clause = null;
        for (String line : Files.readAllLines(POLICY, StandardCharsets.UTF_8)) {
            Matcher c = CLAUSE.matcher(line.strip());
            Matcher sub = SUB_CLAUSE.matcher(line.strip());
            if (c.matches()) {
                clause = "§" + c.group(1);
                ids.add(clause);
            } else if (sub.matches() && clause != null) {
                ids.remove(clause); // its parts stand for it
                ids.add(clause + sub.group(1));
            }
        }
        return ids;
    }

    /** The clause an entry belongs to: "§4b.data-center" → "§4b", "§9.erasure" → "§9". */
    static String clauseOf(String id) {
        Matcher m = ID.matcher(id);
        assertThat(m.matches()).as("id %s is §N, §Na or §N.name", id).isTrue();
        return "§" + m.group(1) + (m.group(2) == null ? "" : m.group(2));
    }

    /** Simple name (and Outer.Inner) → the source files that declare it, under every module's src/main/java. */
    static Map<String, List<Path>> sources(String tree) throws IOException {
        Map<String, List<Path>> byName = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("modules"))) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/" + tree + "/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .forEach(p -> byName.computeIfAbsent(p.getFileName().toString().replace(".java", ""),
                            k -> new ArrayList<>()).add(p));
        }
        return byName;
    }

    @Test
    void thePolicyHasTheFourteenClausesThisTestReads() throws IOException {
        assertThat(policyClauses()).contains("§1", "§3", "§4a", "§4b", "§9", "§11", "§14").doesNotContain("§4")
                .hasSize(15);
    }

    @Test
    void everyClauseOfThePolicyHasAnEntryAndEveryEntryAClause() throws IOException {
        Set<String> clauses = policyClauses();
        Set<String> covered = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (PolicyMap.Clause c : map().clauses()) {
            assertThat(ids.add(c.id())).as("id %s is used once", c.id()).isTrue();
            String clause = clauseOf(c.id());
            assertThat(clauses).as("%s names a clause of the policy", c.id()).contains(clause);
            covered.add(clause);
        }
        assertThat(covered).as("clauses with an entry").containsAll(clauses);
    }

    @Test
    void everyEntryIsComplete() {
        for (PolicyMap.Clause c : map().clauses()) {
            assertThat(c.title()).as(c.id() + " title").isNotBlank();
            assertThat(c.promise()).as(c.id() + " promise").isNotBlank();
            assertThat(PolicyMap.STATES).as(c.id() + " state").contains(c.state());
            if (c.state().equals("enforced")) {
                assertThat(c.provedBy()).as("%s is enforced, so a test proves it", c.id()).isNotEmpty();
                assertThat(c.enforcedBy()).as("%s is enforced, so code enforces it", c.id()).isNotEmpty();
            } else {
                assertThat(c.notes()).as("%s is %s: the notes say what is missing", c.id(), c.state()).isNotBlank();
            }
        }
    }

    @Test
    void everyNamedClassExistsInTheSourceTree() throws IOException {
        Map<String, List<Path>> main = sources("main");
        List<String> missing = new ArrayList<>();
        for (PolicyMap.Clause c : map().clauses()) {
            for (String name : c.enforcedBy()) {
                String outer = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                List<Path> files = main.getOrDefault(outer, List.of());
                Pattern nested = Pattern.compile("\\b(class|record|interface|enum) "
                        + Pattern.quote(name.substring(name.indexOf('.') + 1)) + "\\b");
                boolean found = !files.isEmpty() && (!name.contains(".")
                        || files.stream().anyMatch(f -> nested.matcher(read(f)).find()));
                if (!found) {
                    missing.add(c.id() + ": " + name);
                }
            }
        }
        assertThat(missing).as("classes named by the map but not in any module's src/main/java").isEmpty();
    }

    @Test
    void everyNamedTestMethodExistsInTheSourceTree() throws IOException {
        Map<String, List<Path>> tests = sources("test");
        List<String> missing = new ArrayList<>();
        for (PolicyMap.Clause c : map().clauses()) {
            for (String test : c.provedBy()) {
                Matcher m = TEST.matcher(test);
                if (!m.matches()) {
                    missing.add(c.id() + ": " + test + " is not TestClass#method");
                    continue;
                }
                Pattern method = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest)\\b(?:[^;{}]|\\{[^{}]*})*?\\bvoid "
                        + Pattern.quote(m.group(2)) + "\\s*\\(");
                boolean found = tests.getOrDefault(m.group(1), List.of()).stream()
                        .anyMatch(f -> method.matcher(read(f)).find());
                if (!found) {
                    missing.add(c.id() + ": " + test);
                }
            }
        }
        assertThat(missing).as("tests named by the map but not in any module's src/test/java").isEmpty();
    }

    @Test
    void thePackagedMapIsTheCommittedOne() {
        assertThat(PolicyMap.packaged()).isEqualTo(map());
    }

    @Test
    void aWrongShapeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyMap.parse(
                new java.io.ByteArrayInputStream("clauses: 3".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyMap.parse(new java.io.ByteArrayInputStream(
                "clauses:\n  - id: x\n    provedBy: A#b\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
