package org.steward.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer, including the static pages and Payara's /health and /openapi, which the JAX-RS
 * filters never see. Pages take scripts and styles from this origin only: no inline script, no inline style (Swagger
 * UI alone sets inline style attributes, hence 'unsafe-inline' for its styles). The console and the privacy center
 * may post forms to this origin (the privacy center's request form works without JavaScript, and its HTML answers,
 * under /api, are pages too). Everything else may embed nothing.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String HTML_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
    static final String SITE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", policy(path, request));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    static String policy(String path, HttpServletRequest request) {
        if (path.startsWith("/api-docs") || path.startsWith("/webjars/swagger-ui/")) {
            return HTML_POLICY;
        }
        if (path.equals("/console") || path.startsWith("/console/") || path.equals("/privacy")
                || path.startsWith("/privacy/") || path.startsWith("/webjars/") || formPost(path, request)) {
            return SITE_POLICY;
        }
        return API_POLICY;
    }

    /** The privacy center's form posts, answered as HTML pages that use its stylesheet and post the next form. */
    private static boolean formPost(String path, HttpServletRequest request) {
        String type = request.getContentType();
        return path.startsWith("/api/v1/requests") && "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
