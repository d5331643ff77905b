package org.steward.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the settings of stack-facts.md: both paths given, so Selenium
 * Manager never runs (it would try the network), and no background networking. Each browser has a fresh profile.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path downloads;
    private final Path profile;

    private Browser(boolean javascript) {
        try {
            downloads = Files.createTempDirectory("steward-downloads");
            profile = Files.createTempDirectory("steward-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1280,960", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /**
     * Whether to run the browser tests: always in CI (.ci/run installs both packages, and a missing one must fail
     * there), elsewhere when both are installed, so that {@code mvn verify} needs only Java and Maven.
     */
    public static boolean available() {
        return "true".equals(System.getenv("CI")) || Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser start() {
        return new Browser(true);
    }

    /** A browser that runs no script at all: what the privacy center's basic form must work in. */
    public static Browser withoutJavaScript() {
        return new Browser(false);
    }

    /**
     * Sends {@code Sec-GPC: 1} with every request and shows {@code navigator.globalPrivacyControl} as true to every
     * page, as a browser with Global Privacy Control turned on does.
     */
    public Browser withGlobalPrivacyControl() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"));
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void awaitText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(by,
                text));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void type(By by, String text) {
        WebElement e = await(by);
        e.clear();
        e.sendKeys(text);
    }

    public void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The browser's console: errors (a CSP violation, an exception) fail the page. */
    public List<String> severeConsoleMessages() {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }

    /** Waits for a download to finish and returns it. */
    public Path awaitDownload(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sleep(100);
        }
        throw new AssertionError("No download within " + timeout);
    }

    /**
     * A PNG of the whole page (up to 2,400 px high), kept in target/screenshots and, with -Dscreenshots.write=true,
     * in docs/screenshots.
     */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssVisualViewport");
        // Never less than the window: fixed-position content (a banner) sits at its bottom.
        double height = Math.min(Math.max(((Number) size.get("height")).doubleValue(),
                ((Number) viewport.get("clientHeight")).doubleValue()), 2400);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        byte[] png = java.util.Base64.getDecoder().decode((String) shot.get("data"));
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Path file = Files.write(target.resolve(name + ".png"), png);
            if (Boolean.getBoolean("screenshots.write")) {
                Path docs = Path.of("..", "..", "docs", "screenshots");
                Files.createDirectories(docs);
                Files.write(docs.resolve(name + ".png"), png);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
