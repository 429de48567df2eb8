package io.sitrep.notification.email;

import io.sitrep.events.EventType;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Issue 17: an event's email is rendered once for a whole list, and each recipient's links are put in per mail. */
class PreparedEmailTest {

    private static final String UNSUBSCRIBE = "https://status.example.com/api/v1/subscriptions/unsubscribe?token=AQ_x-1&a=<b>";
    private static final String MANAGE = "https://status.example.com/api/v1/subscriptions/manage?token=Aw_y-2&c=\"d\"";

    /**
     * Subject, text and HTML of each golden sample's email (the first 16 bytes of their SHA-256), with and without a
     * manage link, as the renderer wrote them before an email was rendered once for all its recipients.
     */
    private static final Map<String, List<String>> RENDERED_PER_RECIPIENT = Map.ofEntries(
            Map.entry("incident.opened", List.of("f539cf4e0ca83b98b5fbb03f04cd701c", "f9b69162c83f91f29edc713fa895201a")),
            Map.entry("incident.updated", List.of("753e86f2373537072911430b9b81da3d", "93f94897f8a82e91cbfcae906d87eefc")),
            Map.entry("incident.resolved", List.of("d2967a8c277be46b5041503613095f14", "01fbd3cde6f1adb9b89b53fd3748dd2c")),
            Map.entry("incident.reopened", List.of("29fb529188038502732abf4707f0832b", "abd04b252d97209bb832951c1a28c7b0")),
            Map.entry("postmortem.published", List.of("64275894803991285ea5d8e1cfb2d7b8", "235774aa393d6d30b731a2f98d8ddbe6")),
            Map.entry("maintenance.scheduled", List.of("4f94f90e07677d91dbee49cd248f45e8", "d240c8c5a2c3024bd078c42e378d4238")),
            Map.entry("maintenance.updated", List.of("197f3453c1e1af93bc1ef3dd57da7dab", "751f1b939db954799dc35dcd8fd1b614")),
            Map.entry("maintenance.reminder", List.of("c1c5688720728c11e81bf1c7733f4a1a", "ab240b74b1b93fd6ff66566f75439ada")),
            Map.entry("maintenance.started", List.of("8408461ed4d70b03f6d95a92c9b6d4a0", "fdf652003f1e4ec34a9699b3a54bab90")),
            Map.entry("maintenance.completed", List.of("79f96e3bca7c06b54e69bcfa7018c042", "703cbd40384eb5078c0b97c128b93228")),
            Map.entry("maintenance.cancelled", List.of("a08f8bd74409bf9588ad6c9c35a7d3fa", "f3d50ef53775e51c8e5ca3a24b58b74b")),
            Map.entry("incident.published", List.of("7676dfabe55f00d5d9daf4e8a30df6ee", "19ec89fe10b145737489809c23707ae8")),
            Map.entry("incident.edited", List.of("5c06d07872fdb4a3417889a9ede6c2ce", "a7d2745fdb8cb5d032fa0fb826e751e4")),
            Map.entry("incident.update_edited", List.of("ac98ecbcdc22f67591b08ac8d019edfe", "0012fbf1cec6941f6d9afb8faee4aa4d")),
            Map.entry("incident.deleted", List.of("a4647f94d2013fd1f301e75c75db031c", "9fd2d2fc6de9d2483c48bd7221dd12d8"))
    );

    private final EmailRenderer renderer = new EmailRenderer(ZoneId.of("Europe/Berlin"));

    @Test
    void anEmailRenderedOnceAndFilledForOneRecipientIsByteForByteTheEmailRenderedForItAlone() throws Exception {
        int notifying = 0;
        for (EventType type : EventType.values()) {
            if (!RENDERED_PER_RECIPIENT.containsKey(type.wireName())) {
                continue;
            }
            notifying++;
            SitrepEvent event = new EventCodec().decode(type.wireName(), GoldenSamples.sample(type));

            String withManage = digest(renderer.prepareNotification(event, true).fill(UNSUBSCRIBE, MANAGE));
            String withoutManage = digest(renderer.prepareNotification(event, false).fill(UNSUBSCRIBE, null));

            assertThat(List.of(withManage, withoutManage)).as(type.wireName()).isEqualTo(RENDERED_PER_RECIPIENT.get(type.wireName()));
        }
        assertThat(notifying).isEqualTo(RENDERED_PER_RECIPIENT.size());
    }

    @Test
    void eachRecipientGetsOnlyItsOwnLinks() throws Exception {
        SitrepEvent event = new EventCodec().decode("incident.updated", GoldenSamples.sample(EventType.INCIDENT_UPDATED));
        PreparedEmail once = renderer.prepareNotification(event, true);

        RenderedEmail alice = once.fill("https://s.example.com/u?token=alice-u", "https://s.example.com/m?token=alice-m");
        RenderedEmail bob = once.fill("https://s.example.com/u?token=bob-u", "https://s.example.com/m?token=bob-m");

        assertThat(alice.text()).contains("Unsubscribe: https://s.example.com/u?token=alice-u")
                .contains("Manage your subscription: https://s.example.com/m?token=alice-m").doesNotContain("bob");
        assertThat(alice.html()).contains("<a href=\"https://s.example.com/u?token=alice-u\">Unsubscribe</a>")
                .contains("<a href=\"https://s.example.com/m?token=alice-m\">Manage your subscription</a>").doesNotContain("bob");
        assertThat(bob.text()).contains("token=bob-u").contains("token=bob-m").doesNotContain("alice");
        assertThat(bob.html()).contains("token=bob-u").contains("token=bob-m").doesNotContain("alice");
        assertThat(bob.subject()).isEqualTo(alice.subject());
    }

    @Test
    void anEmailIsFilledOnlyWithTheLinksItWasRenderedFor() throws Exception {
        SitrepEvent event = new EventCodec().decode("maintenance.started", GoldenSamples.sample(EventType.MAINTENANCE_STARTED));

        PreparedEmail withManage = renderer.prepareNotification(event, true);
        PreparedEmail withoutManage = renderer.prepareNotification(event, false);

        assertThatIllegalArgumentException().isThrownBy(() -> withManage.fill(UNSUBSCRIBE, null));
        assertThatIllegalArgumentException().isThrownBy(() -> withoutManage.fill(UNSUBSCRIBE, MANAGE));
        assertThatIllegalArgumentException().isThrownBy(() -> withManage.fill(null, MANAGE));
    }

    private static String digest(RenderedEmail email) throws Exception {
        byte[] all = (email.subject() + "\u0000" + email.text() + "\u0000" + email.html()).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all)).substring(0, 32);
    }
}
