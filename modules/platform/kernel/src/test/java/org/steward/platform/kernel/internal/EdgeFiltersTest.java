package org.steward.platform.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

class EdgeFiltersTest {

    @SuppressWarnings("unused")
    static class Resource {
        void rotate() {
        }

        void revoke(@PathParam("id") String id, @HeaderParam("If-Match") String etag, @Context UriInfo uri) {
        }

        void create(@PathParam("t") String tenant, Object body) {
        }

        void form(@FormParam("a") String a) {
        }

        void list(@QueryParam("limit") String limit) {
        }
    }

    private static boolean takesBody(String name) {
        for (var m : Resource.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return BodylessOperationFilter.takesBody(m);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void anOperationTakesABodyOnlyWhenAParameterIsTheEntityOrAForm() {
        assertThat(takesBody("rotate")).isFalse();
        assertThat(takesBody("revoke")).isFalse();
        assertThat(takesBody("list")).isFalse();
        assertThat(takesBody("create")).isTrue();
        assertThat(takesBody("form")).isTrue();
    }

    @Test
    void controlCharactersAreC0DelAndC1() {
        assertThat(ControlCharacterFilter.hasControl("a\u0000b")).isTrue();
        assertThat(ControlCharacterFilter.hasControl("\n")).isTrue();
        assertThat(ControlCharacterFilter.hasControl("\u007f")).isTrue();
        assertThat(ControlCharacterFilter.hasControl("\u0085")).isTrue();
        assertThat(ControlCharacterFilter.hasControl("Zoë, 東京 & co")).isFalse();
        assertThat(ControlCharacterFilter.hasControl(null)).isFalse();
    }
}
