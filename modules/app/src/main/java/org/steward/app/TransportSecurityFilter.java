package org.steward.app;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HSTS on HTTPS answers (RFC 6797 §7.2: never on plain HTTP), and, when {@code steward.tls.redirect-http} is on, a
 * permanent redirect of every plain-HTTP request to the same path on the HTTPS port. Health checks stay on HTTP:
 * probes and load balancers call them there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TransportSecurityFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "steward.tls.hsts-max-age", defaultValue = "31536000")
    long hstsMaxAge;

    @Inject
    @ConfigProperty(name = "steward.tls.redirect-http", defaultValue = "false")
    boolean redirectHttp;

    @Inject
    @ConfigProperty(name = "steward.tls.port", defaultValue = "8443")
    int tlsPort;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=" + hstsMaxAge);
        } else if (redirectHttp && !request.getRequestURI().startsWith(request.getContextPath() + "/health")) {
            String query = request.getQueryString();
            // 308 keeps the method and body; the host is the one the client asked for, only the scheme and port change.
            response.setStatus(308);
            response.setHeader("Location", "https://" + hostOnly(request.getServerName()) + ":" + tlsPort
                    + request.getRequestURI() + (query == null ? "" : "?" + query));
            response.setHeader("Cache-Control", "no-store"); // a shared cache must not keep one client's Host
            response.setContentLength(0);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String hostOnly(String name) {
        return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
    }
}
