package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/** A SERVICE key is bound to its tenant: it reads and writes that tenant's subjects, and nothing of another's. */
class TenantIsolationIT {

    private final StewardServer server = StewardServer.shared();
    private final Http operator = server.http();

    @Test
    void aServiceKeyCannotReachAnotherTenantsSubjects() {
        String mine = Fixtures.tenant(operator, "CLOUD");
        String theirs = Fixtures.tenant(operator, "CLOUD");
        String theirSubject = Fixtures.subject(operator, theirs);
        String theirContact = operator.post("/api/v1/tenants/" + theirs + "/subjects/" + theirSubject + "/contacts",
                "{\"name\":\"T\",\"email\":\"t@example.com\"}").json().getString("id");
        Http service = server.apiKey(mine, "SERVICE");

        // Its own tenant: full use.
        Http.Response created = service.post("/api/v1/tenants/" + mine + "/subjects",
                "{\"email\":\"own-" + Fixtures.unique() + "@example.com\"}");
        assertThat(created.status()).isEqualTo(201);
        String own = created.json().getString("id");
        assertThat(service.get("/api/v1/tenants/" + mine + "/subjects/" + own).status()).isEqualTo(200);
        assertThat(service.post("/api/v1/tenants/" + mine + "/subjects/" + own + "/feedback",
                "{\"text\":\"works\"}").status()).isEqualTo(201);
        assertThat(service.get("/api/v1/tenants/" + mine).status()).isEqualTo(200);

        // Another tenant: every read and write is refused, whatever the path.
        String other = "/api/v1/tenants/" + theirs;
        assertThat(service.get(other).status()).isEqualTo(403);
        assertThat(service.get(other + "/subjects").status()).isEqualTo(403);
        assertThat(service.get(other + "/subjects/" + theirSubject).status()).isEqualTo(403);
        assertThat(service.get(other + "/subjects/" + theirSubject + "/contacts/" + theirContact).status())
                .isEqualTo(403);
        assertThat(service.post(other + "/subjects", "{\"email\":\"x-" + Fixtures.unique() + "@example.com\"}")
                .status()).isEqualTo(403);
        assertThat(service.patch(other + "/subjects/" + theirSubject, "{\"displayName\":\"Mallory\"}").status())
                .isEqualTo(403);
        assertThat(service.post(other + "/subjects/" + theirSubject + "/feedback", "{\"text\":\"x\"}").status())
                .isEqualTo(403);

        // Their subject addressed through its own tenant's path is simply not there.
        assertThat(service.get("/api/v1/tenants/" + mine + "/subjects/" + theirSubject).status()).isEqualTo(404);
        assertThat(service.patch("/api/v1/tenants/" + mine + "/subjects/" + theirSubject,
                "{\"displayName\":\"Mallory\"}").status()).isEqualTo(404);

        // And nothing of theirs changed.
        Http.Response theirView = operator.get(other + "/subjects/" + theirSubject);
        assertThat(theirView.json().containsKey("displayName")).isFalse();
        assertThat(operator.get(other + "/subjects/" + theirSubject + "/feedback").json().getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void aTenantBoundCallerListsOnlyItsTenant() {
        String mine = Fixtures.tenant(operator, "CLOUD");
        Fixtures.tenant(operator, "CLOUD");
        Http support = server.as(mine, "SUPPORT_AGENT");
        Http.Response list = support.get("/api/v1/tenants");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().getJsonArray("items")).hasSize(1);
        assertThat(list.json().getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(mine);
    }
}
