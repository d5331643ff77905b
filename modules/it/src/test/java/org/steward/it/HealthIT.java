package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

class HealthIT {

    private final Http http = StewardServer.shared().http();

    @Test
    void readinessReportsTheDatabaseAndTheMigrations() {
        Http.Response r = http.get("/health/ready");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"name\":\"steward\"").contains("\"database\":\"true\"")
                .contains("\"migrated\":\"true\"");
    }
}
