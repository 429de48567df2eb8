package io.sitrep.notification.webhook;

import io.sitrep.notification.target.TargetPolicy;

import io.sitrep.events.wire.EventCodec;
import io.sitrep.notification.notice.PageSettings;
import io.sitrep.notification.subscription.SubscriptionDeliveries;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the target policy, the HTTP client and the webhook sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    /** The policy, with the system resolver unless a {@link TargetPolicy.Resolver} bean replaces it (tests do). */
    @Bean
    TargetPolicy targetPolicy(WebhookSettings settings, ObjectProvider<TargetPolicy.Resolver> resolver) {
        return new TargetPolicy(settings.allowPrivateTargets(), resolver.getIfAvailable(() -> java.net.InetAddress::getAllByName));
    }

    @Bean
    WebhookPayload webhookPayload(EventCodec codec) {
        return new WebhookPayload(codec);
    }

    @Bean
    StatuspagePayload statuspagePayload(PageSettings page) {
        return new StatuspagePayload(page);
    }

    /** Webhooks; a webhook's own mails (its confirmation, its disabled notice) go by email. */
    @Bean
    WebhookChannel webhookChannel(WebhookSender sender, WebhookPayload payloads, StatuspagePayload statuspage) {
        return new WebhookChannel(sender, payloads, statuspage,
                java.util.Set.of(SubscriptionDeliveries.CONFIRMATION, SubscriptionDeliveries.DISABLED_NOTICE));
    }

    /** Where requests start, and with them the DNS lookups of new connections; a hanging receiver holds none. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The HTTP client: HTTP/1.1, no redirects (a 3xx is a failed attempt, so a receiver cannot redirect a delivery to a
     * target the policy refuses), no automatic retries (an attempt is one request), and a resolver that checks every
     * address and pins the connection to them.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpAsyncClient webhookClient(WebhookSettings settings, TargetPolicy policy) {
        return startedClient(policy, settings.connectTimeout(), settings.requestTimeout());
    }

    static CloseableHttpAsyncClient startedClient(TargetPolicy policy, java.time.Duration connectTimeout, java.time.Duration requestTimeout) {
        return startedClient(policy, connectTimeout, requestTimeout, null);
    }

    /**
     * @param trust the TLS context whose trust store verifies receivers; null for the JDK's default (tests pass their own).
     *              Either way TLS names the URL's host (SNI) and verifies the certificate against it, not the address
     */
    static CloseableHttpAsyncClient startedClient(TargetPolicy policy, java.time.Duration connectTimeout, java.time.Duration requestTimeout,
                                                  javax.net.ssl.SSLContext trust) {
        Timeout connect = Timeout.of(connectTimeout);
        Timeout response = Timeout.of(requestTimeout);
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedResolver(policy))
                        .setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(trust == null ? org.apache.hc.core5.ssl.SSLContexts.createDefault() : trust)
                                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                                .buildAsync())
                        .setMaxConnTotal(1024)
                        .setMaxConnPerRoute(256)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(response)
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(response).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        client.start();
        return client;
    }

    @Bean
    WebhookSender webhookSender(WebhookSettings settings, TargetPolicy policy, CloseableHttpAsyncClient webhookClient,
                                ExecutorService webhookExecutor, Clock clock) {
        return new WebhookSender(webhookClient, policy, settings.connectTimeout(), settings.requestTimeout(), webhookExecutor, clock);
    }
}
