package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/**
 * The shared test server checks licences every 2 s (STEWARD_IDENTITY_LICENCE_CHECK_PERIOD=PT2S). The last day itself
 * (still ACTIVE, EXPIRED from the next day on) is ClockIT's: on the real clock it failed when the date changed
 * during the test.
 */
class LicenceExpiryIT {

    private final Http http = StewardServer.shared().http();

    @Test
    void aLicencePastItsExpiryDateExpiresWithinOnePeriodAndOnlyOnce() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Http.Response created = http.post("/api/v1/tenants", Fixtures.tenantJson("CLOUD", yesterday.toString()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().getString("id");

        String status = awaitStatus(id, "EXPIRED", 15_000);
        assertThat(status).isEqualTo("EXPIRED");

        Thread.sleep(5_000); // two more periods: the event must not fire again
        JsonArray history = http.get("/api/v1/tenants/" + id + "/licence/history").jsonArray();
        assertThat(history.stream().map(v -> ((JsonObject) v).getString("reason")).toList())
                .containsExactly("REGISTERED", "EXPIRED");

        Http.Response renewed = http.put("/api/v1/tenants/" + id + "/licence",
                "{\"key\":\"REN-" + Fixtures.unique() + "\",\"expiresOn\":\"2099-01-01\"}");
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().getJsonObject("licence").getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void anExpiredLicenceAcceptsNoPersonalDataAndSaysSo() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String id = http.post("/api/v1/tenants", Fixtures.tenantJson("CLOUD", yesterday.toString())).json()
                .getString("id");
        assertThat(awaitStatus(id, "EXPIRED", 15_000)).isEqualTo("EXPIRED");

        JsonObject p = ProblemAssert.problem(http.post("/api/v1/tenants/" + id + "/subjects",
                "{\"email\":\"expired@example.com\"}"), 422, "licence-ended", "licence.state");

        assertThat(p.getJsonArray("errors").getJsonObject(0).getString("message")).contains("EXPIRED");
        ProblemAssert.problem(http.post("/api/v1/tenants/" + id + "/subjects/00000000-0000-7000-8000-000000000000"
                + "/contacts", "{\"name\":\"A\",\"email\":\"a@example.com\"}"), 422, "licence-ended",
                "licence.state");
        assertThat(http.get("/api/v1/tenants/" + id + "/subjects").json().getJsonArray("items")).isEmpty();
    }

    private String awaitStatus(String id, String expected, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        String status = licenceStatus(id);
        while (!expected.equals(status) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            status = licenceStatus(id);
        }
        return status;
    }

    private String licenceStatus(String id) {
        return http.get("/api/v1/tenants/" + id).json().getJsonObject("licence").getString("status");
    }
}
