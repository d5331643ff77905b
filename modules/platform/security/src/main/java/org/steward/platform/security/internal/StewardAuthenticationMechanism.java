package org.steward.platform.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.steward.platform.kernel.api.Correlation;
import org.steward.platform.kernel.api.DatabaseOutage;
import org.steward.platform.kernel.api.Problem;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.AuthenticationRefused;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

/**
 * The one authentication mechanism (a second one, or MP-JWT's, makes Payara fail every request): a Bearer token, an
 * API key in {@code X-API-Key}, Basic for Steward's own users, or a console session (cookie plus CSRF header). Without credentials it does nothing, so that public
 * endpoints stay public; {@code @RolesAllowed} then refuses anonymous callers. Wrong credentials are a 401 problem;
 * too many wrong passwords a 429.
 */
@ApplicationScoped
public class StewardAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String CHALLENGE = "Bearer realm=\"steward\", Basic realm=\"steward\", charset=\"UTF-8\"";

    @Inject
    Users users;

    @Inject
    ApiKeys apiKeys;

    @Inject
    TokenKeys tokenKeys;

    @Inject
    ConsoleSessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    RequestCaller current;

    @Inject
    Correlation correlation;

    @Inject
    Event<AuthenticationRefused> refusals;

    @Inject
    Clock clock;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causes(e)) {
                throw e;
            }
            // Credentials cannot be checked while the database is away: the container would answer an empty 500.
            return unavailable(response, context);
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader("Authorization");
        if (apiKey != null) {
            return login(apiKeys.authenticate(apiKey), context, response, "The API key is unknown, revoked or expired");
        }
        if (authorization == null) {
            return session(request, context, response);
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).strip(), context, response);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).strip(), request, context, response);
        }
        return refuse(response, context, 401, "Use Bearer, Basic or the X-API-Key header", 0);
    }

    /**
     * A console session: the cookie and its CSRF header together, or nothing. A cookie alone (a cross-site form, a
     * link, a public page of this origin) is anonymous, never refused, so that public endpoints keep working.
     */
    private AuthenticationStatus session(HttpServletRequest request, HttpMessageContext context,
                                         HttpServletResponse response) {
        String csrf = request.getHeader(ConsoleSessions.CSRF_HEADER);
        jakarta.servlet.http.Cookie[] cookies = csrf == null ? null : request.getCookies();
        if (cookies == null) {
            return context.doNothing();
        }
        for (jakarta.servlet.http.Cookie c : cookies) {
            if (ConsoleSessions.COOKIE.equals(c.getName())) {
                Optional<Caller> caller = sessions.authenticate(c.getValue(), csrf);
                if (caller.isPresent()) {
                    return login(caller, context, response, null);
                }
            }
        }
        return context.doNothing();
    }

    private AuthenticationStatus bearer(String token, HttpMessageContext context, HttpServletResponse response) {
        if (!tokenKeys.configured()) {
            return refuse(response, context, 401, "Bearer tokens are not configured on this server", 0);
        }
        try {
            return login(Optional.of(tokenKeys.verifier().verify(token)), context, response, null);
        } catch (InvalidTokenException e) {
            return refuse(response, context, 401, "The bearer token is not valid: " + e.getMessage(), 0);
        } catch (IllegalStateException e) {
            // The configured verification key cannot be read: an operator's problem, not a 500 for every caller.
            java.util.logging.Logger.getLogger(getClass().getName()).warning("Bearer tokens cannot be verified: "
                    + e.getMessage());
            return refuse(response, context, 401, "Bearer tokens cannot be verified on this server right now", 0);
        }
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpMessageContext context,
                                       HttpServletResponse response) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse(response, context, 401, "Malformed Basic credentials", 0);
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return refuse(response, context, 401, "Malformed Basic credentials", 0);
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (!BasicCredentials.wellFormed(username, password)) {
            return refuse(response, context, 401, "Wrong username or password", 0);
        }
        String address = request.getRemoteAddr();
        long wait = throttle.retryAfterSeconds(username, address);
        if (wait > 0) {
            return refuse(response, context, 429, "Too many failed logins; try again later", wait);
        }
        Optional<Caller> caller = users.authenticate(username, password);
        if (caller.isEmpty()) {
            throttle.failed(username, address);
            return refuse(response, context, 401, "Wrong username or password", 0);
        }
        throttle.succeeded(username, address);
        return login(caller, context, response, null);
    }

    private AuthenticationStatus login(Optional<Caller> caller, HttpMessageContext context,
                                       HttpServletResponse response, String refusal) {
        if (caller.isEmpty()) {
            return refuse(response, context, 401, refusal, 0);
        }
        Caller c = caller.get();
        current.set(c);
        Set<String> groups = c.roles().stream().map(Role::name).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(new CallerPrincipal(c.id()), groups);
    }

    /**
     * Writes the problem ourselves: the container's own 401 page is HTML and has no challenge header. JAX-RS filters
     * do not run for a refused request, so the correlation id is set here too.
     */
    /**
     * A refused login is a security event: the audit log records it in a transaction of its own. The event names the
     * credential scheme only; a username may be an email address and is never recorded.
     */
    private void recordRefusal(HttpServletRequest request, int status) {
        String scheme = request.getHeader(API_KEY_HEADER) != null ? "api-key" : schemeOf(request.getHeader("Authorization"));
        try {
            refusals.fire(new AuthenticationRefused(scheme, status == 429, Times.now(clock)));
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(getClass().getName()).warning("Could not audit a refused login: "
                    + e.getClass().getSimpleName());
        }
    }

    private static String schemeOf(String authorization) {
        if (authorization == null) {
            return "none";
        }
        int space = authorization.indexOf(' ');
        String scheme = (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
        return scheme.matches("[a-z]{1,16}") ? scheme : "other";
    }

    private AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, int status,
                                        String detail, long retryAfter) {
        correlation.adopt(context.getRequest().getHeader(Correlation.HEADER));
        recordRefusal(context.getRequest(), status);
        try {
            String correlationId = correlation.id();
            response.setHeader(Correlation.HEADER, correlationId);
            ProblemType type = status == 429 ? ProblemType.TOO_MANY_REQUESTS : ProblemType.UNAUTHORIZED;
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (retryAfter > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
            }
            response.getWriter().write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title()
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'")
                    + "\",\"correlationId\":\"" + correlationId + "\"}");
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus unavailable(HttpServletResponse response, HttpMessageContext context) {
        correlation.adopt(context.getRequest().getHeader(Correlation.HEADER));
        String correlationId = correlation.id();
        java.util.logging.Logger.getLogger(getClass().getName()).warning("Database unreachable during authentication,"
                + " answered 503 (correlation id " + correlationId + ")");
        try {
            ProblemType type = ProblemType.DATABASE_UNAVAILABLE;
            response.setStatus(type.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(Correlation.HEADER, correlationId);
            response.setHeader("Retry-After", Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title()
                    + "\",\"status\":" + type.status() + ",\"correlationId\":\"" + correlationId + "\"}");
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
