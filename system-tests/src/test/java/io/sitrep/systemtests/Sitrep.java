package io.sitrep.systemtests;

import io.sitrep.localstack.LocalStack;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.OpenApiContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system, started once for all system tests the way the quick start starts it: broker,
 * database, SMTP sink and the three services as separate processes, on free ports, with the retry
 * schedule compressed so that exhaustion takes seconds, not hours.
 */
final class Sitrep {

    private static LocalStack stack;

    private Sitrep() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Path data = Path.of("target", "system-data").toAbsolutePath();
            deleteRecursively(data);
            LocalStack.Settings settings = LocalStack.Settings.defaults(root)
                    .withDataDirectory(data)
                    .withApiKey("system-test-key")
                    .onFreePorts()
                    .withEnvironment(Map.of("incident", Map.of(
                            // The lost-rows check every 2 s instead of every minute, for RestoreIT.
                            "SITREP_RESTORE_CHECKINTERVAL", "2s"), "notification", Map.of(
                            "SITREP_NOTIFICATION_DELIVERY_RETRYSCHEDULE", "0s,200ms,400ms,800ms",
                            "SITREP_NOTIFICATION_DELIVERY_JITTER", "0",
                            "SITREP_NOTIFICATION_DELIVERY_POLLINTERVAL", "200ms",
                            "SITREP_NOTIFICATION_DELIVERY_LEASE", "15s",
                            "SITREP_NOTIFICATION_DELIVERY_BREAKER_OPENFOR", "500ms",
                            "SITREP_NOTIFICATION_WEBHOOKS_CONNECTTIMEOUT", "1s",
                            "SITREP_NOTIFICATION_WEBHOOKS_REQUESTTIMEOUT", "2s")));
            stack = LocalStack.start(settings, line -> System.out.println("[local-stack] " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-tests-stop"));
            stack.awaitReady(Duration.ofMinutes(3));
        }
        return stack;
    }

    static Api incidents() {
        return api("incident");
    }

    static Api notifications() {
        return api("notification");
    }

    static Api timeline() {
        return api("timeline");
    }

    private static Api api(String service) {
        String url = stack().url(service);
        // Every answer of the running system is checked against the service's committed OpenAPI description too.
        return new Api(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)), stack().apiKey(), OpenApiContract.of(service + "-service"));
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
