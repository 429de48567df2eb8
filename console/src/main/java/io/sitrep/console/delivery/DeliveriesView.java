package io.sitrep.console.delivery;

import io.sitrep.console.subscriber.SubscribersView;
import io.sitrep.console.web.Words;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the deliveries screen shows. Targets come as notification-service shows them (a webhook's origin, a chat
 * channel's redacted URL, an email address with its local part hidden), never whole.
 */
public final class DeliveriesView {

    /** The longest filter value passed on; the service checks the values and names the field at fault. */
    static final int MAX_FILTER = 100;

    private DeliveriesView() {
    }

    /**
     * The filters of a re-drive, as typed; blank ones are left out.
     *
     * @param subscriptionId only this subscription's dead letters
     * @param since          only those that died at or after this instant (ISO 8601)
     * @param until          only those that died before this instant (ISO 8601)
     */
    public record Redrive(String subscriptionId, String since, String until) {

        public Redrive {
            subscriptionId = clean(subscriptionId);
            since = clean(since);
            until = clean(until);
        }

        Map<String, Object> request(boolean dryRun) {
            Map<String, Object> request = new LinkedHashMap<>();
            if (!subscriptionId.isEmpty()) {
                request.put("subscriptionId", subscriptionId);
            }
            if (!since.isEmpty()) {
                request.put("since", since);
            }
            if (!until.isEmpty()) {
                request.put("until", until);
            }
            request.put("dryRun", dryRun);
            return request;
        }

        private static String clean(String text) {
            String stripped = text == null ? "" : text.strip();
            return stripped.length() > MAX_FILTER ? stripped.substring(0, MAX_FILTER) : stripped;
        }
    }

    /** A subscription whose deliveries fail, with the last error in words. */
    public record FailingEndpoint(String subscriptionId, String channel, String target, String state, String lastError) {
    }

    /** A delivery that used up its retries. */
    public record DeadLetter(String subscriptionId, String channel, String target, String eventType, int attempts,
                             String lastError, String deadAt) {
    }

    /** The failing endpoints of notification-service's answer, in words; none when the answer is missing. */
    public static List<FailingEndpoint> failing(JsonNode answer) {
        List<FailingEndpoint> rows = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            String state = "disabled".equals(item.path("status").asString(""))
                    ? "Disabled" + (item.path("disabledReason").isString() ? ": " + item.path("disabledReason").asString() : "")
                    : "Failing: " + item.path("consecutiveFailures").asInt() + " attempts failed in a row"
                    + (item.path("failingSince").isString() ? " since " + Words.time(item.path("failingSince").asString()) : "");
            rows.add(new FailingEndpoint(item.path("subscriptionId").asString(""),
                    SubscribersView.channelInWords(item.path("channel").asString("")), item.path("target").asString(""), state,
                    error(item)));
        }
        return rows;
    }

    static List<DeadLetter> dead(JsonNode answer) {
        List<DeadLetter> rows = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            rows.add(new DeadLetter(item.path("subscriptionId").asString(""), SubscribersView.channelInWords(item.path("channel").asString("")),
                    item.path("target").asString(""), item.path("eventType").asString(""), item.path("attemptCount").asInt(),
                    error(item), Words.time(item.path("deadAt").asString(""))));
        }
        return rows;
    }

    /** The last error in words: the service's text, with the HTTP status when it did not say it already. */
    static String error(JsonNode item) {
        String error = item.path("lastError").isString() ? item.path("lastError").asString() : "";
        String status = item.path("lastStatusCode").isNumber() ? "HTTP " + item.path("lastStatusCode").asInt() : "";
        if (error.isEmpty()) {
            return status.isEmpty() ? "No error recorded" : status;
        }
        return status.isEmpty() || error.contains(status) ? error : error + " (" + status + ")";
    }
}
