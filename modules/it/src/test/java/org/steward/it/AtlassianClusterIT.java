package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.it.support.AtlassianStandIn;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Pair;

/**
 * Two instances on one database both run the reporter every second: the tenant's lease lets one report at a time,
 * and each batch's answer is recorded before the next is read, so Atlassian sees every account once, whichever
 * instance sends it.
 */
class AtlassianClusterIT {

    @Test
    void twoInstancesSendEachBatchOnce() {
        Pair pair = Pair.shared();
        Http a = pair.a().http();
        Http b = pair.b().http();
        try (AtlassianStandIn atlassian = new AtlassianStandIn()) {
            String token = "token-" + Fixtures.unique();
            atlassian.expectBearer(token);
            String tenant = Fixtures.tenant(a, "CLOUD");
            List<String> accounts = AtlassianReportingIT.accounts(a, tenant, 200);
            Http.Response set = b.put(AtlassianReportingIT.reporting(tenant), "{\"mode\":\"OAUTH\",\"baseUrl\":\""
                    + atlassian.baseUrl() + "\",\"accessToken\":\"" + token + "\"}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);

            JsonObject status = AtlassianReportingIT.awaitCycleEnd(a, tenant);
            AtlassianReportingIT.sleep(3000); // both instances keep running: nothing more may be sent
            assertThat(atlassian.received()).hasSize(3);
            assertThat(atlassian.acceptedCounts()).containsOnlyKeys(accounts)
                    .allSatisfy((account, n) -> assertThat(n).as(account).isEqualTo(1));
            assertThat(atlassian.violations()).isEmpty();
            assertThat(status.getInt("accountsReported")).isEqualTo(200);
            assertThat(b.get(AtlassianReportingIT.reporting(tenant)).json().getInt("batchesSent")).isEqualTo(3);
        }
    }
}
