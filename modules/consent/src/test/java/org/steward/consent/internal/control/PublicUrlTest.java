package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

class PublicUrlTest {

    @Test
    void linksAreBuiltOnTheConfiguredBase() {
        assertThat(url("https://privacy.example.com").link("/api/v1/public/unsubscribe/t").toString())
                .isEqualTo("https://privacy.example.com/api/v1/public/unsubscribe/t");
        assertThat(url("https://example.com/steward/ ").link("/api/x").toString())
                .isEqualTo("https://example.com/steward/api/x");
        assertThat(url("http://localhost:8080//").link("api/x").toString()).isEqualTo("http://localhost:8080/api/x");
    }

    @Test
    void withoutAUsableSettingNoLinkIsMinted() {
        for (String bad : new String[]{null, "", "  ", "privacy.example.com", "ftp://example.com", "https://",
                "https://example.com/?a=b", "https://example.com/#x", "https://user@example.com", "https://exa mple"}) {
            ProblemException e = catchThrowableOfType(() -> url(bad).base(), ProblemException.class);
            assertThat(e).as(String.valueOf(bad)).isNotNull();
            assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
            assertThat(e.getMessage()).contains("STEWARD_PUBLIC_URL");
        }
    }

    private static PublicUrl url(String value) {
        PublicUrl u = new PublicUrl();
        u.configured = Optional.ofNullable(value);
        return u;
    }
}
