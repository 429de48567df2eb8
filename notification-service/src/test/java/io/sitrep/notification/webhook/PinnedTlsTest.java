package io.sitrep.notification.webhook;

import io.sitrep.notification.target.TargetPolicy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.subscription.SigningSecret;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security hardening (DNS rebinding): pinning the connection to the checked address must not cost TLS its
 * host name. The receiver on 127.0.0.1 holds a certificate for hooks.test only (made for this test by keytool);
 * the sender connects to the pinned address and still names and verifies the URL's host.
 */
class PinnedTlsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    Path dir;

    private HttpsServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private CloseableHttpAsyncClient client;
    private WebhookSender sender;

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("hooks-test.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hooks.test",
                "-ext", "SAN=dns:hooks.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, new SecureRandom());
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hook", keys.getCertificate("hook"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trustManagers.getTrustManagers(), new SecureRandom());
        // Both names resolve to loopback, the address the receiver listens on; the permissive policy of local development.
        TargetPolicy policy = new TargetPolicy(true, host -> {
            if (host.equals("hooks.test") || host.equals("elsewhere.test")) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            throw new UnknownHostException(host);
        });
        client = WebhookConfiguration.startedClient(policy, Duration.ofSeconds(2), Duration.ofSeconds(2), clientTls);
        sender = new WebhookSender(client, policy, Duration.ofSeconds(2), Duration.ofSeconds(2), executor, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close(CloseMode.IMMEDIATE);
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void aPinnedConnectionVerifiesTheCertificateAgainstTheUrlsHost() {
        AttemptResult result = sender.send(attempt("https://hooks.test:" + server.getAddress().getPort() + "/hook")).join();

        assertThat(result.statusCode()).isEqualTo(204);
        assertThat(received.get()).isEqualTo(1);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedThoughTheAddressIsTheSame() {
        AttemptResult result = sender.send(attempt("https://elsewhere.test:" + server.getAddress().getPort() + "/hook")).join();

        assertThat(result.statusCode()).isNull();
        assertThat(result.error()).containsIgnoringCase("elsewhere.test");
        assertThat(received.get()).isZero();
    }

    private static WebhookSender.Attempt attempt(String url) {
        return new WebhookSender.Attempt(UUID.randomUUID(), URI.create(url), "{}".getBytes(StandardCharsets.UTF_8),
                List.of(SigningSecret.generate(new SecureRandom())), Map.of());
    }
}
