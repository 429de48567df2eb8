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

    @Test
    void aChatWebhookIsShownByItsHostAndTheLastFourCharactersOnly() {
        String url = "https://hooks.slack.com/services/T0AB/B0CD/abcdefghijklmnopqrstWXYZ";

        String shown = Subscription.redacted(url);

        assertThat(shown).isEqualTo("https://hooks.slack.com/…WXYZ");
    }

    @Test
    void aShortChatPathShowsNothingOfItself() {
        assertThat(Subscription.redacted("https://chat.example.com:8443/h/abc")).isEqualTo("https://chat.example.com/…");
    }

    @Test
    void deliveryEventsShowAChatWebhooksOriginOnly() {
        Subscription discord = subscription(Channel.DISCORD, "https://discord.com/api/webhooks/1/tokenXYZ");

        assertThat(discord.publicTarget()).isEqualTo("https://discord.com");
    }

    private static Subscription subscription(Channel channel, String target) {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        return new Subscription(new SubscriptionId(UUID.randomUUID()), channel, target, "endpoint", SubscriptionFilter.all(),
                SubscriptionStatus.ACTIVE, null, null, null, now, now, null);
    }
}
