package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * The server's public base URL ({@code STEWARD_PUBLIC_URL}): where people and mail providers reach it. Links that
 * leave the server in mail are built on it, never on the request's {@code Host} header, which the caller chooses.
 * Without it no link is minted (409): a guessed host would put a broken or foreign link into mail that cannot be
 * recalled.
 */
@ApplicationScoped
public class PublicUrl {

    static final String SETTING = "STEWARD_PUBLIC_URL";

    @Inject
    @ConfigProperty(name = "steward.public-url")
    Optional<String> configured;

    /** The configured base, without a trailing slash; 409 when it is not set or not an absolute http(s) URL. */
    public URI base() {
        String value = configured.map(String::strip).filter(v -> !v.isEmpty()).orElseThrow(() ->
                new ProblemException(ProblemType.CONFLICT, "This server mints no links until its public base URL is"
                        + " configured: set " + SETTING + " (e.g. https://privacy.example.com)"));
        return parse(value).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, SETTING
                + " must be an absolute http or https URL with a host and no query, fragment or user info"));
    }

    static Optional<URI> parse(String value) {
        try {
            URI u = new URI(value.replaceAll("/+$", ""));
            boolean web = "https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme());
            if (!web || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null
                    || u.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The base followed by a path of this server ({@code /api/v1/...}). */
    public URI link(String rawPath) {
        URI b = base();
        return URI.create(b + (rawPath.startsWith("/") ? rawPath : "/" + rawPath));
    }
}
