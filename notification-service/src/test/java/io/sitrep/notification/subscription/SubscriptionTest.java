package io.sitrep.notification.subscription;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTest {

    // issue 12: delivery events carried a chat webhook's path, which holds its credential, and whole email addresses.
    @Test
    void deliveryEventsShowAWebhooksOriginOnly() {
        Subscription slack = subscription(Channel.WEBHOOK, "https://hooks.slack.com:443/services/T000/B000/XXXXsecret?x=1");

        assertThat(slack.publicTarget()).isEqualTo("https://hooks.slack.com:443");
    }

    @Test
    void deliveryEventsHideAnEmailAddressButForItsFirstLetterAndDomain() {
        assertThat(subscription(Channel.EMAIL, "oncall@example.com").publicTarget()).isEqualTo("o…@example.com");
    }

    private static Subscription subscription(Channel channel, String target) {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        return new Subscription(new SubscriptionId(UUID.randomUUID()), channel, target, "endpoint", SubscriptionFilter.all(),
                SubscriptionStatus.ACTIVE, null, null, null, now, now, null);
    }
}
