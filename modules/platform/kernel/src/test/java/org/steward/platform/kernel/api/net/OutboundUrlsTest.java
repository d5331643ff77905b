package org.steward.platform.kernel.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.example.com/steward",
            "https://hooks.example.com",
            "HTTPS://hooks.example.com:8443/a/b?tenant=42&x=%20y",
            "https://[2001:db8::1]/hook",
            "https://10.0.0.5/hook",
    })
    void acceptsAnAbsoluteHttpsUrlWithAHost(String url) {
        assertThat(OutboundUrls.problem(url, false)).isEmpty();
        assertThat(OutboundUrls.require(url, false)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/relative/path                          | must be an absolute URL",
            "hooks.example.com/steward               | must be an absolute URL",
            "http://hooks.example.com/steward        | must use https",
            "ftp://hooks.example.com/steward         | must use https",
            "https://user:pass@hooks.example.com/x   | must not contain user info (credentials belong in the secret, not the URL)",
            "https://token@hooks.example.com/x       | must not contain user info (credentials belong in the secret, not the URL)",
            "https:///no-host                        | must name a host",
            "https:opaque                            | must name a host",
            "https://under_score.example.com/x       | must name a host",
            "https://hooks.example.com/x#part        | must not contain a fragment",
            "https://hooks.example.com/x#            | must not contain a fragment",
            "https://hooks.example.com/a b           | must be ASCII without spaces (percent-encode other characters, punycode the host)",
            "https://bücher.example/x                | must be ASCII without spaces (percent-encode other characters, punycode the host)",
            "https://hooks.example.com/%zz           | must be a valid URL",
    })
    void namesTheProblem(String url, String problem) {
        assertThat(OutboundUrls.problem(url, false)).contains(problem);
    }

    @Test
    void requiresAUrl() {
        assertThat(OutboundUrls.problem((String) null, false)).contains("is required");
        assertThat(OutboundUrls.problem("  ", false)).contains("is required");
        assertThat(OutboundUrls.problem((URI) null, false)).contains("is required");
    }

    @Test
    void acceptsAtMost2000Characters() {
        String base = "https://hooks.example.com/";
        String longest = base + "a".repeat(2000 - base.length());

        assertThat(OutboundUrls.problem(longest, false)).isEmpty();
        assertThat(OutboundUrls.problem(longest + "a", false)).contains("must be at most 2000 characters long");
        assertThat(OutboundUrls.problem(URI.create(longest + "a"), false)).contains("must be at most 2000 characters long");
    }

    @Test
    void acceptsHttpOnlyWhenAllowed() {
        assertThat(OutboundUrls.problem("http://127.0.0.1:8080/hook", true)).isEmpty();
        assertThat(OutboundUrls.problem("http://127.0.0.1:8080/hook", false)).contains("must use https");
        assertThat(OutboundUrls.problem("ftp://127.0.0.1/hook", true)).contains("must use https or http");
        assertThat(OutboundUrls.problem("http://user@127.0.0.1/hook", true)).isPresent();
    }

    @Test
    void requireThrowsTheProblemWithoutQuotingTheUrl() {
        assertThatThrownBy(() -> OutboundUrls.require("https://alice:s3cret@hooks.example.com/", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The webhook URL must not contain user info")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> OutboundUrls.require(URI.create("http://hooks.example.com/"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The webhook URL must use https");
    }
}
