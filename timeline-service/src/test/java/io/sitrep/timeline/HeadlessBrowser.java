package io.sitrep.timeline;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Where the browser tests find Chromium and its ChromeDriver: Debian's places, else the first on the PATH. The build
 * never installs them; when one is missing, the test fails with a message naming the script that does.
 */
public final class HeadlessBrowser {

    static final String INSTALL_SCRIPT = "timeline-service/scripts/install-browser.sh";

    private HeadlessBrowser() {
    }

    /** The Chromium executable. */
    public static String chromium() {
        return find("Chromium", List.of("/usr/bin/chromium"), List.of("chromium", "chromium-browser")).toString();
    }

    /** Headless Chromium through its ChromeDriver, 1280 × 1600; with {@code consoleLog}, the browser's console is kept for the test. */
    public static WebDriver start(boolean consoleLog) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1600");
        if (consoleLog) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** The ChromeDriver executable that matches it. */
    public static File chromedriver() {
        return find("ChromeDriver", List.of("/usr/bin/chromedriver"), List.of("chromedriver")).toFile();
    }

    static Path find(String what, List<String> places, List<String> names) {
        return locate(places, names, System.getenv().getOrDefault("PATH", "")).orElseThrow(() -> new IllegalStateException(
                what + " is not installed (looked at " + String.join(", ", places) + " and for " + String.join(" or ", names)
                        + " on the PATH). The browser tests need Chromium and its ChromeDriver: run " + INSTALL_SCRIPT
                        + " (as root on Debian or Ubuntu), or ./verify, which runs it when they are missing."));
    }

    static Optional<Path> locate(List<String> places, List<String> names, String searchPath) {
        Stream<Path> onPath = Stream.of(searchPath.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)));
        return Stream.concat(places.stream().map(Path::of), onPath)
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }
}
