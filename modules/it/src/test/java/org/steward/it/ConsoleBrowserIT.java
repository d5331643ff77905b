package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.steward.it.support.Browser;
import org.steward.it.support.ConsolePage;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.WebhookReceiver;

/**
 * The admin console in a real browser, on the demo server: its pages drive the same REST API with a console session,
 * and each role is offered only what it may do.
 */
class ConsoleBrowserIT {

    private static StewardServer server;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (CI installs them)");
        server = StewardServer.demo();
    }

    @Test
    void anOfficerSignsInFindsASubjectAndSeesTheirConsents() {
        Http officerApi = server.as(null, "PRIVACY_OFFICER");
        String tenant = ConsolePage.demoTenant(server);
        String email = "consents-" + Fixtures.unique().substring(0, 8) + "@example.com";
        String subject = officerApi.post("/api/v1/tenants/" + tenant + "/subjects", "{\"email\":\"" + email
                + "\",\"displayName\":\"Sam Example\"}").json().getString("id");
        int version = officerApi.get("/api/v1/consent/purposes/explicit-consent-marketing/notices").json()
                .getJsonArray("items").getJsonObject(0).getInt("version");
        assertThat(officerApi.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents",
                "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\",\"noticeVersion\":" + version + "}")
                .status()).isEqualTo(201);

        try (Browser browser = Browser.start()) {
            ConsolePage console = new ConsolePage(browser, server).signInAs("PRIVACY_OFFICER");
            browser.await(By.cssSelector("[data-testid=weekly-chart]"));
            Browser.sleep(1000); // every panel of the home page has loaded its figures
            console.awaitNoToast();
            browser.screenshot("console-home");
            console.section("subjects");
            new Select(browser.await(By.id("subject-tenant"))).selectByValue(tenant);
            new Select(browser.find(By.id("subject-id-kind"))).selectByValue("email");
            browser.type(By.id("subject-identifier"), email);
            browser.click(By.cssSelector("[data-testid=subject-search-submit]"));
            // One match opens the profile at once.
            WebElement states = browser.await(By.cssSelector("[data-testid=consent-states]"));
            browser.awaitText(By.cssSelector("[data-testid=consent-states]"), "Granted");
            assertThat(states.findElements(By.cssSelector("tr")).stream().map(WebElement::getText)
                    .filter(row -> row.startsWith("explicit-consent-marketing")).toList())
                    .singleElement().asString().contains("Granted").contains("v" + version);
            assertThat(browser.driver().getCurrentUrl()).endsWith("#/subjects/" + tenant + "/" + subject)
                    .doesNotContain("%40").doesNotContain(email);
            // The officer manages tenants and licences, and is offered no user, key or rotation page.
            console.section("admin");
            browser.await(By.cssSelector("[data-testid=tenant-form]"));
            assertThat(browser.all(By.cssSelector("[data-testid=subnav-users], [data-testid=subnav-keys]"))).isEmpty();
            assertThat(browser.severeConsoleMessages()).isEmpty();
        }
    }

    @Test
    void anAdminAddsASubprocessorAndAWebhookSubscriberReceivesTheNotice() throws Exception {
        String tenant = ConsolePage.demoTenant(server);
        try (WebhookReceiver receiver = new WebhookReceiver(); Browser browser = Browser.start()) {
            Http.Response hook = server.as(null, "PRIVACY_OFFICER").post("/api/v1/tenants/" + tenant + "/notice-subscriptions",
                    "{\"channel\":\"WEBHOOK\",\"url\":\"" + receiver.uri("/notices") + "\"}");
            assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
            String name = "Browser Recipient " + Fixtures.unique().substring(0, 6);

            ConsolePage console = new ConsolePage(browser, server).signInAs("ADMIN");
            assertThat(browser.all(By.cssSelector("a[data-route=\"subjects\"]"))).as("an ADMIN reads no subject")
                    .isEmpty();
            console.section("sharing");
            browser.type(By.id("sp-name"), name);
            new Select(browser.find(By.id("sp-category"))).selectByValue("SUPPORT");
            browser.type(By.id("sp-purpose"), "Answers support tickets by chat");
            browser.type(By.id("sp-countries"), "IE");
            browser.find(By.cssSelector("[data-testid=sp-categories] input[value=contact]")).click();
            browser.find(By.cssSelector("#subprocessor-form button[type=submit]")).click();
            browser.await(By.cssSelector("[data-testid=subprocessor-notice] [data-testid=notice-objection-until]"));

            List<WebhookReceiver.Received> got = receiver.awaitRequests("/notices", 1, Duration.ofSeconds(30));
            assertThat(got.get(0).body()).contains(name).contains("ADDED");
            assertThat(browser.severeConsoleMessages()).isEmpty();
        }
    }

    @Test
    void anAuditorVerifiesTheChainAndSeesItIntact() {
        try (Browser browser = Browser.start()) {
            ConsolePage console = new ConsolePage(browser, server).signInAs("AUDITOR");
            console.section("audit");
            browser.click(By.id("verify-chain"));
            browser.awaitText(By.id("chain-result"), "intact");
            assertThat(browser.find(By.id("chain-result")).getText()).doesNotContainIgnoringCase("broken");
            // An auditor reads users and keys, and is offered no change and no key rotation.
            console.section("admin");
            browser.await(By.cssSelector("[data-testid=subnav-users]"));
            assertThat(browser.all(By.cssSelector("[data-testid=subnav-keys]"))).isEmpty();
            browser.await(By.cssSelector("[data-testid=user-row]"));
            assertThat(browser.all(By.cssSelector("[data-testid=user-form], [data-testid=user-edit]"))).isEmpty();
            assertThat(browser.severeConsoleMessages()).isEmpty();
        }
    }

    @Test
    void aSignedOutSessionIsGoneAndTheLoginIsShownAgain() {
        try (Browser browser = Browser.start()) {
            new ConsolePage(browser, server).signInAs("SUPPORT_AGENT");
            browser.click(By.cssSelector("[data-testid=logout]"));
            browser.await(By.id("login"));
            browser.open(server.uri("/console/#/requests").toString());
            browser.await(By.id("login"));
            assertThat(browser.all(By.cssSelector("[data-testid=logout]")).stream().filter(WebElement::isDisplayed)
                    .toList()).isEmpty();
        }
    }
}
