package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Http;
import org.steward.it.support.Mailbox;
import org.steward.it.support.StewardServer;

/**
 * The console's sign-in over real HTTP, as an attacker probes it: the session lives in an HttpOnly SameSite=Strict
 * cookie that is worthless without its CSRF header, ends at sign-out and when the user is disabled, and a wrong
 * password never triggers a browser's own password dialog. Also the privacy center's request form without
 * JavaScript: a form post answered by HTML pages.
 */
class ConsoleSessionIT {

    private static StewardServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = StewardServer.shared();
    }

    record Session(String cookie, String csrf, HttpResponse<String> answer) {
    }

    @Test
    void aSessionNeedsBothItsCookieAndItsCsrfHeaderAndEndsAtSignOut() throws Exception {
        String username = user("PRIVACY_OFFICER");
        Session s = signIn(username, StewardServer.USER_PASSWORD);
        assertThat(s.answer().statusCode()).isEqualTo(201);
        String setCookie = s.answer().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/");
        assertThat(s.answer().body()).contains("\"roles\":[\"PRIVACY_OFFICER\"]").contains("\"username\":\"" + username)
                .doesNotContain(s.cookie());

        assertThat(call("GET", "/api/v1/me", s.cookie(), s.csrf()).statusCode()).isEqualTo(200);
        // A cross-site form or link carries the cookie but cannot set the header: no authority at all.
        HttpResponse<String> cookieOnly = call("GET", "/api/v1/me", s.cookie(), null);
        assertThat(cookieOnly.statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me", s.cookie(), s.csrf() + "x").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me", "forged" + s.cookie(), s.csrf()).statusCode()).isEqualTo(401);
        // ...and a public endpoint still answers a browser that has a cookie of this origin.
        assertThat(call("GET", "/api/v1/public/privacy-notice", s.cookie(), null).statusCode()).isEqualTo(200);

        HttpResponse<String> out = call("DELETE", "/api/v1/session", s.cookie(), s.csrf());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(call("GET", "/api/v1/me", s.cookie(), s.csrf()).statusCode()).isEqualTo(401);
    }

    @Test
    void aDisabledUserOrANewPasswordEndsTheOpenSessions() throws Exception {
        String username = user("AUDITOR");
        Session s = signIn(username, StewardServer.USER_PASSWORD);
        assertThat(call("GET", "/api/v1/me", s.cookie(), s.csrf()).statusCode()).isEqualTo(200);
        String id = s.answer().body().replaceAll(".*\"userId\":\"([^\"]+)\".*", "$1");
        assertThat(server.admin().patch("/api/v1/users/" + id, "{\"enabled\":false}").status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/me", s.cookie(), s.csrf()).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsAProblemWithoutABasicChallengeAndRepeatedOnesAreThrottled() throws Exception {
        String username = user("SUPPORT_AGENT");
        Session wrong = signIn(username, "not-the-password-1");
        assertThat(wrong.answer().statusCode()).isEqualTo(401);
        assertThat(wrong.answer().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(wrong.answer().headers().firstValue("WWW-Authenticate").orElse("")).doesNotContain("Basic");
        assertThat(wrong.answer().headers().firstValue("Set-Cookie")).isEmpty();
        int status = 401;
        for (int i = 0; i < 10 && status == 401; i++) {
            status = signIn(username, "not-the-password-1").answer().statusCode();
        }
        assertThat(status).isEqualTo(429);
        Session throttled = signIn(username, StewardServer.USER_PASSWORD);
        assertThat(throttled.answer().statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.answer().headers().firstValue("Retry-After")).isPresent();

        Http.Response bad = server.anonymous().post("/api/v1/session", "{\"username\":\"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"password\"");
    }

    @Test
    void thePrivacyCentersFormWorksWithoutJavaScript() throws Exception {
        String tenant = org.steward.it.support.Fixtures.tenant(server.as(null, "PRIVACY_OFFICER"), "CLOUD");
        String email = "form-" + org.steward.it.support.Fixtures.unique() + "@example.com";
        server.as(null, "PRIVACY_OFFICER").post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"" + email + "\"}");

        HttpResponse<String> refused = form("/api/v1/requests/form", "type=ACCESS&jurisdiction=MARS&email=not-an-email");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body()).contains("<strong>email</strong>").contains("<strong>jurisdiction</strong>")
                .doesNotContain("not-an-email");
        assertThat(form("/api/v1/requests/form", "type=COMPLAINT&jurisdiction=GDPR&email=" + enc(email)
                + "&complaint=a%00b").body()).contains("<strong>complaint</strong>");

        HttpResponse<String> filed = form("/api/v1/requests/form", "type=ACCESS&jurisdiction=GDPR&email=" + enc(email));
        assertThat(filed.statusCode()).isEqualTo(202);
        assertThat(filed.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self'").contains("script-src 'self'");
        Matcher action = Pattern.compile("action=\"(/api/v1/requests/[0-9a-f-]+/verification/form)\"").matcher(filed.body());
        assertThat(action.find()).as(filed.body()).isTrue();

        HttpResponse<String> wrongCode = form(action.group(1), "code=000000");
        assertThat(wrongCode.statusCode()).isBetween(400, 499);
        assertThat(wrongCode.body()).contains("id=\"code\"");

        String code = Mailbox.codeIn(Mailbox.await(email, m -> m.text().matches("(?s).*\\b\\d{6}\\b.*"), 1,
                java.time.Duration.ofSeconds(20)));
        HttpResponse<String> verified = form(action.group(1), "code=" + code);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("id=\"status-token\"").contains("VERIFIED");
        String token = verified.body().replaceAll("(?s).*id=\"status-token\">([^<]+)<.*", "$1");
        String id = action.group(1).split("/")[4];
        assertThat(server.anonymous().get("/api/v1/requests/" + id + "/status",
                java.util.Map.of("X-Request-Token", token)).json().getString("state")).isEqualTo("VERIFIED");
    }

    private static String user(String role) {
        String username = "console-" + org.steward.it.support.Fixtures.unique().substring(0, 8);
        Http.Response r = server.admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + StewardServer.USER_PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return username;
    }

    private static Session signIn(String username, String password) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().firstValue("Set-Cookie").map(c -> c.replaceAll("^steward_session=([^;]*);.*", "$1"))
                .orElse(null);
        String csrf = r.body().contains("csrfToken") ? r.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1")
                : null;
        return new Session(cookie, csrf, r);
    }

    private static HttpResponse<String> call(String method, String path, String cookie, String csrf)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).method(method,
                HttpRequest.BodyPublishers.noBody()).header("Cookie", "steward_session=" + cookie);
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
