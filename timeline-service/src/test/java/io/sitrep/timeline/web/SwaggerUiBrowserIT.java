package io.sitrep.timeline.web;

import io.sitrep.timeline.HeadlessBrowser;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * issue 19: Swagger UI in a real headless browser, under the Content-Security-Policy and the firewall the service
 * answers with: it renders the operations of the served description without a key, and the browser reports no
 * refused script, style or request.
 */
class SwaggerUiBrowserIT extends IntegrationTest {

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessBrowser.start(true);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swaggerUiRendersTheServedDescriptionUnderTheServicesPolicy() {
        browser.get(api.baseUrl() + "/swagger-ui.html");

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(WebElement::getText)).contains("/api/v1/incidents", "/feed.atom", "/history.rss"));
        assertThat(browser.getCurrentUrl()).endsWith("/swagger-ui/index.html");
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("Sitrep timeline-service");
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Failed to load") || message.contains("Refused"))
                .toList();
        assertThat(refused).isEmpty();
    }
}
