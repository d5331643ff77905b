package org.steward.app.demo;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The first request (a readiness probe, a browser) tells the demo loader which port this server listens on. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DemoTrigger extends HttpFilter {

    @Inject
    DemoData demo;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (demo.state() == DemoData.State.WAITING) {
            demo.start("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath());
        }
        chain.doFilter(request, response);
    }
}
