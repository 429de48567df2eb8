package io.sitrep.console.subscriber;

import io.sitrep.console.web.Words;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the subscribers screen shows: the counts, and the subscriptions one search found. */
public final class SubscribersView {

    private SubscribersView() {
    }

    /**
     * Subscriptions of one channel to one component.
     *
     * @param component the component's id, or "Every component" for those subscribed to all
     */
    public record Count(String component, String channel, long active, long pending) {
    }

    /** One subscription found, as the screen shows it. */
    public record Found(String id, String channel, String address, String components, String status, String disabledReason,
                        String createdAt) {
    }

    /** The counts, by component (those to every component first), then channel. */
    static List<Count> counts(JsonNode answer) {
        List<Count> counts = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            counts.add(new Count(item.path("component").isString() ? item.path("component").asString() : "",
                    channelInWords(item.path("channel").asString("")), item.path("active").asLong(), item.path("pending").asLong()));
        }
        counts.sort(Comparator.comparing(Count::component).thenComparing(Count::channel));
        return counts.stream().map(c -> c.component().isEmpty()
                ? new Count("Every component", c.channel(), c.active(), c.pending()) : c).toList();
    }

    static List<Found> found(JsonNode page) {
        List<Found> found = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            List<String> components = new ArrayList<>();
            item.path("components").forEach(component -> components.add(component.asString()));
            found.add(new Found(item.path("id").asString(""), channelInWords(item.path("channel").asString("")),
                    item.path("address").asString(""), components.isEmpty() ? "Every component" : String.join(", ", components),
                    Words.of(item.path("status").asString("")), item.path("disabledReason").asString(""),
                    Words.time(item.path("createdAt").asString(""))));
        }
        return found;
    }

    /** {@code google_chat} as "Google Chat", {@code email} as "Email". */
    public static String channelInWords(String wire) {
        return switch (wire) {
            case "email" -> "Email";
            case "webhook" -> "Webhook";
            case "slack" -> "Slack";
            case "teams" -> "Microsoft Teams";
            case "discord" -> "Discord";
            case "google_chat" -> "Google Chat";
            case "mattermost" -> "Mattermost";
            default -> Words.of(wire);
        };
    }
}
