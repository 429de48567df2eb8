package io.sitrep.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--data-dir=.sitrep] [--demo] [--free-ports] [--class-data-sharing=off]}, from the
 * repository root. Ctrl-C stops everything.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        long begin = System.nanoTime();
        Path root = Path.of("").toAbsolutePath();
        LocalStack.Settings defaults = LocalStack.Settings.defaults(root);
        List<String> everything = new java.util.ArrayList<>(LocalStack.SERVICES);
        everything.add(LocalStack.CONSOLE);
        LocalStack.Settings settings = defaults.withServices(everything);
        boolean demo = false;
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                settings = settings.withDataDirectory(root.resolve(arg.substring("--data-dir=".length())));
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--free-ports")) {
                settings = settings.onFreePorts();
            } else if (arg.equals("--class-data-sharing=off")) {
                settings = settings.withClassDataSharing(false);
            } else if (arg.startsWith("--services=")) {
                settings = settings.withServices(List.of(arg.substring("--services=".length()).split(",")));
            } else {
                System.err.println("Unknown argument " + arg + "; use --data-dir=<folder>, --demo, --free-ports, --class-data-sharing=off or --services=incident,notification,timeline,console");
                System.exit(2);
            }
        }
        String key = System.getenv("SITREP_API_KEY");
        if (key != null && !key.isBlank()) {
            settings = settings.withApiKey(key.strip());
        }
        String smtpHost = System.getenv("SITREP_SMTP_HOST");
        if (smtpHost != null && !smtpHost.isBlank()) {
            settings = settings.withSmtp(smtpHost.strip(), Integer.parseInt(System.getenv().getOrDefault("SITREP_SMTP_PORT", "25")));
        }

        say("Starting Sitrep with its data in " + root.relativize(settings.dataDirectory()) + " …");
        LocalStack stack = LocalStack.start(settings, Main::say);
        CountDownLatch stopped = new CountDownLatch(1);
        // The one hook that stops anything: the services first, then the broker and the database (see LocalStack.close).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            say("Stopping Sitrep …");
            stack.close();
            say(String.format(java.util.Locale.ROOT, "Stopped in %.1f s.", (System.nanoTime() - stopping) / 1e9));
            stopped.countDown();
        }, "local-stack-stop"));
        // Off the supervisor's thread: exiting runs the hook above, which waits for that thread to end.
        stack.failure().thenAcceptAsync(reason -> {
            System.err.println("[local-stack] " + reason + "; stopping everything.");
            System.exit(1);
        });
        stack.awaitReady(Duration.ofMinutes(3));
        long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        if (demo) {
            new DemoData(stack.url("incident"), stack.apiKey(), settings.dataDirectory(), Main::say).load();
        }
        printWelcome(stack, settings, seconds);
        stopped.await();
    }

    private static void printWelcome(LocalStack stack, LocalStack.Settings settings, long seconds) {
        boolean generatedKey = settings.apiKey() == null;
        StringBuilder text = new StringBuilder("\nSitrep is up (all healthy in " + seconds + " s).\n\n");
        if (settings.services().contains("timeline")) {
            text.append("  Status page        ").append(stack.url("timeline")).append("/\n");
        }
        if (settings.services().contains(LocalStack.CONSOLE)) {
            text.append("  Console            ").append(stack.url(LocalStack.CONSOLE)).append("/   (sign in as admin");
            text.append(stack.firstAdminPassword() != null
                    ? " with the one-time password " + stack.firstAdminPassword() + ", shown only now; it asks for a new one)\n"
                    : "; its first password was shown at the first start)\n");
        }
        for (String service : settings.services()) {
            if (service.equals(LocalStack.CONSOLE)) {
                continue;
            }
            text.append(String.format("  %-18s %s/api/v1   (OpenAPI %s/v3/api-docs)%n", service + "-service", stack.url(service), stack.url(service)));
        }
        if (stack.inboxUrl() != null) {
            text.append("  Mail inbox         ").append(stack.inboxUrl()).append("/\n");
        }
        text.append("  Kafka              ").append(stack.kafkaBootstrapServers()).append('\n');
        text.append("  API key            ").append(generatedKey
                ? stack.apiKey() + "  (generated, kept in " + settings.dataDirectory().getFileName() + "/api-key; set SITREP_API_KEY to choose one)"
                : "from SITREP_API_KEY").append("\n\n");
        text.append("Try:\n  curl -s -X POST ").append(stack.url("incident")).append("/api/v1/incidents \\\n")
                .append("    -H \"Authorization: Bearer ").append(generatedKey ? stack.apiKey() : "$SITREP_API_KEY").append("\" -H 'Content-Type: application/json' \\\n")
                .append("    -d '{\"title\":\"Elevated error rates\",\"impact\":\"minor\",\"message\":\"We are investigating.\"}'\n\n")
                .append("Logs are in ").append(settings.dataDirectory().getFileName()).append("/logs. Stop with Ctrl-C; data stays for the next start.\n");
        System.out.println(text);
    }

    static void say(String line) {
        System.out.println("[local-stack] " + line);
    }
}
