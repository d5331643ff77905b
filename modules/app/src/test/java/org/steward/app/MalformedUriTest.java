package org.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedUriTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/%zz", "/api/%4", "/api/%", "/a%00b", "/a%5Cb", "/a\\b", "/%e9", "/..", "/api/../../x",
            "/a/./../../x", "*", ""})
    void refusesWhatTheHttpLayerRefuses(String path) {
        assertThat(MalformedUri.isMalformed(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/tenants", "/api/v1/tenants/%C3%A9", "/a/../b", "/a/%2Fb", "/a%20b", "/api/x%7B",
            "/a//b", "/a/./b", "/a..b/...", "/{x}"})
    void passesEveryOtherPath(String path) {
        assertThat(MalformedUri.isMalformed(path)).isFalse();
    }
}
