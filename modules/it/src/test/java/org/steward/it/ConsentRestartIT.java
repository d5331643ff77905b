package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Database;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/** Unsubscribe links and receipts outlive a restart: their keys are stored wrapped by the master key, not in memory. */
class ConsentRestartIT {

    @Test
    void unsubscribeLinksAndReceiptsStillWorkAfterARestart() {
        try (StewardServer server = StewardServer.war("consent-restart", Database.fresh("consentrestart"), Map.of())
                .start()) {
            Http http = server.http();
            String tenant = Fixtures.tenant(http, "CLOUD");
            String subject = Fixtures.subject(http, tenant);
            String base = "/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents";
            Http.Response link = http.post(base + "/unsubscribe-links", "{\"purpose\":\"explicit-consent-marketing\"}");
            assertThat(link.status()).as(link.toString()).isEqualTo(201);
            String path = URI.create(link.json().getString("url")).getRawPath();
            int v = http.put("/api/v1/consent/purposes/explicit-consent-marketing/notices/en",
                    "{\"text\":\"May we send you offers?\"}").json().getInt("version");
            JsonObject receipt = http.post(base, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\","
                    + "\"noticeVersion\":" + v + "}").json().getJsonObject("receipt");

            server.stop();
            server.start();

            Http anon = server.anonymous();
            Http.Response verified = anon.post("/api/v1/public/consent/receipts/verification", receipt.toString());
            assertThat(verified.json().getBoolean("valid")).as(verified.toString()).isTrue();
            assertThat(anon.get(path).status()).isEqualTo(200);
            Http.Response post = anon.send("POST", path, "application/x-www-form-urlencoded",
                    "List-Unsubscribe=One-Click");
            assertThat(post.status()).as(post.toString()).isEqualTo(200);
            JsonObject state = http.get(base).json().getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(o -> o.getString("purpose").equals("explicit-consent-marketing")).findFirst()
                    .orElseThrow();
            assertThat(state.getString("status")).isEqualTo("WITHDRAWN");
            assertThat(state.getString("source")).isEqualTo("EMAIL_LINK");
        }
    }
}
