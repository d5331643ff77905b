package org.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/policy-map.md is rendered from docs/policy-map.yaml and must be current. After editing the YAML, rewrite it:
 * {@code mvn -o -q -pl modules/app -am test -Dtest=PolicyMapDocumentTest -Dpolicy-map.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PolicyMapDocumentTest {

    static final Path DOC = PolicyMapTest.ROOT.resolve("docs/policy-map.md");

    @Test
    void theRenderedMapIsCurrent() throws IOException {
        String rendered = render(PolicyMapTest.map());
        if (Boolean.getBoolean("policy-map.write")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "")
                .as("docs/policy-map.md is rendered from docs/policy-map.yaml: rerun with -Dpolicy-map.write=true")
                .isEqualTo(rendered);
    }

    static String render(PolicyMap map) {
        StringBuilder md = new StringBuilder();
        md.append("# The promise map\n\n")
                .append("Each clause of the privacy policy (`").append(map.policy()).append("`), the code that keeps it and the\n")
                .append("tests that prove it. Rendered from `docs/policy-map.yaml` (the source: edit that, then rerun\n")
                .append("`PolicyMapDocumentTest` with `-Dpolicy-map.write=true`); served to ADMIN, PRIVACY_OFFICER and AUDITOR at\n")
                .append("`GET /api/v1/policy-map`. `PolicyMapTest` checks that every clause has an entry and that every class and\n")
                .append("test named here exists.\n\n");
        long enforced = count(map, "enforced");
        long partial = count(map, "partial");
        long not = count(map, "not-enforced");
        md.append("**").append(enforced).append(" enforced, ").append(partial).append(" partial, ").append(not)
                .append(" not enforced** (of ").append(map.clauses().size()).append(" entries).\n\n");
        md.append("| clause | title | state | enforced by | proved by |\n|---|---|---|---|---|\n");
        for (PolicyMap.Clause c : map.clauses()) {
            md.append("| ").append(cell(c.id())).append(" | ").append(cell(c.title())).append(" | **")
                    .append(c.state()).append("** | ").append(list(c.enforcedBy())).append(" | ")
                    .append(list(c.provedBy())).append(" |\n");
        }
        md.append("\n## Clauses\n");
        for (PolicyMap.Clause c : map.clauses()) {
            md.append("\n### ").append(c.id()).append(" ").append(c.title()).append("\n\n")
                    .append("> ").append(c.promise()).append("\n\n")
                    .append("State: **").append(c.state()).append("**.");
            if (c.notes() != null && !c.notes().isBlank()) {
                md.append(" ").append(c.notes());
            }
            md.append("\n");
        }
        return md.toString();
    }

    private static long count(PolicyMap map, String state) {
        return map.clauses().stream().filter(c -> c.state().equals(state)).count();
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "–" : String.join("<br>", names.stream().map(n -> "`" + cell(n) + "`").toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
