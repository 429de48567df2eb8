package io.sitrep.notification.subscription.web;

import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the subscriber export as CSV, safe to open in a spreadsheet. */
class SubscriberCsvTest {

    @Test
    void everyFieldIsQuotedAndAFormulaIsDefused() {
        UUID id = UUID.fromString("3f6b9d2e-8a41-4c7f-9e05-b1d8a6c4e723");
        SubscriberController.Subscriber subscriber = new SubscriberController.Subscriber(id, Channel.EMAIL, "=cmd|'/c calc'!A0@example.com",
                null, null, List.of("api", "db"), SubscriptionStatus.ACTIVE, Instant.parse("2025-10-20T06:58:12Z"));

        String csv = SubscriberCsv.of(List.of(subscriber));

        assertThat(csv).isEqualTo("id,channel,email,url,contactEmail,components,status,createdAt\r\n"
                + "\"" + id + "\",\"email\",\"'=cmd|'/c calc'!A0@example.com\",,,\"api db\",\"active\",\"2025-10-20T06:58:12Z\"\r\n");
    }

    @Test
    void aQuoteInAFieldIsDoubled() {
        assertThat(SubscriberCsv.field("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SubscriberCsv.field("+1")).isEqualTo("\"'+1\"");
        assertThat(SubscriberCsv.field(null)).isEmpty();
    }
}
