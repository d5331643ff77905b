package org.steward.platform.security.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Correlation;
import org.steward.platform.kernel.api.Problem;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.AuthenticationRefused;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Roles;

/**
 * Sign-in for the console: a session cookie (HttpOnly, SameSite=Strict, scoped to the API's path) plus a CSRF token
 * that the page keeps and sends as a header. Machine clients keep using API keys, Basic or Bearer.
 */
@Path("v1/session")
@Tag(name = "security")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    Users users;

    @Inject
    ConsoleSessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    Event<AuthenticationRefused> refusals;

    @Inject
    Correlation correlation;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in to the console: sets the session cookie and answers the CSRF token to send as"
            + " X-CSRF-Token (wrong credentials: 401; too many: 429 with Retry-After)")
    @APIResponse(responseCode = "201", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    public Response openSession(@Valid SessionInput body) {
        SessionInput in = Bodies.require(body);
        if (!BasicCredentials.wellFormed(in.username(), in.password())) {
            throw refused(false);
        }
        String address = request.getRemoteAddr();
        long wait = throttle.retryAfterSeconds(in.username(), address);
        if (wait > 0) {
            refusals.fire(new AuthenticationRefused("session", true, Times.now(clock)));
            return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, wait)
                    .entity(new Problem(ProblemType.TOO_MANY_REQUESTS.uri(), ProblemType.TOO_MANY_REQUESTS.title(), 429,
                            "Too many failed logins; try again later", request.getRequestURI(), correlation.id(),
                            null)).build();
        }
        Optional<Caller> caller = users.authenticate(in.username(), in.password());
        if (caller.isEmpty()) {
            throttle.failed(in.username(), address);
            throw refused(true);
        }
        throttle.succeeded(in.username(), address);
        User user = users.get(caller.get().id());
        ConsoleSessions.Opened opened = sessions.open(user);
        SessionView view = new SessionView(opened.csrfToken(), user.id(), user.username(),
                caller.get().roles().stream().sorted().toList(), opened.expiresAt());
        return Response.status(201).header(HttpHeaders.SET_COOKIE, cookie(opened.token(), -1)).entity(view).build();
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Sign out of the console: the session ends on every instance and the cookie is cleared")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response closeSession() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (ConsoleSessions.COOKIE.equals(c.getName())) {
                    sessions.close(c.getValue());
                }
            }
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    private ProblemException refused(boolean audit) {
        if (audit) {
            refusals.fire(new AuthenticationRefused("session", false, Times.now(clock)));
        }
        return new ProblemException(ProblemType.UNAUTHORIZED, "Wrong username or password");
    }

    /** Scoped to the API's path: the pages themselves never need it. Secure whenever the request came over TLS. */
    private String cookie(String value, int maxAge) {
        return ConsoleSessions.COOKIE + "=" + value + "; Path=" + request.getContextPath() + "/api/; HttpOnly;"
                + " SameSite=Strict" + (request.isSecure() ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
