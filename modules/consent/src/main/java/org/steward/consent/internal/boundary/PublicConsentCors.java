package org.steward.consent.internal.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CORS (Fetch standard) for the public consent endpoints ({@code /api/v1/public/consent/…}), so that a cookie banner
 * on the vendor's website can call them from the browser. Only the origins of
 * {@code steward.consent.cors.allowed-origins} (comma-separated, e.g. {@code https://www.example.com}) are answered;
 * any other origin gets no CORS header and the browser keeps the response from the page. No credentials: these
 * endpoints take none. Every other path is left alone (staff endpoints are not for browsers on other origins).
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class PublicConsentCors implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PROPERTY = "steward.consent.cors.allowed-origins";
    private static final String PREFIX = "v1/public/consent/";
    private static final String METHODS = "GET, POST";
    private static final String HEADERS = "Content-Type, Sec-GPC";
    private static final String MAX_AGE = "600";

    private volatile Set<String> allowed;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod()) || !publicConsent(request)
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return;
        }
        // A preflight: answered here, before any resource matching or authentication.
        Response.ResponseBuilder answer = Response.noContent();
        String origin = request.getHeaderString("Origin");
        if (allows(origin)) {
            answer.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", METHODS)
                    .header("Access-Control-Allow-Headers", HEADERS)
                    .header("Access-Control-Max-Age", MAX_AGE);
        }
        request.abortWith(answer.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!publicConsent(request) || response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey("Vary")) {
            headers.putSingle("Vary", "Origin");
        }
        String origin = request.getHeaderString("Origin");
        if (allows(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
        }
    }

    private static boolean publicConsent(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return (path.startsWith("/") ? path.substring(1) : path).startsWith(PREFIX);
    }

    boolean allows(String origin) {
        return origin != null && !origin.isEmpty() && origins().contains(origin.toLowerCase(Locale.ROOT));
    }

    private Set<String> origins() {
        Set<String> s = allowed;
        if (s == null) {
            s = parse(ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class).orElse(""));
            allowed = s;
        }
        return s;
    }

    /** Origins as the browser sends them: scheme://host[:port], no path; compared without case. */
    static Set<String> parse(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
