package org.steward.app;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.Correlation;
import org.steward.platform.kernel.api.Problem;
import org.steward.platform.kernel.api.ProblemType;

/**
 * The web container's error page (web.xml {@code <error-page>}): errors that the servlet container answers itself,
 * before or outside JAX-RS (a malformed URI, a path no servlet serves, an exception in a filter). Under {@code /api}
 * the answer is a problem like every other API error; elsewhere a plain text page. Neither names the server. It also
 * answers the malformed paths that {@link MalformedUriGuard} sends here, with a 400.
 */
public class ContainerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Inject
    Correlation correlation;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean badUri = request.getDispatcherType() == DispatcherType.REQUEST
                && MalformedUriGuard.PATH.equals(request.getServletPath());
        // asked for directly, this servlet is no resource
        int status = badUri ? 400 : request.getDispatcherType() == DispatcherType.ERROR ? status(request) : 404;
        String uri = badUri ? request.getPathInfo() : (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String correlationId = correlationId(request);
        if (thrown != null) {
            LOG.log(Level.SEVERE, "Unexpected error, correlation id " + correlationId, thrown);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader(Correlation.HEADER, correlationId);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setCharacterEncoding("UTF-8");
        ProblemType type = typeOf(status);
        if (isApi(uri)) {
            response.setContentType(Problem.MEDIA_TYPE);
            JsonObjectBuilder body = JSON.createObjectBuilder().add("type", type.uri()).add("title", type.title())
                    .add("status", status).add("detail", detail(status)).add("correlationId", correlationId);
            response.getOutputStream().write(body.build().toString().getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/plain");
            response.getOutputStream().write((status + " " + type.title() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static boolean isApi(String uri) {
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return status < 400 || status > 599 ? 500 : status;
    }

    static ProblemType typeOf(int status) {
        if (status == 400) {
            return ProblemType.VALIDATION;
        }
        for (ProblemType t : ProblemType.values()) {
            if (t.status() == status) {
                return t;
            }
        }
        return status < 500 ? ProblemType.VALIDATION : ProblemType.INTERNAL;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its path, query or headers)";
            case 404 -> "There is no resource at this path";
            case 405 -> "This resource does not support that method";
            case 500 -> "An unexpected error occurred; quote the correlation id";
            default -> typeOf(status).title();
        };
    }

    private String correlationId(HttpServletRequest request) {
        try {
            return correlation.id();
        } catch (RuntimeException e) {
            // no request context (an error raised before CDI saw the request)
            return java.util.UUID.randomUUID().toString();
        }
    }
}
