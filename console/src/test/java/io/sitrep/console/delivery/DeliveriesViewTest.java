package io.sitrep.console.delivery;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveriesViewTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void saysTheLastErrorInWordsWithTheStatusWhenTheErrorDoesNotSayIt() {
        assertThat(DeliveriesView.error(json.readTree("{\"lastError\":\"HTTP 503\",\"lastStatusCode\":503}"))).isEqualTo("HTTP 503");
        assertThat(DeliveriesView.error(json.readTree("{\"lastError\":\"body too large\",\"lastStatusCode\":200}")))
                .isEqualTo("body too large (HTTP 200)");
        assertThat(DeliveriesView.error(json.readTree("{\"lastStatusCode\":410}"))).isEqualTo("HTTP 410");
        assertThat(DeliveriesView.error(json.readTree("{}"))).isEqualTo("No error recorded");
    }

    @Test
    void saysWhetherAnEndpointIsFailingOrDisabledInWords() {
        var rows = DeliveriesView.failing(json.readTree("""
                {"items":[{"subscriptionId":"a","channel":"teams","target":"https://example.webhook.office.com/…abcd","status":"disabled",
                           "disabledReason":"the receiver answered 410 Gone","consecutiveFailures":1},
                          {"subscriptionId":"b","channel":"email","target":"a…@example.com","status":"active","consecutiveFailures":2}]}"""));

        assertThat(rows).extracting(DeliveriesView.FailingEndpoint::state)
                .containsExactly("Disabled: the receiver answered 410 Gone", "Failing: 2 attempts failed in a row");
        assertThat(rows).extracting(DeliveriesView.FailingEndpoint::channel).containsExactly("Microsoft Teams", "Email");
    }

    @Test
    void asksForADryRunWithOnlyTheFiltersGiven() {
        DeliveriesView.Redrive redrive = new DeliveriesView.Redrive(" ", " 2026-12-01T09:00:00Z ", null);

        assertThat(redrive.request(true)).containsExactly(java.util.Map.entry("since", "2026-12-01T09:00:00Z"),
                java.util.Map.entry("dryRun", true));
    }
}
