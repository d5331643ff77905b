package org.steward.platform.kernel.api.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for a configured outbound URL (webhooks, OpenDSR, Atlassian), checked when it is saved (so a tenant hears of a mistake at once, not from a
 * failed delivery) and again before each delivery. The messages never quote the URL: a rejected one may hold
 * credentials.
 */
public final class OutboundUrls {

    /** The longest URL accepted: what every HTTP stack on the way is known to carry. */
    public static final int MAX_LENGTH = 2000;

    private OutboundUrls() {
    }

    /**
     * What is wrong with {@code url}, if anything, phrased to follow the field's name ("callbackUrl must use https").
     *
     * @param allowHttp whether plain http is accepted: an operator setting for tests and closed networks only, since
     *                  a webhook carries personal data and its signature does not hide it
     */
    public static Optional<String> problem(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.of("must be ASCII without spaces (percent-encode other characters, punycode the host)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be a valid URL");
        }
        return problem(uri, allowHttp);
    }

    /** As {@link #problem(String, boolean)}, for a URL already parsed. */
    public static Optional<String> problem(URI uri, boolean allowHttp) {
        if (uri == null) {
            return Optional.of("is required");
        }
        if (uri.toString().length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (!uri.isAbsolute()) {
            return Optional.of("must be an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must use https or http" : "must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info (credentials belong in the secret, not the URL)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        return Optional.empty();
    }

    /**
     * The URL, parsed, if it follows the rules.
     *
     * @throws IllegalArgumentException with the {@linkplain #problem(String, boolean) problem} as its message
     */
    public static URI require(String url, boolean allowHttp) {
        Optional<String> problem = problem(url, allowHttp);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("The webhook URL " + problem.get());
        }
        return URI.create(url);
    }

    /**
     * The URL itself, if it follows the rules.
     *
     * @throws IllegalArgumentException with the {@linkplain #problem(URI, boolean) problem} as its message
     */
    public static URI require(URI uri, boolean allowHttp) {
        Optional<String> problem = problem(uri, allowHttp);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("The webhook URL " + problem.get());
        }
        return uri;
    }
}
