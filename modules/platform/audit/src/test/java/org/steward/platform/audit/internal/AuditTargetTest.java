package org.steward.platform.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.Audited;

class AuditTargetTest {

    static final String ID = "0195a1b2-0000-7000-8000-000000000001";

    record Created(String id, String email) {
    }

    @Path("v1/things/{tenantId}")
    static class Resource {
        @Audited(action = "thing.read", target = "thing", id = "thingId")
        @GET
        @Path("things/{thingId: [a-z0-9-]+}")
        public Object read(@PathParam("tenantId") String t, @PathParam("thingId") String id) {
            return null;
        }

        @Audited(action = "thing.add", target = "thing")
        public Response add(@PathParam("tenantId") String t) {
            return null;
        }

        @Audited(action = "thing.bad", target = "thing", id = "nope")
        public Object bad(@PathParam("tenantId") String t) {
            return null;
        }
    }

    @Test
    void takesTheNamedPathParameter() throws Exception {
        Method read = Resource.class.getMethod("read", String.class, String.class);

        assertThat(AuditTarget.of(read.getAnnotation(Audited.class), read, new Object[]{"t", ID}, null)).isEqualTo(ID);
    }

    @Test
    void takesACreatedEntitysIdFromTheResponse() throws Exception {
        Method add = Resource.class.getMethod("add", String.class);
        Audited a = add.getAnnotation(Audited.class);

        assertThat(AuditTarget.of(a, add, new Object[]{"t"}, new Created(ID, "a@example.com"))).isEqualTo(ID);
        assertThat(AuditTarget.of(a, add, new Object[]{"t"}, null)).isNull();
        assertThat(AuditTarget.of(a, add, new Object[]{"t"}, "no id here")).isNull();
    }

    @Test
    void neverRecordsWhatIsNotAnId() {
        assertThat(AuditTarget.idOrNull(ID)).isEqualTo(ID);
        assertThat(AuditTarget.idOrNull("12345")).isEqualTo("12345");
        assertThat(AuditTarget.idOrNull("alice@example.com")).isNull();
        assertThat(AuditTarget.idOrNull("Alice Liddell")).isNull();
        assertThat(AuditTarget.idOrNull("")).isNull();
        assertThat(AuditTarget.idOrNull(null)).isNull();
    }

    @Test
    void aMisnamedPathParameterIsAProgrammingError() throws Exception {
        Method bad = Resource.class.getMethod("bad", String.class);

        assertThatThrownBy(() -> AuditTarget.of(bad.getAnnotation(Audited.class), bad, new Object[]{"t"}, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nope");
    }

    @Test
    void namesEndpointsByTheirTemplate() throws Exception {
        Method read = Resource.class.getMethod("read", String.class, String.class);

        assertThat(Endpoints.template("GET", "/api/", Resource.class, read))
                .isEqualTo("GET /api/v1/things/{tenantId}/things/{thingId}");
        assertThat(Endpoints.masked("DELETE", "/api/v1/tenants/" + ID + "/subjects/alice@example.com"))
                .isEqualTo("DELETE /api/v1/tenants/{}/subjects/{}");
    }
}
