package io.sitrep.timeline.page;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.sitrep.timeline.IncidentStory.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status page in a real headless browser (Debian's chromium, installed by scripts/install-browser.sh):
 * it shows an open incident and its components, and updates live, without a reload, when a new update arrives.
 */
class StatusPageBrowserIT extends IntegrationTest {

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1600");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theStatusPageShowsAnOpenIncidentAndUpdatesLiveWhenANewUpdateArrives() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ComponentStory component = ComponentStory.fresh("web");
        IncidentStory story = IncidentStory.of("Checkout failing " + tag);
        events.publish(component.define("Checkout " + tag, "Shop " + tag, Instant.now().minus(Duration.ofDays(2))),
                component.status(ComponentStatus.MAJOR_OUTAGE, story.id(), Instant.now().minusSeconds(120)));
        events.publish(story.open(Impact.CRITICAL, "Payments fail for every customer.",
                change(component.id(), "Checkout " + tag, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL)));
        awaitIncidentVersion(story.id(), 1);
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/components/" + component.id()).status() == 200);

        browser.get(api.baseUrl() + "/");

        WebElement incident = browser.findElement(By.id("incident-" + story.id()));
        assertThat(incident.getText()).contains("Checkout failing " + tag, "Investigating", "Payments fail for every customer.");
        assertThat(browser.findElement(By.cssSelector("#open-incidents h2")).getText()).isEqualTo("Open incidents");
        WebElement componentRow = browser.findElement(By.id("component-" + component.id()));
        assertThat(componentRow.getText()).contains("Checkout " + tag, "Major outage");
        List<WebElement> days = componentRow.findElements(By.cssSelector(".bar span"));
        assertThat(days).hasSize(90);
        assertThat(days.get(89).getAttribute("title")).contains("major outage");
        assertThat(componentRow.findElement(By.cssSelector(".bar")).getAttribute("aria-label")).contains("last 90 days");
        assertThat(browser.findElement(By.cssSelector("[aria-live=polite]"))).isNotNull();
        await().atMost(TIMEOUT).until(() -> "connected".equals(browser.findElement(By.tagName("html")).getAttribute("data-live")));
        ((JavascriptExecutor) browser).executeScript("window.sitrepNoReload = true;");

        events.publish(story.update(IncidentStatus.IDENTIFIED, Impact.CRITICAL, "A certificate expired " + tag + "."));

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(browser.findElement(By.id("incident-" + story.id())).getText())
                        .contains("A certificate expired " + tag + ".", "Identified"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sitrepNoReload === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("live")).getAttribute("textContent")).startsWith("Updated");
        screenshot("status-page.png");
    }

    /** Keeps what the browser showed under target/, for a person to look at. */
    private static void screenshot(String name) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", name),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePageIsServedCompleteWithoutJavaScript() {
        IncidentStory story = IncidentStory.of("Server-rendered <incident>");
        events.publish(story.open(Impact.MINOR, "Readable without scripts & styles."), story.resolve("Fixed."),
                story.postmortem("## Cause\nA typo."));
        awaitIncidentVersion(story.id(), 3);

        var page = api.get("/").expect(200);
        var incidentPage = api.get("/incidents/" + story.id()).expect(200);

        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<main id=\"main\">", "Recent history", "Server-rendered &lt;incident&gt;",
                "Readable without scripts &amp; styles.", "Postmortem (revision 1", "## Cause");
        assertThat(incidentPage.body()).contains("<h2 id=\"title-" + story.id(), "Fixed.", "A typo.");
    }
}
