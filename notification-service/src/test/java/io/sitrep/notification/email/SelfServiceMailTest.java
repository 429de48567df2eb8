package io.sitrep.notification.email;

import io.sitrep.events.Impact;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.Maintenances;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the mails of subscriptions from the status page: the manage link, a webhook's confirmation and notice. */
class SelfServiceMailTest {

    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void incidentAndMaintenanceMailsCarryTheManageLinkNextToTheUnsubscribeLink() {
        RenderedEmail incident = renderer.notification(Incidents.opened(UUID.randomUUID(), "API degraded", "api", Impact.MAJOR),
                "https://n.example/unsubscribe?token=u", "https://n.example/manage?token=m");
        RenderedEmail maintenance = renderer.notification(Maintenances.scheduled("api"),
                "https://n.example/unsubscribe?token=u", "https://n.example/manage?token=m");

        for (RenderedEmail mail : new RenderedEmail[] {incident, maintenance}) {
            assertThat(mail.text()).contains("Manage your subscription: https://n.example/manage?token=m")
                    .contains("Unsubscribe: https://n.example/unsubscribe?token=u");
            assertThat(mail.html()).contains("<a href=\"https://n.example/manage?token=m\">Manage your subscription</a>");
        }
    }

    @Test
    void withoutAManageLinkTheMailSaysNothingOfIt() {
        RenderedEmail mail = renderer.notification(Incidents.opened(UUID.randomUUID(), "API degraded", "api", Impact.MAJOR),
                "https://n.example/unsubscribe?token=u");

        assertThat(mail.text()).doesNotContain("Manage your subscription");
        assertThat(mail.html()).doesNotContain("Manage your subscription");
    }

    @Test
    void aWebhooksConfirmationNamesTheWebhookAndItsContactAndTheNoticeSaysWhyItWasDisabled() {
        RenderedEmail confirmation = renderer.confirmation("https://n.example/confirm?token=c", "https://n.example/unsubscribe?token=u",
                Set.of("api"), "https://hooks.example.com");
        RenderedEmail notice = renderer.disabledNotice("https://hooks.example.com", "receiver_gone");

        assertThat(confirmation.text()).contains("by webhook at https://hooks.example.com, with this address as its contact")
                .contains("Components: api");
        assertThat(notice.subject()).isEqualTo("Sitrep: your webhook was disabled");
        assertThat(notice.text()).contains("https://hooks.example.com").contains("gone (410)");
        assertThat(notice.html()).contains("<strong>https://hooks.example.com</strong>");
    }
}
