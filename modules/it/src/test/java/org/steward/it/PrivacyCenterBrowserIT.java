package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.steward.it.support.Browser;
import org.steward.it.support.ConsolePage;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Mailbox;
import org.steward.it.support.StewardServer;

/**
 * The privacy center as a data subject uses it, in a real browser: the live notice, a request filed through the
 * form with the mailed code, approved by the privacy officer in the console, and the export downloaded from the
 * mailed link and opened; the basic form without JavaScript; and the pages checked with axe-core.
 */
class PrivacyCenterBrowserIT {

    private static StewardServer server;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (CI installs them)");
        server = StewardServer.demo();
    }

    @Test
    void aSubjectFilesAnAccessRequestTheOfficerApprovesItAndTheSubjectDownloadsTheExport() throws IOException {
        String tenant = ConsolePage.demoTenant(server);
        String email = "web-" + Fixtures.unique().substring(0, 8) + "@example.com";
        assertThat(server.as(null, "PRIVACY_OFFICER").post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"" + email + "\",\"displayName\":\"Robin Example\"}").status()).isEqualTo(201);

        String requestId;
        try (Browser subject = Browser.start()) {
            subject.open(server.uri("/privacy/request.html").toString());
            subject.click(By.id("type-ACCESS"));
            new Select(subject.find(By.id("jurisdiction"))).selectByValue("GDPR");
            subject.type(By.id("email"), email);
            subject.click(By.id("file-request"));
            subject.await(By.id("code"));
            String code = Mailbox.codeIn(Mailbox.await(email, m -> m.text().matches("(?s).*\\b\\d{6}\\b.*"), 1,
                    Duration.ofSeconds(20)));
            subject.type(By.id("code"), code);
            subject.click(By.id("verify"));
            requestId = subject.await(By.id("request-id")).getText().strip();
            assertThat(subject.await(By.id("status-token")).getText()).isNotBlank();
            assertThat(requestId).matches("[0-9a-f-]{36}");
            assertThat(subject.driver().getCurrentUrl()).doesNotContain(email).doesNotContain("%40");
            assertThat(subject.severeConsoleMessages()).isEmpty();
        }

        try (Browser officer = Browser.start()) {
            ConsolePage console = new ConsolePage(officer, server).signInAs("PRIVACY_OFFICER");
            console.section("requests");
            officer.await(By.cssSelector("a[href=\"#/requests/" + requestId + "\"]")).click();
            officer.click(By.id("action-approve"));
            console.confirm();
            // The page follows the tasks by itself; the export is built within seconds.
            new org.openqa.selenium.support.ui.WebDriverWait(officer.driver(), Duration.ofSeconds(60)).until(d ->
                    !d.findElements(By.cssSelector("[data-testid=request-state][data-state=COMPLETED]")).isEmpty());
            console.awaitNoToast();
            officer.screenshot("console-request");
            assertThat(officer.severeConsoleMessages()).isEmpty();
        }

        Mailbox.Mail ready = Mailbox.await(email, m -> m.subject().contains("ready"), 1, Duration.ofSeconds(60));
        try (Browser subject = Browser.start()) {
            // The mail links the public URL; the test server listens elsewhere.
            subject.open(server.uri(Mailbox.linkIn(ready)).toString());
            Path zip = subject.awaitDownload(Duration.ofSeconds(30));
            List<String> entries = new ArrayList<>();
            StringBuilder content = new StringBuilder();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.add(e.getName());
                    content.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            assertThat(entries).isNotEmpty().anyMatch(n -> n.contains("/identity/"));
            assertThat(content.toString()).as("the subject's own data").contains(email).contains("Robin Example");
        }
    }

    @Test
    void theBasicRequestFormWorksWithoutJavaScript() {
        String tenant = ConsolePage.demoTenant(server);
        String email = "nojs-" + Fixtures.unique().substring(0, 8) + "@example.com";
        assertThat(server.as(null, "PRIVACY_OFFICER").post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"" + email + "\"}").status()).isEqualTo(201);
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.open(server.uri("/privacy/request.html").toString());
            browser.click(By.id("type-ERASURE"));
            new Select(browser.find(By.id("jurisdiction"))).selectByValue("GDPR");
            browser.type(By.id("email"), email);
            browser.click(By.id("file-request"));
            browser.awaitText(By.tagName("h1"), "Check your mail");
            String code = Mailbox.codeIn(Mailbox.await(email, m -> m.text().matches("(?s).*\\b\\d{6}\\b.*"), 1,
                    Duration.ofSeconds(20)));
            browser.type(By.id("code"), code);
            browser.click(By.id("verify"));
            browser.awaitText(By.tagName("h1"), "Request confirmed");
            assertThat(browser.find(By.id("status-token")).getText()).isNotBlank();
            assertThat(browser.find(By.id("request-state")).getText()).isEqualTo("VERIFIED");
        }
    }

    @Test
    void thePrivacyCentersPagesPassAxeCore() {
        List<String> violations = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            for (String page : List.of("/privacy/", "/privacy/request.html", "/privacy/status.html",
                    "/privacy/preferences.html")) {
                browser.open(server.uri(page).toString());
                browser.await(By.cssSelector("main h1"));
                Browser.sleep(500); // the notice and the lists load from the API
                if (page.equals("/privacy/")) {
                    browser.screenshot("privacy-center");
                }
                Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                        "wcag22aa")).analyze(browser.driver());
                for (Rule rule : results.getViolations()) {
                    violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp()
                            + " × " + rule.getNodes().size());
                }
                assertThat(browser.severeConsoleMessages()).as(page).isEmpty();
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theNoticeIsTheEnforcedRegister() {
        try (Browser browser = Browser.start()) {
            browser.open(server.uri("/privacy/").toString());
            browser.awaitText(By.tagName("main"), "Provision of the apps");
            String text = browser.find(By.tagName("main")).getText();
            // What the register says, as enforced: a purpose, its legal basis, its retention, a recipient.
            assertThat(text).contains("Open Source Consulting Inc.").contains("Salesforce")
                    .contains("erased when the licence expires");
            assertThat(text.toLowerCase()).contains("never sell");
        }
    }
}
