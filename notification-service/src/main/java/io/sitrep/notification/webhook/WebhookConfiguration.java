package io.sitrep.notification.webhook;

import io.sitrep.events.wire.EventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the target policy, the HTTP client and the webhook sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    TargetPolicy targetPolicy(WebhookSettings settings) {
        return new TargetPolicy(settings.allowPrivateTargets());
    }

    @Bean
    WebhookPayload webhookPayload(EventCodec codec) {
        return new WebhookPayload(codec);
    }

    /** The HTTP client's threads: they run the target checks and complete responses; a hanging receiver holds none. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    WebhookSender webhookSender(WebhookSettings settings, TargetPolicy policy, ExecutorService webhookExecutor, Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(webhookExecutor)
                .build();
        return new WebhookSender(client, policy, settings.requestTimeout(), webhookExecutor, clock);
    }
}
