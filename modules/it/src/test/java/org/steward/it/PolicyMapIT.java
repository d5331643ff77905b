package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/** The promise map over HTTP: the committed docs/policy-map.yaml, as packaged in the WAR, for auditors. */
class PolicyMapIT {

    static final StewardServer SERVER = StewardServer.shared();

    /** The ids of the committed map, in order (the IT reads the file as text: it has no YAML parser of its own). */
    static List<String> committedIds() throws Exception {
        Path yaml = Path.of(System.getProperty("user.dir")).resolve("../../docs/policy-map.yaml").normalize();
        Matcher m = Pattern.compile("(?m)^  - id: \"([^\"]+)\"").matcher(Files.readString(yaml));
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void anAuditorReadsTheMapThatTheBuildPackaged() throws Exception {
        Http.Response r = SERVER.as(null, "AUDITOR").get("/api/v1/policy-map");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonObject map = r.json();
        assertThat(map.getString("policy")).isEqualTo("docs/privacy-policy.txt");
        List<JsonObject> clauses = map.getJsonArray("clauses").stream().map(JsonObject.class::cast).toList();
        assertThat(clauses.stream().map(c -> c.getString("id")).toList()).isEqualTo(committedIds());
        for (int n = 1; n <= 14; n++) {
            String clause = "§" + n;
            assertThat(clauses).as(clause).anyMatch(c -> c.getString("id").matches(clause + "([a-z.].*)?"));
        }
        JsonObject states = map.getJsonObject("states");
        assertThat(states.getInt("enforced") + states.getInt("partial") + states.getInt("notEnforced"))
                .isEqualTo(clauses.size());
        // Plainly said: the no-sale promise is not kept on this build yet, and an enforced clause names its tests.
        JsonObject noSale = clauses.stream().filter(c -> c.getString("id").equals("§11")).findFirst().orElseThrow();
        assertThat(noSale.getString("promise")).contains("do not sell");
        assertThat(noSale.getString("state")).isIn("enforced", "partial", "not-enforced");
        assertThat(clauses).filteredOn(c -> c.getString("state").equals("enforced"))
                .allMatch(c -> !c.getJsonArray("provedBy").isEmpty());
    }

    @Test
    void adminsAndPrivacyOfficersReadItTooAndNobodyElse() {
        assertThat(SERVER.admin().get("/api/v1/policy-map").status()).isEqualTo(200);
        assertThat(SERVER.as(null, "PRIVACY_OFFICER").get("/api/v1/policy-map").status()).isEqualTo(200);
        problem(SERVER.as(null, "SUPPORT_AGENT").get("/api/v1/policy-map"), 403, "forbidden");
        assertThat(SERVER.anonymous().get("/api/v1/policy-map").status()).isEqualTo(401);
    }
}
