package io.sitrep.systemtests;

import io.sitrep.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in headless Chromium, 390 px wide as on a phone, against incident-service and timeline-service running
 * as processes: the first admin signs in with the one-time password local-stack printed, chooses a new one, opens an
 * incident, meets a conflict with someone else's update, applies their own again, and resolves; incident-service
 * records every change as the admin's.
 * The tests share one browser and the one first admin; by name, the first admin's test runs first and the others find
 * the admin signed in (see {@link #signedInAsAdmin}).
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ConsoleBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static LocalStack stack;
    private static WebDriver browser;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        stack = LocalStack.start(LocalStack.Settings.defaults(root)
                .withDataDirectory(Path.of("target", "console-system-data-" + UUID.randomUUID()).toAbsolutePath())
                .withApiKey("console-system-test-key")
                .onFreePorts()
                .withServices(List.of("incident", "timeline", LocalStack.CONSOLE)), line -> System.out.println("[local-stack] " + line));
        stack.awaitReady(Duration.ofMinutes(3));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium").toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=390,844");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theFirstAdminSignsInOpensAnIncidentReappliesAfterAConflictAndResolvesAsThemselves() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String componentId = "checkout-" + tag;
        assertThat(api("PUT", "/api/v1/components/" + componentId, "{\"name\":\"Checkout " + tag + "\",\"group\":\"Shop\"}").statusCode())
                .isIn(200, 201);
        String console = stack.url(LocalStack.CONSOLE);

        // Sign in with the one-time password, and choose a new one first.
        browser.get(console + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(stack.firstAdminPassword());
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        await().atMost(TIMEOUT).until(() -> browser.getCurrentUrl().endsWith("/account/password"));
        browser.findElement(By.id("current")).sendKeys(stack.firstAdminPassword());
        browser.findElement(By.id("password")).sendKeys("a long new password " + tag);
        browser.findElement(By.id("confirmation")).sendKeys("a long new password " + tag);
        browser.findElement(By.cssSelector("form[action='/account/password'] button")).click();
        awaitText(By.tagName("h1"), "Now");
        assertFitsThePhone();

        // Open an incident that takes the component down.
        browser.findElement(By.id("open-incident")).click();
        browser.findElement(By.id("title")).sendKeys("Checkout failing " + tag);
        choose("impact", "major");
        browser.findElement(By.id("message")).sendKeys("Card payments **fail**; we are on it.");
        choose("component-" + componentId, "major_outage");
        browser.findElement(By.cssSelector("#open-form button[type=submit]")).click();
        awaitText(By.id("incident-title"), "Checkout failing " + tag);
        assertThat(browser.findElement(By.id("incident-status")).getText()).isEqualTo("Investigating");
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertFitsThePhone();

        // Someone else posts an update while the admin types theirs.
        assertThat(api("POST", "/api/v1/incidents/" + id + "/updates", "{\"status\":\"identified\",\"message\":\"Found the bad deploy.\"}")
                .statusCode()).isEqualTo(201);
        choose("update-status", "monitoring");
        browser.findElement(By.id("update-message")).sendKeys("Rolled back; watching.");
        browser.findElement(By.cssSelector("#update-form button[type=submit]")).click();
        WebElement conflict = await().atMost(TIMEOUT).ignoreExceptions().until(() -> browser.findElement(By.id("conflict")), found -> true);
        assertThat(conflict.getText()).contains("Someone changed this incident first", "bootstrap", "Found the bad deploy.");
        assertThat(browser.findElement(By.id("update-message")).getAttribute("value")).isEqualTo("Rolled back; watching.");
        browser.findElement(By.cssSelector("#update-form button[type=submit]")).click();
        awaitText(By.id("incident-status"), "Monitoring");

        // Resolve.
        browser.findElement(By.id("resolve-message")).sendKeys("Payments work again.");
        browser.findElement(By.cssSelector("#resolve-form button[type=submit]")).click();
        awaitText(By.id("incident-status"), "Resolved");
        assertThat(browser.findElements(By.id("update-form"))).isEmpty();

        // incident-service recorded the console's changes as the admin's, the API caller's as its key's.
        String incident = api("GET", "/api/v1/incidents/" + id, null).body();
        assertThat(incident).contains("\"actor\":\"admin\"", "\"actor\":\"bootstrap\"", "Rolled back; watching.", "Payments work again.");

        // The Now screen, read from timeline-service, no longer lists it as open once the read model caught up.
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(console + "/");
            return !browser.getPageSource().contains("Checkout failing " + tag)
                    && browser.getPageSource().contains("Checkout " + tag);
        });
    }

    /** Waits for the page a click leads to: until then the element may still be the old page's, or not there yet. */
    private static void awaitText(By element, String text) {
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> browser.findElement(element).getText().equals(text));
    }

    /** Nothing is wider than the 390 px window: no sideways scrolling on a phone. */
    private static void assertFitsThePhone() {
        Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        Object viewport = ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
        assertThat(((Number) width).longValue()).isLessThanOrEqualTo(((Number) viewport).longValue());
    }

    private static void choose(String selectId, String value) {
        browser.findElement(By.cssSelector("select[id='" + selectId + "'] option[value='" + value + "']")).click();
    }

    private static HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url("incident") + path))
                .header("Authorization", "Bearer " + stack.apiKey())
                .timeout(TIMEOUT);
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Debian's place first, else the PATH; the build never installs a browser (timeline-service/scripts/install-browser.sh does). */
    private static Path executable(String name) {
        List<String> places = new java.util.ArrayList<>(List.of("/usr/bin/" + name));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                places.add(Path.of(dir, name).toString());
            }
        }
        return places.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not installed: run timeline-service/scripts/install-browser.sh"));
    }

    /**
     * Issue 18: a window scheduled from the console to start
     * within the minute starts by itself, its component shows under maintenance in the console and on the public page, and
     * it completes by itself. incident-service looks for due windows every second (sitrep.maintenance.poll-interval) and
     * accepts a start up to a minute in the past, so a start this close is no problem.
     */
    @Test
    void theMaintenanceScheduledFromTheConsoleToStartWithinTheMinuteStartsAndCompletesByItself() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String componentId = "database-" + tag;
        String console = stack.url(LocalStack.CONSOLE);
        signedInAsAdmin(console, tag);

        // Define the component through the console.
        browser.get(console + "/components/new");
        browser.findElement(By.id("id")).sendKeys(componentId);
        browser.findElement(By.id("name")).sendKeys("Database " + tag);
        browser.findElement(By.id("group")).sendKeys("Data");
        browser.findElement(By.cssSelector("#component-form button[type=submit]")).click();
        awaitText(By.id("component-" + componentId + "-status"), "Operational");
        assertFitsThePhone();

        // Schedule a window that starts at the next full minute (a minute or less ahead) and lasts one.
        Instant start = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);
        browser.get(console + "/maintenance/new");
        browser.findElement(By.id("title")).sendKeys("Database upgrade " + tag);
        WebElement zone = browser.findElement(By.id("zone"));
        zone.clear();
        zone.sendKeys("UTC");
        typeDateTime("scheduledFor", local.format(start));
        typeDateTime("scheduledUntil", local.format(start.plus(Duration.ofMinutes(1))));
        browser.findElement(By.id("component-" + componentId)).click();
        browser.findElement(By.id("message")).sendKeys("Writes pause for a moment.");
        assertThat(browser.findElement(By.id("autoStart")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("autoComplete")).isSelected()).isTrue();
        assertFitsThePhone();
        browser.findElement(By.cssSelector("#schedule-form button[type=submit]")).click();
        // A start a second or two ahead may already have happened when the window's screen is read.
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> List.of("Scheduled", "In progress")
                .contains(browser.findElement(By.id("maintenance-status")).getText()));
        String window = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("maintenance-components")).getText()).isEqualTo("Database " + tag);
        assertFitsThePhone();

        // It starts by itself: the console and the public page show the component under maintenance.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            browser.get(window);
            return browser.findElement(By.id("maintenance-status")).getText().equals("In progress");
        });
        assertThat(browser.findElement(By.id("maintenance-updates")).getText()).contains("by scheduler");
        browser.get(console + "/components");
        assertThat(browser.findElement(By.id("component-" + componentId + "-status")).getText()).isEqualTo("Under maintenance");
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> publicStatusOf(componentId).contains("Under maintenance"));

        // And completes by itself: the component is operational again, here and there.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            browser.get(window);
            return browser.findElement(By.id("maintenance-status")).getText().equals("Completed");
        });
        assertThat(browser.findElements(By.id("update-form"))).isEmpty();
        browser.get(console + "/components");
        assertThat(browser.findElement(By.id("component-" + componentId + "-status")).getText()).isEqualTo("Operational");
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> publicStatusOf(componentId).contains("Operational"));
        String recorded = api("GET", "/api/v1/maintenances/" + window.substring(window.lastIndexOf('/') + 1), null).body();
        assertThat(recorded).contains("\"actor\":\"admin\"", "\"status\":\"completed\"");
        browser.get(console + "/maintenance");
        assertThat(browser.findElement(By.id("finished")).getText()).contains("Database upgrade " + tag);
    }

    /**
     * Issue 18, the whole flow: sign in, open an internal incident from a template, publish it with a customer-facing
     * title, two updates with component changes (the first previewed), resolve, write, preview and publish the
     * postmortem; the public page and the incident's public page then show exactly that, nothing of its internal time,
     * and the audit names the person. Now follows a change made elsewhere without a reload.
     */
    @Test
    void theWholeIncidentFromATemplateToThePostmortemReachesThePublicPageAsThePersons() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String componentId = "payments-" + tag;
        String templateId = "payments-down-" + tag;
        assertThat(api("PUT", "/api/v1/components/" + componentId, "{\"name\":\"Payments " + tag + "\",\"group\":\"Shop\"}").statusCode())
                .isIn(200, 201);
        assertThat(api("PUT", "/api/v1/templates/" + templateId, """
                {"name":"Payments down %s","title":"Payments alert %s","impact":"major","message":"Alert: card payments failing.",
                 "components":[{"id":"%s","status":"major_outage"}]}""".formatted(tag, tag, componentId)).statusCode()).isIn(200, 201);
        String console = stack.url(LocalStack.CONSOLE);
        String timeline = stack.url("timeline");
        signedInAsAdmin(console, tag);

        // Now follows a change made elsewhere, from timeline-service's stream, without a reload.
        String elsewhere = JsonMapper.builder().build().readTree(api("POST", "/api/v1/incidents",
                "{\"title\":\"Search slow " + tag + "\",\"status\":\"investigating\",\"impact\":\"minor\",\"message\":\"Looking.\"}").body())
                .path("id").asString();
        await().atMost(TIMEOUT).until(() -> browser.findElement(By.id("now-live")).getText().contains("Search slow " + tag));
        assertThat(api("POST", "/api/v1/incidents/" + elsewhere + "/resolve", "{\"message\":\"Fine again.\"}").statusCode()).isEqualTo(200);
        await().atMost(TIMEOUT).until(() -> !browser.findElement(By.id("now-live")).getText().contains("Search slow " + tag));

        // Open an internal incident from the template: it fills the title, the message and the component.
        browser.findElement(By.id("open-incident")).click();
        choose("template", templateId);
        choose("visibility", "internal");
        browser.findElement(By.cssSelector("#open-form button[type=submit]")).click();
        awaitText(By.id("incident-title"), "Payments alert " + tag);
        assertThat(browser.findElement(By.id("incident-visibility")).getText()).startsWith("internal");
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        // Publish it with the title customers see.
        browser.findElement(By.id("title")).sendKeys("Card payments failing " + tag);
        browser.findElement(By.id("publish-message")).sendKeys("Some card payments fail; we are on it.");
        browser.findElement(By.cssSelector("#publish-form button[type=submit]")).click();
        awaitText(By.id("incident-visibility"), "public");
        assertThat(browser.findElement(By.id("incident-title")).getText()).isEqualTo("Card payments failing " + tag);

        // The first update, previewed before it is posted: the preview keeps what was chosen.
        choose("update-status", "identified");
        choose("update-component-" + componentId, "partial_outage");
        browser.findElement(By.id("update-message")).sendKeys("Found the **bad** deploy.");
        browser.findElement(By.id("update-preview-button")).click();
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> browser.findElement(By.id("update-message-preview")).isDisplayed()
                && browser.findElement(By.cssSelector("#update-message-preview strong")).getText().equals("bad"));
        assertThat(browser.findElement(By.id("update-message")).getAttribute("value")).isEqualTo("Found the **bad** deploy.");
        browser.findElement(By.cssSelector("#update-form button[type=submit]:not([name])")).click();
        awaitText(By.id("incident-status"), "Identified");

        // The second update.
        choose("update-status", "monitoring");
        choose("update-component-" + componentId, "degraded_performance");
        browser.findElement(By.id("update-message")).sendKeys("Rolled back; watching.");
        browser.findElement(By.cssSelector("#update-form button[type=submit]:not([name])")).click();
        awaitText(By.id("incident-status"), "Monitoring");

        // Resolve.
        browser.findElement(By.id("resolve-message")).sendKeys("Payments work again.");
        browser.findElement(By.cssSelector("#resolve-form button[type=submit]")).click();
        awaitText(By.id("incident-status"), "Resolved");

        // Write the postmortem, preview it, publish it.
        browser.findElement(By.id("write-postmortem")).click();
        WebElement body = await().atMost(TIMEOUT).ignoreExceptions().until(() -> browser.findElement(By.id("postmortem-body")), found -> true);
        body.sendKeys("## What happened\n\nA bad deploy broke *card payments* for 20 minutes.");
        browser.findElement(By.id("preview-postmortem")).click();
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> browser.findElement(By.cssSelector("#postmortem-preview h4")).getText().equals("What happened"));
        browser.findElement(By.id("publish-postmortem")).click();
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> browser.findElement(By.cssSelector("#postmortem em")).getText().equals("card payments"));
        assertFitsThePhone();

        // The incident's public page: the customer-facing title, each public update with its component change, the
        // postmortem; nothing of the time it was internal.
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> page = read(timeline + "/incidents/" + id);
            return page.statusCode() == 200 && page.body().contains("A bad deploy broke <em>card payments</em> for 20 minutes.");
        });
        String page = read(timeline + "/incidents/" + id).body();
        assertThat(page).contains("Card payments failing " + tag, "Some card payments fail; we are on it.", "Found the <strong>bad</strong> deploy.",
                "Payments " + tag + ": Partial outage", "Rolled back; watching.", "Payments " + tag + ": Degraded performance",
                "Payments work again.", "<h4>What happened</h4>", "Postmortem (revision 1");
        assertThat(page).doesNotContain("Payments alert " + tag, "Alert: card payments failing.");
        assertThat(Pattern.compile("<strong>[^<]+</strong>").matcher(page.substring(page.indexOf("id=\"incident-" + id + "\""))).results().count())
                .as("four public updates, each with its status").isGreaterThanOrEqualTo(4);

        // The status page: the incident in the history under its public title, the component operational again.
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            String status = read(timeline + "/").body();
            return status.contains("Card payments failing " + tag) && Pattern.compile("id=\"component-" + Pattern.quote(componentId)
                    + "\">.*?Operational</span>", Pattern.DOTALL).matcher(status).find();
        });
        assertThat(read(timeline + "/").body()).doesNotContain("Payments alert " + tag);

        // The audit names the person for every step.
        browser.get(console + "/audit?actor=admin");
        String audit = browser.getPageSource();
        for (String command : List.of("incident.open", "incident.publish", "incident.update", "incident.resolve", "incident.postmortem")) {
            assertThat(audit).containsPattern("<td>admin</td>\\s*<td>" + Pattern.quote(command) + "</td>");
        }
        assertThat(audit).containsPattern("<td>admin</td>\\s*<td>incident.postmortem</td>\\s*<td><a href=\"/incidents/" + id + "\">");
    }

    /** Signs in as the first admin unless the browser is signed in already, choosing a password if it is still the one-time one. */
    private static void signedInAsAdmin(String console, String tag) {
        browser.get(console + "/");
        if (browser.getCurrentUrl().endsWith("/sign-in")) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(stack.firstAdminPassword());
            browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
            await().atMost(TIMEOUT).until(() -> browser.getCurrentUrl().endsWith("/account/password"));
            browser.findElement(By.id("current")).sendKeys(stack.firstAdminPassword());
            browser.findElement(By.id("password")).sendKeys("a long new password " + tag);
            browser.findElement(By.id("confirmation")).sendKeys("a long new password " + tag);
            browser.findElement(By.cssSelector("form[action='/account/password'] button")).click();
        }
        awaitText(By.tagName("h1"), "Now");
    }

    /** A datetime-local input takes its value in the locale's segments when typed; set as the form sends it instead. */
    private static void typeDateTime(String inputId, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(inputId)), value);
    }

    /** The component's status as the public status page shows it, in words. */
    private static String publicStatusOf(String componentId) throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(URI.create(stack.url("timeline") + "/")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        int at = page.indexOf("id=\"component-" + componentId + "\"");
        return at < 0 ? "" : page.substring(at, page.indexOf("</div>", at));
    }

    /** A public read, without a key. */
    private static HttpResponse<String> read(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
