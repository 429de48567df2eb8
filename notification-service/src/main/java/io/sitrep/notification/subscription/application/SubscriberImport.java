package io.sitrep.notification.subscription.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.EmailAddress;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionDeliveries;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Email subscribers an administrator brings from elsewhere (another status page, a customer list), confirmed already:
 * the administrator vouches for them, so no confirmation email is sent and each is active at once, with a subscription
 * (and so an unsubscribe link) of its own, of the status page's shape. A batch is imported in one transaction, under
 * one lock for all imports, and imports again without a change: an address with an active subscription of that shape
 * is left as it is (whatever its components), and one that unsubscribed is left out, since its recipient's choice
 * wins over a list. Once committed, outcomes are counted in {@code sitrep.subscribers.imported} by outcome and logged as
 * counts, never with an address.
 */
@Service
public class SubscriberImport {

    private static final Logger log = LoggerFactory.getLogger(SubscriberImport.class);

    /** The most addresses one import takes. */
    public static final int MAX_BATCH = 1_000;

    /**
     * One address to import.
     *
     * @param address    an address that passed {@link EmailAddress#of}
     * @param components the components to notify it of; empty for all
     */
    public record Subscriber(String address, Set<String> components) {

        public Subscriber {
            components = components == null ? Set.of() : Set.copyOf(components);
        }
    }

    /**
     * What became of a batch.
     *
     * @param created           addresses subscribed now
     * @param alreadySubscribed addresses left as they were: they had an active subscription
     * @param unsubscribed      addresses left out: their recipients unsubscribed
     */
    public record Imported(int created, int alreadySubscribed, int unsubscribed) {
    }

    private final Subscriptions subscriptions;
    private final MeterRegistry meters;
    private final Clock clock;

    SubscriberImport(Subscriptions subscriptions, MeterRegistry meters, Clock clock) {
        this.subscriptions = subscriptions;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Imports a batch of distinct addresses (compared lower-cased), at most {@link #MAX_BATCH}.
     *
     * @param principal who imports, for the log
     * @throws IllegalArgumentException when the batch is too long or names an address twice: the caller checks both
     */
    @Transactional
    public Imported importEmails(List<Subscriber> batch, String principal) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " subscribers per import");
        }
        List<String> keys = batch.stream().map(s -> EmailAddress.key(s.address())).toList();
        if (Set.copyOf(keys).size() != keys.size()) {
            throw new IllegalArgumentException("the batch names an address twice");
        }
        subscriptions.lockImports();
        Map<String, SubscriptionStatus> standing = subscriptions.emailStanding(keys);
        Instant now = clock.instant();
        List<Subscription> created = new ArrayList<>();
        int already = 0;
        int unsubscribed = 0;
        for (Subscriber subscriber : batch) {
            SubscriptionStatus status = standing.get(EmailAddress.key(subscriber.address()));
            if (status == SubscriptionStatus.ACTIVE) {
                already++;
            } else if (status == SubscriptionStatus.UNSUBSCRIBED) {
                unsubscribed++;
            } else {
                created.add(new Subscription(new SubscriptionId(UUID.randomUUID()), Channel.EMAIL, subscriber.address(),
                        SubscriptionDeliveries.SMTP_ENDPOINT, new SubscriptionFilter(subscriber.components(), Set.of(), null),
                        SubscriptionStatus.ACTIVE, null, null, null, now, now, null));
            }
        }
        subscriptions.insertAll(created);
        Imported imported = new Imported(created.size(), already, unsubscribed);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counted(imported, batch.size(), principal);
            }
        });
        return imported;
    }

    private void counted(Imported imported, int batch, String principal) {
        meters.counter("sitrep.subscribers.imported", "outcome", "created").increment(imported.created());
        meters.counter("sitrep.subscribers.imported", "outcome", "already_subscribed").increment(imported.alreadySubscribed());
        meters.counter("sitrep.subscribers.imported", "outcome", "unsubscribed").increment(imported.unsubscribed());
        log.info("Email subscribers imported by '{}': {} in the batch, {} created, {} already subscribed, {} left out as unsubscribed",
                principal, batch, imported.created(), imported.alreadySubscribed(), imported.unsubscribed());
    }
}
