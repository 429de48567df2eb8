package io.sitrep.notification.subscription.web;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.application.SubscriberImport;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17 (a large list): an admin imports email subscribers who are confirmed already, in batches, instead of each
 * address subscribing and confirming through its emailed link. Held against the OpenAPI description like every answer.
 */
class SubscriberImportIT extends IntegrationTest {

    private static final String IMPORT = "/api/v1/subscribers/import";

    @Autowired
    private SubscriberImport importer;
    @Autowired
    private SubscriptionCommands commands;
    @Autowired
    private PlatformTransactionManager transactions;

    private final HttpClient http = HttpClient.newHttpClient();
    /** This test's addresses end so, for the clean-up and the counts. */
    private final String domain = "import-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

    @AfterEach
    void deleteImported() {
        for (String id : jdbc.sql("SELECT id::text FROM subscriptions WHERE target LIKE ? AND status <> 'deleted'")
                .param("%@" + domain).query(String.class).list()) {
            api.as(ADMIN_KEY).send("DELETE", "/api/v1/subscriptions/" + id, null, java.util.Map.of()).expect(204);
        }
    }

    @Test
    void importedSubscribersAreActiveAtOnceWithoutAConfirmationAndAnIncidentMailsEachOnceWithAWorkingUnsubscribeLink()
            throws Exception {
        String component = freshComponent("imported");
        List<String> addresses = addresses(25);

        JsonNode imported = api.as(ADMIN_KEY).post(IMPORT, batch(addresses, component)).expect(200).json();

        assertThat(imported.get("received").asInt()).isEqualTo(25);
        assertThat(imported.get("created").asInt()).isEqualTo(25);
        assertThat(imported.get("alreadySubscribed").asInt()).isZero();
        assertThat(imported.get("unsubscribed").asInt()).isZero();
        assertThat(count("subscriptions WHERE target LIKE '%@" + domain + "' AND status = 'active' AND channel = 'email'"
                + " AND components = ARRAY['" + component + "']::text[]")).isEqualTo(25);
        assertThat(count("deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE s.target LIKE '%@" + domain + "'"))
                .as("no confirmation email is queued").isZero();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        IncidentUpdated update = Incidents.identified(opened);
        publish(opened, update);
        await().atMost(TIMEOUT).until(() -> count("deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE s.target LIKE '%@"
                + domain + "' AND d.event_id = '" + update.eventId() + "' AND d.status = 'delivered'") == 25);
        await().atMost(TIMEOUT).until(() -> addresses.stream().allMatch(a -> received(a).size() >= 2));
        for (String address : addresses) {
            List<MimeMessage> mails = received(address);
            assertThat(mails).as("mails to one subscriber: the opening and the update, once each").hasSize(2);
            assertThat(mails).extracting(MimeMessage::getSubject).noneMatch(s -> s.startsWith("Confirm"));
        }
        MimeMessage mail = received(addresses.get(0)).get(1);
        String header = mail.getHeader("List-Unsubscribe")[0];
        HttpResponse<String> unsubscribed = http.send(HttpRequest.newBuilder(local(header.substring(1, header.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM subscriptions WHERE target = ?").param(addresses.get(0)).query(String.class).single())
                .isEqualTo("unsubscribed");
        assertThat(count("subscriptions WHERE target LIKE '%@" + domain + "' AND status = 'active'")).isEqualTo(24);
    }

    @Test
    void importingAgainChangesNothingAndAnUnsubscribedAddressIsLeftOut() {
        String component = freshComponent("reimported");
        List<String> addresses = addresses(10);
        api.as(ADMIN_KEY).post(IMPORT, batch(addresses, component)).expect(200);
        jdbc.sql("UPDATE subscriptions SET status = 'unsubscribed' WHERE target = ?").param(addresses.get(9)).update();
        List<String> again = new java.util.ArrayList<>(addresses);
        // Case aside, an address is the same address.
        again.set(0, addresses.get(0).toUpperCase());
        again.add("new@" + domain);

        JsonNode reimported = api.as(ADMIN_KEY).post(IMPORT, batch(again, freshComponent("other"))).expect(200).json();

        assertThat(reimported.get("received").asInt()).isEqualTo(11);
        assertThat(reimported.get("created").asInt()).isEqualTo(1);
        assertThat(reimported.get("alreadySubscribed").asInt()).isEqualTo(9);
        assertThat(reimported.get("unsubscribed").asInt()).isEqualTo(1);
        assertThat(count("subscriptions WHERE target LIKE '%@" + domain + "'")).isEqualTo(11);
        assertThat(count("subscriptions WHERE target LIKE '%@" + domain + "' AND components = ARRAY['" + component + "']::text[]"))
                .as("the subscriptions there were keep their components").isEqualTo(10);
        assertThat(count("subscriptions WHERE lower(target) = lower('" + addresses.get(0) + "')")).isEqualTo(1);
        assertThat(api.as(ADMIN_KEY).post(IMPORT, batch(again, component)).expect(200).json().get("created").asInt()).isZero();
        assertThat(count("subscriptions WHERE target LIKE '%@" + domain + "'")).isEqualTo(11);
    }

    @Test
    void aBatchWithOneBadEntryIsRefusedNamingItAndImportsNothing() {
        String component = freshComponent("refused");
        List<String> addresses = addresses(3);
        String bad = "{\"subscribers\":[{\"email\":\"" + addresses.get(0) + "\",\"components\":[\"" + component + "\"]},"
                + "{\"email\":\"not-an-address\",\"components\":[\"" + component + "\"]},"
                + "{\"email\":\"" + addresses.get(2) + "\"}]}";
        String twice = batch(List.of(addresses.get(0), addresses.get(1), addresses.get(0).toUpperCase()), component);
        String badComponent = "{\"subscribers\":[{\"email\":\"" + addresses.get(0) + "\",\"components\":[\"Not A Component\"]}]}";
        String control = "{\"subscribers\":[{\"email\":\"" + addresses.get(0) + "\"},{\"email\":\"a\\u0007b@" + domain + "\"}]}";
        String tooLong = batch(List.of("a".repeat(250) + "@" + domain), component);
        // About 95 KB: over the API's 64 KB, within the import's own limit, so refused for its length, not its size.
        String tooMany = batch(IntStream.range(0, 1_001).mapToObj(i -> "many-" + i + "@" + domain).toList(), component);
        String manyComponents = IntStream.range(0, 100).mapToObj(i -> "\"c" + i + "-" + "x".repeat(60) + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        String tooLarge = IntStream.range(0, 100).mapToObj(i -> "{\"email\":\"large-" + i + "@" + domain + "\",\"components\":"
                + manyComponents + "}").collect(java.util.stream.Collectors.joining(",", "{\"subscribers\":[", "]}"));

        JsonNode refused = api.as(ADMIN_KEY).post(IMPORT, bad).expectProblem(400, "validation-failed");
        JsonNode repeated = api.as(ADMIN_KEY).post(IMPORT, twice).expectProblem(400, "validation-failed");

        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("subscribers[1].email");
        assertThat(repeated.get("errors").get(0).get("field").asString()).isEqualTo("subscribers[2].email");
        assertThat(repeated.get("detail").asString()).contains("repeats subscribers[0].email").doesNotContain(addresses.get(0));
        assertThat(api.as(ADMIN_KEY).post(IMPORT, badComponent).expectProblem(400, "validation-failed").get("errors").get(0)
                .get("field").asString()).isEqualTo("subscribers[0].components[0]");
        assertThat(api.as(ADMIN_KEY).post(IMPORT, control).expectProblem(400, "validation-failed").get("errors").get(0)
                .get("field").asString()).startsWith("subscribers").endsWith("email");
        assertThat(api.as(ADMIN_KEY).post(IMPORT, tooLong).expectProblem(400, "validation-failed").get("errors").get(0)
                .get("field").asString()).isEqualTo("subscribers[0].email");
        assertThat(api.as(ADMIN_KEY).post(IMPORT, tooMany).expectProblem(400, "validation-failed").get("errors").get(0)
                .get("field").asString()).isEqualTo("subscribers");
        assertThat(api.as(ADMIN_KEY).post(IMPORT, "{\"subscribers\":[]}").expectProblem(400, "validation-failed").get("errors")
                .get(0).get("field").asString()).isEqualTo("subscribers");
        assertThat(tooLarge.length()).isGreaterThan(512 * 1024);
        api.as(ADMIN_KEY).post(IMPORT, tooLarge).expectProblem(413, "payload-too-large");
        assertThat(count("subscriptions WHERE target LIKE '%@" + domain + "'")).as("nothing of a refused batch").isZero();
    }

    @Test
    void onlyAKeyWithTheAdminScopeMayImport() {
        String body = batch(addresses(2), freshComponent("denied"));

        api.as(MANAGER_KEY).post(IMPORT, body).expectProblem(403, "insufficient-scope");
        api.as(READER_KEY).post(IMPORT, body).expectProblem(403, "insufficient-scope");
        api.as(null).post(IMPORT, body).expect(401);

        assertThat(count("subscriptions WHERE target LIKE '%@" + domain + "'")).isZero();
    }

    @Test
    void anAddressConfirmedWhileItsImportCommitsEndsWithOneActiveSubscription() throws Exception {
        String address = "racing@" + domain;
        Subscription pending = commands.subscribeEmailFromPage(address, Set.of()).subscription();
        CountDownLatch imported = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // The import has read the address as pending and created its subscription, and has not committed.
        CompletableFuture<SubscriberImport.Imported> importing = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(status -> {
                    SubscriberImport.Imported result = importer.importEmails(List.of(new SubscriberImport.Subscriber(address, Set.of())), "test");
                    imported.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return result;
                }));
        assertThat(imported.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Subscription> confirming;
        try {
            confirming = CompletableFuture.supplyAsync(() -> commands.confirm(pending.id()));
            await("the confirmation waits for the import").atMost(TIMEOUT).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'""")
                    .query(Long.class).single() >= 1);
        } finally {
            // Never leave the import's transaction open, whatever happened above.
            commit.countDown();
        }

        assertThat(importing.get(30, TimeUnit.SECONDS).created()).isEqualTo(1);
        assertThat(confirming.get(30, TimeUnit.SECONDS).status().wireName()).isEqualTo("active");
        assertThat(jdbc.sql("SELECT id::text FROM subscriptions WHERE target = ? AND status = 'active'").param(address)
                .query(String.class).list())
                .as("the confirmed subscription replaced the imported one: one mail per event, not two")
                .containsExactly(pending.id().value().toString());
    }

    private List<String> addresses(int n) {
        return IntStream.range(0, n).mapToObj(i -> "subscriber-" + i + "@" + domain).toList();
    }

    private static String batch(List<String> addresses, String component) {
        return addresses.stream().map(a -> "{\"email\":\"" + a + "\",\"components\":[\"" + component + "\"]}")
                .collect(java.util.stream.Collectors.joining(",", "{\"subscribers\":[", "]}"));
    }

    /** The public base URL in emails is the configured one; the test server listens on a random port. */
    private URI local(String url) {
        URI uri = URI.create(url);
        return URI.create(api.baseUrl() + uri.getRawPath() + "?" + uri.getRawQuery());
    }
}
