package org.steward.it.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as a user drives it: sign in, open a section, confirm a dialog. */
public final class ConsolePage {

    private final Browser browser;
    private final StewardServer server;

    public ConsolePage(Browser browser, StewardServer server) {
        this.browser = browser;
        this.server = server;
    }

    /** Creates a user with one role on the server and signs in with it through the login form. */
    public ConsolePage signInAs(String role) {
        String username = "web-" + role.toLowerCase().replace('_', '-') + "-" + Fixtures.unique().substring(0, 6);
        Http.Response r = server.admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + StewardServer.USER_PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
        if (r.status() != 201) {
            throw new IllegalStateException("Cannot create " + role + ": " + r);
        }
        return signIn(username, StewardServer.USER_PASSWORD);
    }

    public ConsolePage signIn(String username, String password) {
        browser.open(server.uri("/console/").toString());
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.click(By.id("login"));
        browser.await(By.cssSelector("[data-testid=logout]"));
        return this;
    }

    public ConsolePage section(String route) {
        browser.click(By.cssSelector("a[data-route=\"" + route + "\"]"));
        return this;
    }

    public ConsolePage go(String hash) {
        browser.open(server.uri("/console/").toString() + "#" + hash);
        return this;
    }

    /**
     * The demo dataset's largest tenant: tests add their subjects there rather than new tenants, so that the
     * screenshots show the demo's tenants only.
     */
    public static String demoTenant(StewardServer server) {
        return server.as(null, "PRIVACY_OFFICER").get("/api/v1/tenants?limit=100").json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject()).filter(t -> t.getString("name").equals("Northwind Traders"))
                .map(t -> t.getString("id")).findFirst().orElseThrow(() -> new AssertionError("no demo tenant"));
    }

    /** Waits until the console's passing messages are gone (for a clean screenshot). */
    public void awaitNoToast() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#live .toast")).isEmpty());
    }

    /** Answers the console's confirmation dialog with its confirm button. */
    public void confirm() {
        browser.click(By.cssSelector("dialog[open] [data-testid=confirm-ok]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
    }
}
