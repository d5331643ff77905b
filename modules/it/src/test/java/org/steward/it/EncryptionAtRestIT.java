package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;

/** Personal data is stored encrypted: no stored value of any table contains a subject's identifiers or fields. */
class EncryptionAtRestIT {

    private final StewardServer server = StewardServer.shared();
    private final Http http = server.http();

    @Test
    void noPlaintextPersonalDataReachesTheDatabaseOrTheLog() throws Exception {
        String u = Fixtures.unique();
        String email = "zelda." + u + "@example.org";
        String username = "zelda_" + u;
        String accountId = "557058:" + u;
        String name = "Zelda Quux" + u;
        String token = "ATATT-secret-" + u;
        String feedback = "The sync dropped my comments " + u;
        String tenant = Fixtures.tenant(http, "CLOUD");
        Http.Response subject = http.post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"" + email + "\",\"username\":\"" + username + "\",\"accountId\":\"" + accountId
                        + "\",\"displayName\":\"" + name + "\"}");
        assertThat(subject.status()).isEqualTo(201);
        String base = "/api/v1/tenants/" + tenant + "/subjects/" + subject.json().getString("id");
        assertThat(http.post(base + "/feedback", "{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"text\":\"" + feedback + "\"}").status()).isEqualTo(201);
        assertThat(http.post(base + "/connections", "{\"siteUrl\":\"https://z" + u + ".atlassian.net\","
                + "\"userEmail\":\"" + email + "\",\"personalAccessToken\":\"" + token + "\"}").status())
                .isEqualTo(201);
        Http.Response connections = http.get(base + "/connections");
        assertThat(connections.body()).doesNotContain(token).contains("\"hasToken\":true");

        String dump;
        try (Connection c = server.database().connect()) {
            dump = Tables.dump(c);
        }
        assertThat(dump).contains(tenant); // the dump did read the rows
        for (String value : List.of(email, email.toLowerCase(), username, accountId, name, token, feedback)) {
            assertThat(dump).as("stored data must not contain %s", value).doesNotContain(value);
        }
        String log = java.nio.file.Files.readString(server.log());
        for (String value : List.of(email, username, accountId, name, token, feedback)) {
            assertThat(log).as("the server log must not contain %s", value).doesNotContain(value);
        }
    }
}
