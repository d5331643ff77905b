package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.steward.it.support.Browser;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/**
 * The consent banner on a vendor's website, in a real browser: a page on another origin loads {@code /consent.js}
 * with one script tag; the visitor's choice is recorded through the public API (CORS), the device id stays in a
 * first-party cookie, and Global Privacy Control is honoured before anything is shown.
 */
class ConsentBannerBrowserIT {

    private static StewardServer server;
    private static HttpServer site;

    @BeforeAll
    static void website() throws IOException {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (CI installs them)");
        server = StewardServer.demo();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", StewardServer.BANNER_SITE_PORT), 0);
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Northwind Traders</title>"
                + "<script src=\"" + server.uri("/consent.js") + "\" defer></script></head><body><main>"
                + "<h1>Northwind Traders</h1><p>Apps for teams that ship.</p></main></body></html>";
        site.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            // The strictest policy a vendor might set: the banner must still render (no inline style or script).
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src "
                    + origin(server) + "; connect-src " + origin(server) + "; style-src 'self'");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void withGpcTheSharingPurposeIsRefusedBeforeAnythingIsShownAndTheBannerSaysWhy() {
        try (Browser browser = Browser.start().withGlobalPrivacyControl()) {
            browser.open(siteUrl());
            SearchContext banner = banner(browser);
            WebElement note = banner.findElement(By.cssSelector("#steward-gpc-note"));
            assertThat(note.getText()).containsIgnoringCase("Global Privacy Control");
            WebElement sharing = banner.findElement(By.cssSelector("#steward-purpose-cross-context-advertising"));
            assertThat(sharing.isSelected()).isFalse();
            assertThat(sharing.isEnabled()).as("locked by GPC").isFalse();

            String device = deviceId(browser);
            JsonObject advertising = choice(device, "cross-context-advertising");
            assertThat(advertising.getString("status")).isEqualTo("OPTED_OUT");
            assertThat(advertising.getString("source")).isEqualTo("GPC");
            assertThat(decision(device, "cross-context-advertising").getBoolean("allowed")).isFalse();
            browser.screenshot("banner-gpc");
            assertThat(browser.severeConsoleMessages()).isEmpty();
        }
    }

    @Test
    void withoutGpcTheVisitorsChoiceIsRecordedAndTheDecisionFollowsIt() {
        try (Browser browser = Browser.start()) {
            browser.open(siteUrl());
            SearchContext banner = banner(browser);
            assertThat(banner.findElements(By.cssSelector("#steward-gpc-note")).stream()
                    .filter(WebElement::isDisplayed).toList()).isEmpty();
            browser.screenshot("banner");
            String device = deviceId(browser);
            assertThat(decision(device, "web-analytics").getBoolean("allowed")).isFalse();

            banner.findElement(By.cssSelector("#steward-accept-all")).click();
            awaitDecision(device, "web-analytics", true);
            assertThat(decision(device, "cross-context-advertising").getBoolean("allowed")).isTrue();
            assertThat(choice(device, "web-analytics").getString("status")).isEqualTo("GRANTED");

            // Once chosen, the banner stays away on the next page; reopened, a refusal is recorded too.
            browser.open(siteUrl());
            assertThat(deviceId(browser)).as("the same first-party cookie").isEqualTo(device);
            browser.script("window.Steward.open()");
            SearchContext again = banner(browser);
            WebElement analytics = again.findElement(By.cssSelector("#steward-purpose-web-analytics"));
            assertThat(analytics.isSelected()).isTrue();
            analytics.click();
            again.findElement(By.cssSelector("#steward-save")).click();
            awaitDecision(device, "web-analytics", false);
            assertThat(browser.severeConsoleMessages()).isEmpty();
        }
    }

    @Test
    void theBannerIsSmallerThanKlaro() {
        Http.Response script = server.anonymous().get("/consent.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        byte[] gzipped = gzip(script.body().getBytes(StandardCharsets.UTF_8));
        // Klaro, a well-known open-source banner, is about 18 kB gzipped.
        assertThat(gzipped.length).isLessThan(18 * 1024);
    }

    private static SearchContext banner(Browser browser) {
        // The host element itself has no box (its content is fixed-position in the shadow root).
        WebElement host = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        By.id("steward-consent")));
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        return wait.until(d -> {
            SearchContext root = host.getShadowRoot();
            return root.findElements(By.cssSelector("button")).isEmpty() ? null : root;
        });
    }

    private static String deviceId(Browser browser) {
        Cookie cookie = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.manage().getCookieNamed("steward_device"));
        return cookie.getValue();
    }

    private static JsonObject choice(String device, String purpose) {
        return server.anonymous().get("/api/v1/public/consent/devices/" + device).json().getJsonArray("choices")
                .stream().map(v -> v.asJsonObject()).filter(c -> c.getString("purpose").equals(purpose))
                .findFirst().orElseThrow();
    }

    private static JsonObject decision(String device, String purpose) {
        Http.Response r = server.as(null, "PRIVACY_OFFICER").get("/api/v1/consent/decision?device=" + device
                + "&purpose=" + purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void awaitDecision(String device, String purpose, boolean allowed) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (decision(device, purpose).getBoolean("allowed") != allowed) {
            if (System.nanoTime() > end) {
                throw new AssertionError(purpose + " did not become allowed=" + allowed + ": "
                        + decision(device, purpose));
            }
            Browser.sleep(200);
        }
    }

    private static String siteUrl() {
        return "http://127.0.0.1:" + StewardServer.BANNER_SITE_PORT + "/";
    }

    private static String origin(StewardServer s) {
        String u = s.uri("/").toString();
        return u.substring(0, u.length() - 1);
    }

    private static byte[] gzip(byte[] in) {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
