package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Database;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;

/** Data survives a restart, and the migrations that run again at start-up leave an existing database unchanged. */
class RestartIT {

    @Test
    void dataSurvivesARestartAndMigrationsRunTwiceWithoutChange() throws Exception {
        Database db = Database.fresh("restart");
        try (StewardServer server = StewardServer.war("restart", db, Map.of()).start()) {
            Http http = server.http();
            String tenant = Fixtures.tenant(http, "CLOUD");
            Http.Response subject = http.post("/api/v1/tenants/" + tenant + "/subjects",
                    "{\"email\":\"restart-" + Fixtures.unique() + "@example.com\",\"displayName\":\"Ren Start\"}");
            assertThat(subject.status()).isEqualTo(201);
            String subjectId = subject.json().getString("id");
            String email = subject.json().getString("email");
            Http.Response contact = http.post("/api/v1/tenants/" + tenant + "/subjects/" + subjectId + "/contacts",
                    "{\"name\":\"Ren Start\",\"email\":\"" + email + "\",\"message\":\"call me after the restart\"}");
            assertThat(contact.status()).isEqualTo(201);

            TreeMap<String, String> schemaBefore;
            long historyBefore;
            try (Connection c = db.connect()) {
                schemaBefore = Tables.schema(c);
                historyBefore = Tables.count(c, "SELECT COUNT(*) FROM platform_schema_history")
                        + Tables.count(c, "SELECT COUNT(*) FROM identity_schema_history");
            }
            assertThat(historyBefore).isGreaterThanOrEqualTo(2);

            server.stop();
            server.start();

            Http.Response again = http.get("/api/v1/tenants/" + tenant + "/subjects/" + subjectId);
            assertThat(again.status()).as("after restart: %s\n%s", again, server.logTail()).isEqualTo(200);
            assertThat(again.json().getString("email")).isEqualTo(email);
            assertThat(again.json().getString("displayName")).isEqualTo("Ren Start");
            Http.Response found = http.get("/api/v1/tenants/" + tenant + "/subjects?email=" + email.toUpperCase());
            assertThat(found.json().getJsonArray("items")).hasSize(1);
            Http.Response contacts = http.get("/api/v1/tenants/" + tenant + "/subjects/" + subjectId + "/contacts");
            assertThat(contacts.json().getJsonArray("items").getJsonObject(0).getString("message"))
                    .isEqualTo("call me after the restart");

            try (Connection c = db.connect()) {
                assertThat(Tables.schema(c)).isEqualTo(schemaBefore);
                long historyAfter = Tables.count(c, "SELECT COUNT(*) FROM platform_schema_history")
                        + Tables.count(c, "SELECT COUNT(*) FROM identity_schema_history");
                assertThat(historyAfter).isEqualTo(historyBefore);
            }
        }
    }
}
