package io.sitrep.notification.webhook;

import io.sitrep.notification.target.TargetPolicy;

import io.sitrep.notification.Receiver;
import io.sitrep.notification.delivery.AttemptResult;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security hardening (DNS rebinding): the sender used to check the addresses a name resolved to, and then
 * let the HTTP client resolve it again. Now the client resolves once, through the policy, and connects to
 * the addresses it checked.
 */
class PinnedResolutionTest {

    private static final String REBINDING_HOST = "rebind.test";

    private final Receiver receiver = Receiver.start();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<CloseableHttpAsyncClient> clients = new ArrayList<>();

    /** Answers each lookup of rebind.test with the next address of its list, and counts lookups. */
    private static final class Rebinding implements TargetPolicy.Resolver {

        private final List<InetAddress> answers;
        private final AtomicInteger lookups = new AtomicInteger();

        Rebinding(String... answers) throws UnknownHostException {
            this.answers = new ArrayList<>();
            for (String answer : answers) {
                this.answers.add(InetAddress.getByName(answer));
            }
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals(REBINDING_HOST)) {
                throw new UnknownHostException(host);
            }
            int n = lookups.getAndIncrement();
            return new InetAddress[] {answers.get(Math.min(n, answers.size() - 1))};
        }
    }

    @AfterEach
    void close() {
        clients.forEach(client -> client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE));
        receiver.close();
        executor.shutdownNow();
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedAndTheRequestKeepsTheHostName() throws Exception {
        // Loopback is the checked answer here (the permissive policy of local development); the second answer
        // would be a private address nothing listens on. One lookup only: the connection uses the checked one.
        Rebinding dns = new Rebinding("127.0.0.1", "10.255.255.1");
        WebhookSender sender = sender(new TargetPolicy(true, dns));

        AttemptResult result = sender.send(attempt(URI.create("http://" + REBINDING_HOST + ":" + receiver.port() + "/hook"))).join();

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(dns.lookups.get()).isEqualTo(1);
        assertThat(receiver.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("Host")).isEqualTo(REBINDING_HOST + ":" + receiver.port()));
    }

    @Test
    void aNameThatAnswersLoopbackAfterAPublicAddressNeverReachesLoopback() throws Exception {
        // The first answer passes the check and is where the connection goes (nothing answers there from here);
        // the next lookup's loopback answer is refused before any connection is opened.
        Rebinding dns = new Rebinding("93.184.215.14", "127.0.0.1");
        WebhookSender sender = sender(new TargetPolicy(false, dns));
        URI url = URI.create("http://" + REBINDING_HOST + ":" + receiver.port() + "/hook");

        AttemptResult first = sender.send(attempt(url)).join();
        AttemptResult second = sender.send(attempt(url)).join();

        assertThat(first.statusCode()).isNull();
        assertThat(second.statusCode()).isNull();
        assertThat(second.error()).startsWith("target refused: rebind.test resolves to 127.0.0.1");
        assertThat(dns.lookups.get()).isEqualTo(2);
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aRefusedAddressLiteralIsNotConnectedTo() {
        WebhookSender sender = sender(new TargetPolicy(false, InetAddress::getAllByName));

        AttemptResult result = sender.send(attempt(URI.create(receiver.url()))).join();

        assertThat(result.error()).startsWith("target refused: 127.0.0.1, a loopback or private address");
        assertThat(receiver.requests()).isEmpty();
    }

    private WebhookSender sender(TargetPolicy policy) {
        CloseableHttpAsyncClient client = WebhookConfiguration.startedClient(policy, Duration.ofMillis(300), Duration.ofSeconds(2));
        clients.add(client);
        return new WebhookSender(client, policy, Duration.ofMillis(300), Duration.ofSeconds(2), executor, Clock.systemUTC());
    }

    private static WebhookSender.Attempt attempt(URI url) {
        return new WebhookSender.Attempt(UUID.randomUUID(), url, "{}".getBytes(StandardCharsets.UTF_8),
                List.of(io.sitrep.notification.subscription.SigningSecret.generate(new java.security.SecureRandom())), Map.of());
    }
}
