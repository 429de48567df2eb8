package io.sitrep.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.sitrep.testsupport.Infrastructure;
import io.sitrep.testsupport.KafkaServer;
import io.sitrep.testsupport.PostgresServer;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs notification-service on this machine with an in-JVM Kafka broker, embedded PostgreSQL and an
 * SMTP sink that prints every email it gets (so the confirmation link can be clicked), for trying
 * the API: {@code ./mvnw -q -pl notification-service spring-boot:test-run}. Loopback and private
 * webhook targets are allowed. The data is thrown away on exit. The API key comes from
 * {@code SITREP_API_KEY}, or is generated and printed once.
 */
public final class LocalNotificationService {

    private LocalNotificationService() {
    }

    public static void main(String[] args) {
        System.setProperty("sitrep.test.infrastructure", "embedded");
        System.out.println("Starting an embedded PostgreSQL, a Kafka broker and an SMTP sink …");
        PostgresServer postgres = Infrastructure.postgres();
        KafkaServer kafka = Infrastructure.kafka();
        String database = postgres.createDatabase("sitrep_notifications");
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        printMail(smtp);

        SecureRandom random = new SecureRandom();
        String key = System.getenv("SITREP_API_KEY");
        boolean generated = key == null || key.isBlank();
        if (generated) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            key = "sitrep_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        String secretKey = System.getenv("SITREP_SECRET_KEY");
        if (secretKey == null || secretKey.isBlank()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            secretKey = Base64.getEncoder().encodeToString(bytes);
        }

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtp.getSmtp().getPort());
        properties.put("sitrep.security.bootstrap-key", key);
        properties.put("sitrep.notification.secrets.key", secretKey);
        properties.put("sitrep.notification.webhooks.allow-private-targets", "true");
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.state.change.logger", "WARN");
        // As command-line arguments, so they win over application.yml's environment-based defaults.
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .run(arguments.toArray(String[]::new));

        String port = context.getEnvironment().getProperty("local.server.port", "8082");
        System.out.printf("""

                Sitrep notification-service is running.
                  API          http://localhost:%1$s/api/v1/subscriptions
                  OpenAPI      http://localhost:%1$s/v3/api-docs
                  Health       http://localhost:%1$s/actuator/health
                  Kafka        %2$s (consumes sitrep.incident-events, publishes sitrep.delivery-events)
                  SMTP sink    127.0.0.1:%3$s (every email is printed here)
                  API key      %4$s

                Try:
                  curl -s -X POST http://localhost:%1$s/api/v1/subscriptions \\
                    -H "Authorization: Bearer %5$s" -H 'Content-Type: application/json' \\
                    -d '{"channel":"email","email":"you@example.com"}'

                Stop with Ctrl-C. The data is thrown away on exit.
                %n""", port, kafka.bootstrapServers(), smtp.getSmtp().getPort(),
                generated ? key + "  (generated; set SITREP_API_KEY to choose one)" : "from SITREP_API_KEY",
                generated ? key : "$SITREP_API_KEY");
    }

    /** Prints each email the sink receives, once. */
    private static void printMail(GreenMail smtp) {
        Thread printer = new Thread(() -> {
            int printed = 0;
            while (!Thread.currentThread().isInterrupted()) {
                MimeMessage[] messages = smtp.getReceivedMessages();
                for (; printed < messages.length; printed++) {
                    try {
                        System.out.printf("%n--- email to %s: %s%n%s%n---%n", GreenMailUtil.getAddressList(messages[printed].getAllRecipients()),
                                messages[printed].getSubject(), GreenMailUtil.getBody(messages[printed]));
                    } catch (Exception e) {
                        System.out.println("--- an email that could not be printed: " + e);
                    }
                }
                smtp.waitForIncomingEmail(1000, printed + 1);
            }
        }, "smtp-sink-printer");
        printer.setDaemon(true);
        printer.start();
    }
}
