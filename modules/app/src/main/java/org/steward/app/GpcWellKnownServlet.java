package org.steward.app;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /.well-known/gpc.json} (W3C Global Privacy Control §4): tells user agents that this site honours GPC. It
 * lives outside {@code /api}, where the JAX-RS application is, hence a servlet in the WAR.
 */
@WebServlet(urlPatterns = "/.well-known/gpc.json")
public class GpcWellKnownServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** When the GPC support last changed; ISO date. */
    @Inject
    @ConfigProperty(name = "steward.consent.gpc-last-update", defaultValue = "2026-11-29")
    String lastUpdate;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String date = LocalDate.parse(lastUpdate).toString(); // refuses a malformed setting rather than serve it
        byte[] body = ("{\"gpc\": true, \"lastUpdate\": \"" + date + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "max-age=86400");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
